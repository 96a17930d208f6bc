/**
 * Marginal alignment (docs/math.md §6, "Marginal alignment"; §7.7): the noised target {@code ρ * N(0, ν I)} and its
 * score. Closed forms for Gaussian mixtures ({@link org.girsanov.samplers.marginal.NoisedMixture}, the exact noising
 * process {@link org.girsanov.samplers.marginal.MixtureNoisingProcess}).
 */
package org.girsanov.samplers.marginal;
