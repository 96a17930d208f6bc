/**
 * Stochastic differential equations on the tape (docs/math.md §2–§5): an {@link org.girsanov.sde.Sde} (a
 * {@link org.girsanov.sde.Drift} and a {@link org.girsanov.sde.DiffusionSchedule}), the {@link org.girsanov.sde.TimeGrid}
 * it is discretised on, priors and targets as {@link org.girsanov.sde.LogDensity} / {@link org.girsanov.sde.Distribution},
 * Brownian paths refinable by the bridge ({@link org.girsanov.sde.BrownianPath}) and counter-based random streams
 * ({@link org.girsanov.sde.RandomStreams}). The path engine is in the subpackages: {@code kernel} (Markov kernels),
 * {@code path} (path pairs and their simulation), {@code rnd} (log-weights and Girsanov's RND), {@code process}
 * (reference processes with closed forms), {@code check} (Δt → 0 consistency); docs/engine.md shows how they compose.
 */
package org.girsanov.sde;
