/**
 * Training objectives as divergences between path measures (docs/math.md §4; docs/tour/06-pis.md, 07-off-policy.md):
 * every {@link org.girsanov.samplers.losses.Loss} simulates a {@link org.girsanov.samplers.losses.TrainingBatch} and adds
 * its gradient to the parameters. {@link org.girsanov.samplers.losses.KlLoss} differentiates through the solver
 * (on-policy only); the off-policy losses on detached paths — {@link org.girsanov.samplers.losses.LogVarianceLoss},
 * {@link org.girsanov.samplers.losses.TrajectoryBalanceLoss} with a learned {@code log Z},
 * {@link org.girsanov.samplers.losses.DetailedBalanceLoss} and {@link org.girsanov.samplers.losses.SubTrajectoryBalanceLoss}
 * with learned log-flows ({@link org.girsanov.samplers.losses.LogFlow}) — stream their gradient step by step in two
 * passes, so memory does not grow with the number of steps.
 */
package org.girsanov.samplers.losses;
