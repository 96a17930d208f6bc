package org.girsanov.samplers.mixture;

import org.girsanov.samplers.targets.GaussianMixture;

/**
 * A Gaussian mixture fitted to data by {@link ExpectationMaximisation}, with its fit statistics.
 *
 * @param mixture       the fitted mixture
 * @param logLikelihood {@code Σ_i log p(x_i)} at the fit
 * @param parameters    the number of free parameters {@code (K − 1) + K d + K d(d + 1)/2}
 * @param samples       the number of data points {@code n}
 * @param iterations    EM iterations run
 */
public record MixtureFit(GaussianMixture mixture, double logLikelihood, int parameters, int samples, int iterations) {

    /** The Bayesian information criterion {@code BIC = −2 log L + p log n} (Schwarz 1978); smaller is better. */
    public double bic() {
        return -2 * logLikelihood + parameters * Math.log(samples);
    }
}
