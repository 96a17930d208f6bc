package org.girsanov.samplers.metrics;

/**
 * Outcome of {@link Sinkhorn#compute}.
 *
 * @param cost           primal transport cost {@code Σ_ij P_ij ‖x_i − y_j‖} of the final plan
 *                       {@code P_ij = a_i b_j exp((f_i + g_j − C_ij)/ε)}
 * @param iterations     Sinkhorn iterations used over all ε-scaling stages (one iteration = one
 *                       update of g and one of f)
 * @param marginalError  L1 violation of the row marginal of the final plan,
 *                       {@code Σ_i |Σ_j P_ij − a_i|} (the column marginal is exact by construction)
 * @param converged      whether {@code marginalError} fell below the tolerance at the target ε
 *                       within the iteration cap
 * @param k              number of samples in the first set (rows of {@code x})
 * @param epsilon        the target (final) entropic regularisation ε
 */
public record SinkhornResult(double cost, int iterations, double marginalError, boolean converged,
                             int k, double epsilon) {}
