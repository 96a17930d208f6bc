/**
 * The Δt → 0 consistency checks (Berner et al. 2025, Thms 1 and 2; docs/math.md §5; docs/tour/05-dt-to-zero.md): on one
 * Brownian path refined ever finer, the error of the discrete log-weight against the continuous RND per level and its
 * fitted order ({@link org.girsanov.sde.check.ConvergenceOrder}), and the detailed-balance residual split into its
 * Nelson and Fokker–Planck parts. {@link org.girsanov.sde.check.ConsistencyChecker} runs the study on a pair of SDEs
 * ({@link org.girsanov.sde.check.ProcessPair}, named ones in {@link org.girsanov.sde.check.ProcessPairs}),
 * {@link org.girsanov.sde.check.PairConsistency} on any {@link org.girsanov.sde.path.PathPair} family such as a trained
 * sampler; both give a {@link org.girsanov.sde.check.ConsistencyReport}.
 */
package org.girsanov.sde.check;
