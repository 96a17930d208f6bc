package org.girsanov.samplers.metrics;

/**
 * Estimators computed from the log importance weights {@code log w_i}, i = 1..K, of K paths
 * (docs/math.md §3; docs/targets-and-metrics.md "Metrics"; Richter &amp; Berner, "Improved sampling via learned
 * diffusions", ICLR 2024).
 *
 * <p>All weights are handled in log space: nothing here exponentiates a raw log-weight, so
 * log-weights of magnitude 1e5 or more neither overflow nor underflow to a meaningless 0/0.
 *
 * <p>Allowed values: the mean-based estimators ({@link #logZLowerBound}, {@link #eubo}) need finite
 * log-weights; the weight-based ones ({@link #logZImportance}, {@link #effectiveSampleSize}) also
 * accept {@code -Infinity} (a path of weight zero). NaN and {@code +Infinity} are always rejected
 * with an {@link IllegalArgumentException} naming the offending index.
 */
public final class LogWeights {
    private LogWeights() {}

    /**
     * ELBO, the lower-bound estimate of {@code log Z}:
     * <pre>  logZ_lb = (1/K) Σ_i log w_i ,   E_{P→}[log w] = log Z − KL(P→‖P←) ≤ log Z. </pre>
     * Summed with Neumaier (compensated) summation.
     *
     * @param logW log-weights of paths of the forward (generative) process; non-empty, finite
     */
    public static double logZLowerBound(double[] logW) {
        Checks.allFinite(logW, "logW");
        return mean(logW);
    }

    /**
     * EUBO, the upper-bound estimate of {@code log Z}: the same mean as {@link #logZLowerBound},
     * but of log-weights of paths of the <em>backward</em> process started at exact target samples:
     * <pre>  EUBO = (1/K) Σ_i log w(x^(i)),  x^(i) ~ P← ,   E_{P←}[log w] = log Z + KL(P←‖P→) ≥ log Z. </pre>
     * The caller is responsible for where the paths came from; the arithmetic is only the mean.
     *
     * @param logWBackward log-weights of backward-process paths; non-empty, finite
     */
    public static double eubo(double[] logWBackward) {
        Checks.allFinite(logWBackward, "logWBackward");
        return mean(logWBackward);
    }

    /**
     * Importance-weighted ("reweighted") estimate of {@code log Z}, from {@code E_{P→}[w] = Z}:
     * <pre>  logZ_is = logsumexp_i(log w_i) − log K = m + log Σ_i exp(log w_i − m) − log K,  m = max_i log w_i. </pre>
     * Returns {@code -Infinity} if every weight is zero (all log-weights {@code -Infinity}).
     *
     * @param logW log-weights; non-empty, each finite or {@code -Infinity}
     */
    public static double logZImportance(double[] logW) {
        return logSumExp(logW) - Math.log(logW.length);
    }

    /**
     * {@code log Σ_i exp(a_i) = m + log Σ_i exp(a_i − m)}, {@code m = max_i a_i}; {@code −∞} if every entry is.
     *
     * @param a non-empty, each finite or {@code -Infinity}
     */
    public static double logSumExp(double[] a) {
        Checks.finiteOrNegInf(a, "logW");
        final double m = max(a);
        if (m == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0.0;
        for (double l : a) {
            s += Math.exp(l - m); // in [0, 1]; exp(-inf) = 0
        }
        return m + Math.log(s);
    }

    /**
     * Normalised effective sample size
     * <pre>  ESS = (Σ_i w_i)² / (K Σ_i w_i²)  ∈ [1/K, 1], </pre>
     * computed with the weights rescaled by {@code exp(−max_i log w_i)} (the ratio is scale free):
     * with {@code u_i = exp(log w_i − m)} both {@code Σ u_i} and {@code Σ u_i²} lie in [1, K].
     * Equal weights give 1; one weight dominating all others gives 1/K.
     *
     * @param logW log-weights; non-empty, each finite or {@code -Infinity}, not all {@code -Infinity}
     * @throws IllegalArgumentException if all weights are zero (ESS is 0/0)
     */
    public static double effectiveSampleSize(double[] logW) {
        Checks.finiteOrNegInf(logW, "logW");
        final double m = max(logW);
        if (m == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "logW: all entries are -Infinity (all weights zero), ESS is undefined; "
                            + "allowed: at least one finite entry");
        }
        double s1 = 0.0;
        double s2 = 0.0;
        for (double l : logW) {
            double u = Math.exp(l - m);
            s1 += u;
            s2 += u * u;
        }
        return s1 * s1 / (logW.length * s2);
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /** Mean by Neumaier's compensated summation. */
    private static double mean(double[] a) {
        double sum = 0.0;
        double c = 0.0;
        for (double v : a) {
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) {
                c += (sum - t) + v;
            } else {
                c += (v - t) + sum;
            }
            sum = t;
        }
        return (sum + c) / a.length;
    }
}
