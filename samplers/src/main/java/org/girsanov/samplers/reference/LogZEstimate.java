package org.girsanov.samplers.reference;

/**
 * An estimate of {@code log Z} with its standard error, and what produced it.
 *
 * @param logZ          the estimate
 * @param standardError its Monte Carlo standard error (delta method on the estimate of Z)
 * @param method        the estimator and its settings, e.g. {@code "IS t5, 1000000 draws, ESS 0.41, seed 1"}
 */
public record LogZEstimate(double logZ, double standardError, String method) {

    /**
     * {@code log((1/R) Σ_r Z_r)} of independent unbiased estimates {@code Z_r} of Z (given as logs), and the
     * delta-method standard error {@code sd(Z_r) / (√R · mean Z_r)} (sd with divisor R − 1).
     */
    public static double[] logMeanAndError(double[] logZs) {
        int r = logZs.length;
        if (r < 2) {
            throw new IllegalArgumentException("log Z: need at least 2 estimates for a standard error, got " + r);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logZs) {
            max = Math.max(max, v);
        }
        double mean = 0;
        for (double v : logZs) {
            mean += Math.exp(v - max) / r;
        }
        double var = 0;
        for (double v : logZs) {
            double e = Math.exp(v - max) - mean;
            var += e * e / (r - 1);
        }
        return new double[] {Math.log(mean) + max, Math.sqrt(var / r) / mean};
    }

    /** Whether this and {@code other} agree within {@code k} combined standard errors. */
    public boolean agrees(LogZEstimate other, double k) {
        return Math.abs(logZ - other.logZ) <= k * Math.hypot(standardError, other.standardError);
    }

    /**
     * The inverse-variance weighted mean of independent estimates, {@code Σ (l_k/se_k²) / Σ (1/se_k²)}, with standard
     * error {@code (Σ 1/se_k²)^{−1/2}} (each standard error must be positive).
     */
    public static LogZEstimate combine(LogZEstimate a, LogZEstimate b) {
        if (!(a.standardError > 0) || !(b.standardError > 0)) {
            throw new IllegalArgumentException("log Z: combining needs positive standard errors, got " + a.standardError
                    + " and " + b.standardError);
        }
        double wa = 1 / (a.standardError * a.standardError);
        double wb = 1 / (b.standardError * b.standardError);
        return new LogZEstimate((wa * a.logZ + wb * b.logZ) / (wa + wb), 1 / Math.sqrt(wa + wb),
                "inverse-variance weighted mean of: " + a.method + "; " + b.method);
    }
}
