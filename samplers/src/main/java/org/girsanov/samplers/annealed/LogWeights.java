package org.girsanov.samplers.annealed;

/**
 * Log-space arithmetic on importance weights: {@code logsumexp}, the normalised effective sample size
 * {@code ESS = (Σ w)² / (n Σ w²) ∈ (0, 1]} (REFERENCE.md, metrics) and {@code log Ẑ = logsumexp(log w) − log n}.
 */
public final class LogWeights {
    private LogWeights() {
    }

    /** {@code log Σ_i exp(a_i)}, with the maximum subtracted; {@code −∞} if all are {@code −∞}. */
    public static double logSumExp(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (double v : a) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** {@code logsumexp(log w) − log n}: the importance-sampling estimate of {@code log Z}. */
    public static double logMeanExp(double[] logW) {
        return logSumExp(logW) - Math.log(logW.length);
    }

    /** {@code (Σ w)² / (n Σ w²)}. */
    public static double ess(double[] logW) {
        double a = logSumExp(logW);
        double[] twice = new double[logW.length];
        for (int i = 0; i < logW.length; i++) {
            twice[i] = 2 * logW[i];
        }
        return Math.exp(2 * a - logSumExp(twice)) / logW.length;
    }
}
