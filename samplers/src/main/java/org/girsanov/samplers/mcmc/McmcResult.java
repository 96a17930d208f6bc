package org.girsanov.samplers.mcmc;

import org.ejml.data.DMatrixRMaj;

/**
 * What an MCMC run returns: the collected samples (after warm-up, every {@code thin}-th step, all chains
 * stacked: {@code (steps/thin · n) × d}), the final state, the mean acceptance probability after
 * warm-up (1 for ULA), the final step sizes, per-pair swap rates (parallel tempering only, else empty),
 * and the target evaluations spent, warm-up included.
 */
public final class McmcResult {
    private final DMatrixRMaj samples;
    private final ChainState last;
    private final double acceptance;
    private final double[] stepSizes;
    private final double[] swapRates;
    private final EvaluationCounter evaluations;

    McmcResult(DMatrixRMaj samples, ChainState last, double acceptance, double[] stepSizes, double[] swapRates,
               EvaluationCounter evaluations) {
        this.samples = samples;
        this.last = last;
        this.acceptance = acceptance;
        this.stepSizes = stepSizes;
        this.swapRates = swapRates;
        this.evaluations = evaluations;
    }

    public DMatrixRMaj samples() {
        return samples;
    }

    /** The final points of the chains (for PT: of the β = 1 chains). */
    public DMatrixRMaj finalPoints() {
        return last.points();
    }

    public ChainState finalState() {
        return last;
    }

    /** Mean Metropolis–Hastings acceptance probability after warm-up. */
    public double acceptanceRate() {
        return acceptance;
    }

    public double[] stepSizes() {
        return stepSizes.clone();
    }

    /** Swap acceptance rate of the neighbouring temperature pairs (k, k+1); empty unless tempering. */
    public double[] swapRates() {
        return swapRates.clone();
    }

    public EvaluationCounter evaluations() {
        return evaluations;
    }
}
