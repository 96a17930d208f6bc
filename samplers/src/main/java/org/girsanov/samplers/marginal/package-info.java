/**
 * Marginal alignment (docs/math.md §6, "Marginal alignment"; §7.7): the noised target {@code ρ * N(0, ν I)} and its
 * score. Closed forms for Gaussian mixtures ({@link org.girsanov.samplers.marginal.NoisedMixture}, the exact noising
 * process {@link org.girsanov.samplers.marginal.MixtureNoisingProcess}) and Monte Carlo estimators of the score of any
 * target's noising ({@link org.girsanov.samplers.marginal.NoisedScoreEstimator}: the target score identity
 * {@link org.girsanov.samplers.marginal.TargetScoreIdentity} and RDMC's posterior-mean form
 * {@link org.girsanov.samplers.marginal.PosteriorMeanScore}), and the non-learned sampler they drive,
 * {@link org.girsanov.samplers.marginal.ReverseDiffusionMonteCarlo} (RDMC, Huang et al. ICLR 2024).
 */
package org.girsanov.samplers.marginal;
