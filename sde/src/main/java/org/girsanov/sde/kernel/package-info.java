/**
 * Markov kernels indexed by the grid step (docs/math.md §3; docs/tour/03-path-weights.md): the contract
 * {@link org.girsanov.sde.kernel.MarkovKernel} (draw the next state on the tape, evaluate the log-density) and its
 * Gaussian kind {@link org.girsanov.sde.kernel.GaussianKernel}, whose {@link org.girsanov.sde.kernel.GaussianMoments}
 * are the whole contract; Euler–Maruyama steps of a forward or backward SDE
 * ({@link org.girsanov.sde.kernel.EulerMaruyamaForward}, {@link org.girsanov.sde.kernel.EulerMaruyamaBackward}),
 * exact linear-Gaussian transitions and their reversals ({@link org.girsanov.sde.kernel.ExactTransition},
 * {@link org.girsanov.sde.kernel.ExactReversal}), a control added to a reference transition
 * ({@link org.girsanov.sde.kernel.ControlledTransition}) and learned means and variances
 * ({@link org.girsanov.sde.kernel.LearnedGaussianKernel}).
 */
package org.girsanov.sde.kernel;
