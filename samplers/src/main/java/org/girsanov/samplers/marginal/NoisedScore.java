package org.girsanov.samplers.marginal;

import org.ejml.data.DMatrixRMaj;

/**
 * An estimate of the noised target's score {@code ∇log p_t(x)} at {@code n} points.
 *
 * @param score          the estimate, {@code n × d}
 * @param variance       its delta-method variance per coordinate, {@code Σ_k w_k² (g_k − ĝ)²} in the estimator's own
 *                       units ({@code n × d}): the spread of the estimate over fresh draws, to leading order in {@code 1/K}
 * @param effectiveDraws Kish's effective number of posterior draws {@code 1/Σ_k w_k²} per point ({@code n × 1})
 */
public record NoisedScore(DMatrixRMaj score, DMatrixRMaj variance, DMatrixRMaj effectiveDraws) {
}
