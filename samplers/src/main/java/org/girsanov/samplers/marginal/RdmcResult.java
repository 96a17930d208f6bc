package org.girsanov.samplers.marginal;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.metrics.LogWeights;

/**
 * The output of {@link ReverseDiffusionMonteCarlo}: the particles at {@code τ = 0}, their extended-space
 * log importance weights, and the cost.
 *
 * @param samples           {@code n × d} final particles
 * @param logWeights        {@code log w} per particle (see {@link ReverseDiffusionMonteCarlo}); {@code E[w] = Z}
 * @param targetEvaluations log-densities plus scores of the target, one per point each
 */
public record RdmcResult(DMatrixRMaj samples, double[] logWeights, long targetEvaluations) {

    /** The importance-weighted estimate {@code log Ẑ = logsumexp_i log w_i − log n}. */
    public double logZImportance() {
        return LogWeights.logZImportance(logWeights);
    }

    /** The lower bound {@code mean_i log w_i ≤ log Z} in expectation. */
    public double logZLowerBound() {
        return LogWeights.logZLowerBound(logWeights);
    }

    /** The normalised effective sample size {@code (Σ w)² / (n Σ w²)}. */
    public double effectiveSampleSize() {
        return LogWeights.effectiveSampleSize(logWeights);
    }
}
