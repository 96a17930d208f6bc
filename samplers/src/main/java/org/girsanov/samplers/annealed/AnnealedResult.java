package org.girsanov.samplers.annealed;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.mcmc.EvaluationCounter;
import org.girsanov.samplers.metrics.LogWeights;

/**
 * Weighted samples of an annealed run: points {@code x_i} with log-weights {@code log w_i} (for SMC, the
 * weights accumulated since the last resampling), the estimate {@code log Ẑ}, the normalised ESS of the
 * final weights, the mean MH acceptance of the transitions, the number of resamplings (0 for AIS) and the
 * target evaluations spent.
 */
public final class AnnealedResult {
    private final DMatrixRMaj samples;
    private final double[] logWeights;
    private final double logZ;
    private final double acceptance;
    private final int resamplings;
    private final EvaluationCounter evaluations;

    AnnealedResult(DMatrixRMaj samples, double[] logWeights, double logZ, double acceptance, int resamplings,
                   EvaluationCounter evaluations) {
        this.samples = samples;
        this.logWeights = logWeights;
        this.logZ = logZ;
        this.acceptance = acceptance;
        this.resamplings = resamplings;
        this.evaluations = evaluations;
    }

    public DMatrixRMaj samples() {
        return samples;
    }

    public double[] logWeights() {
        return logWeights.clone();
    }

    /** The estimate {@code log Ẑ}. */
    public double logZ() {
        return logZ;
    }

    /** {@code (Σ w)² / (n Σ w²)} of the final weights. */
    public double ess() {
        return LogWeights.effectiveSampleSize(logWeights);
    }

    public double acceptanceRate() {
        return acceptance;
    }

    public int resamplings() {
        return resamplings;
    }

    public EvaluationCounter evaluations() {
        return evaluations;
    }
}
