/**
 * Exploration for the off-policy losses (docs/math.md §4; Sendera et al. NeurIPS 2024): a rank-prioritised
 * {@link org.girsanov.samplers.exploration.ReplayBuffer} of terminal states, a MALA
 * {@link org.girsanov.samplers.exploration.LocalSearch} that refreshes them, and an
 * {@link org.girsanov.samplers.exploration.ExplorationSchedule} that says, per iteration, whether to train on
 * variance-inflated forward paths or on backward paths from the buffer
 * ({@link org.girsanov.sde.path.Behaviour#backwardFrom}), or to mix both in one step.
 */
package org.girsanov.samplers.exploration;
