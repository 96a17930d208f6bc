package org.girsanov.samplers.mcmc;

/**
 * Counts target evaluations, one per sample point: a batch of {@code n} points costs {@code n}. Log-density
 * and score evaluations are counted separately, so that baselines can be compared at equal budgets. Not
 * thread-safe: one counter per run.
 */
public final class EvaluationCounter {
    private long densities;
    private long gradients;

    /** Records {@code n} log-density evaluations. */
    public void addDensity(long n) {
        densities += n;
    }

    /** Records {@code n} score (gradient) evaluations. */
    public void addGradient(long n) {
        gradients += n;
    }

    /** Log-density evaluations so far. */
    public long densityEvaluations() {
        return densities;
    }

    /** Score evaluations so far. */
    public long gradientEvaluations() {
        return gradients;
    }

    /** Density plus gradient evaluations. */
    public long total() {
        return densities + gradients;
    }

    @Override
    public String toString() {
        return "evaluations{density=" + densities + ", gradient=" + gradients + "}";
    }
}
