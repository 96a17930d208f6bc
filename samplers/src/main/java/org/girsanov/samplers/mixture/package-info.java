/**
 * Gaussian mixtures fitted to samples: {@link org.girsanov.samplers.mixture.ExpectationMaximisation} (EM with full
 * covariances) and {@link org.girsanov.samplers.mixture.BicSelection} (the number of components by BIC), the
 * learned reference {@code π_ref} of LRDS (docs/math.md §6, "Reference from data"), fitted to MCMC samples by
 * {@link org.girsanov.samplers.mixture.ReferenceFromSamples}.
 */
package org.girsanov.samplers.mixture;
