/**
 * Log importance weights of paths and the Radon–Nikodym derivatives they discretise (docs/math.md §3, §5;
 * docs/tour/04-girsanov.md). A {@link org.girsanov.sde.rnd.LogWeightForm} writes {@code log w} as two boundary terms
 * and per-step increments, in three forms: the kernel ratio ({@link org.girsanov.sde.rnd.KernelRatio},
 * {@link org.girsanov.sde.rnd.LogWeight}), the ratio telescoped against a reference process
 * ({@link org.girsanov.sde.rnd.ReferenceRatio}) and the controlled Girsanov form with a divergence
 * ({@link org.girsanov.sde.rnd.ControlledForm}, {@link org.girsanov.sde.rnd.ControlledRnd},
 * {@link org.girsanov.sde.rnd.DivergenceEstimator}). {@link org.girsanov.sde.rnd.BackwardItoRnd} is the continuous RND
 * in its backward-Itô form, which the Euler–Maruyama kernel ratio equals exactly for constant σ.
 */
package org.girsanov.sde.rnd;
