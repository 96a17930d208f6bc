package org.girsanov.samplers.marginal;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;

/**
 * A Monte Carlo estimator of the score of the noised target (docs/math.md §6, "Marginal alignment"):
 * for {@code X_t = a X_0 + √v ε}, {@code X_0 ~ ρ/Z}, the law {@code p_t(x) = ∫ ρ(x_0)/Z N(x; a x_0, v I) dx_0}
 * ({@code a = 1, v = ν}: {@code ρ * N(0, ν I)}), estimated from {@code K} self-normalised importance draws of the
 * denoising posterior per point ({@link TargetScoreIdentity}, {@link PosteriorMeanScore}, and their combinations
 * {@link BlendedScoreIdentity}, {@link ControlVariateScore}). All are consistent as
 * {@code K → ∞} with a bias of order {@code 1/K} (self-normalisation). Evaluations go through the target, so a
 * {@link org.girsanov.samplers.targets.CountingTarget} counts them.
 */
public interface NoisedScoreEstimator {

    /** The number {@code K} of posterior draws per point. */
    int draws();

    /** Target evaluations per point (log-densities plus scores). */
    long evaluationsPerPoint();

    /**
     * Estimates {@code ∇log p_t(x)} at the rows of {@code x}.
     *
     * @param x   {@code n × d} points
     * @param a   the mean factor, {@code > 0}
     * @param v   the noise variance, {@code > 0}
     * @param rng the source of the posterior draws
     */
    NoisedScore estimate(Target target, DMatrixRMaj x, double a, double v, UniformRandomProvider rng);
}
