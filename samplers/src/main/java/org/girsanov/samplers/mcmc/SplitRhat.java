package org.girsanov.samplers.mcmc;

/**
 * The split potential scale reduction factor of one scalar quantity (Gelman et al., Bayesian Data Analysis,
 * 3rd ed., §11.4): each of m chains of length n is cut into halves, giving {@code M = 2m} chains of length
 * {@code L = ⌊n/2⌋}, with chain means {@code ψ̄_c}, overall mean {@code ψ̄} and within-chain variances
 * {@code s_c²} (divisor L − 1); then
 * <pre>
 *   B = L/(M − 1) Σ_c (ψ̄_c − ψ̄)²,   W = (1/M) Σ_c s_c²,   var⁺ = (L − 1)/L · W + B/L,   R̂ = √(var⁺ / W).
 * </pre>
 * {@code R̂ → 1} as the chains mix; values above 1.01 mean the chains have not forgotten their starts
 * (Vehtari et al., "Rank-normalization, folding, and localization", Bayesian Analysis 16, 2021).
 */
public final class SplitRhat {
    private SplitRhat() {
    }

    /** R̂ of {@code chains[c][t]} (m ≥ 1 chains of equal length n ≥ 4). */
    public static double of(double[][] chains) {
        Moments s = Moments.of(chains);
        return s.within() > 0 ? Math.sqrt(s.varPlus() / s.within())
                : (s.between() > 0 ? Double.POSITIVE_INFINITY : 1.0);
    }

    /**
     * The split chains and their moments of the formula above: chain means {@code ψ̄_c}, {@code W}, {@code B} and
     * {@code var⁺} — shared by R̂ and {@link EffectiveSampleSize}.
     */
    record Moments(double[][] split, double[] means, double within, double between, double varPlus) {
        static Moments of(double[][] chains) {
            double[][] split = SplitRhat.split(chains);
            int m = split.length;
            int l = split[0].length;
            double[] means = new double[m];
            double grand = 0;
            double w = 0;
            for (int c = 0; c < m; c++) {
                means[c] = mean(split[c]);
                grand += means[c] / m;
                w += variance(split[c], means[c]) / m;
            }
            double b = 0;
            for (double mc : means) {
                b += (mc - grand) * (mc - grand);
            }
            b *= (double) l / (m - 1);
            return new Moments(split, means, w, b, (l - 1.0) / l * w + b / l);
        }
    }

    /** Each chain cut into its first and second half (a middle draw of an odd length is dropped). */
    static double[][] split(double[][] chains) {
        if (chains.length < 1) {
            throw new IllegalArgumentException("R-hat: need at least one chain, got 0");
        }
        int n = chains[0].length;
        for (double[] c : chains) {
            if (c.length != n) {
                throw new IllegalArgumentException("R-hat: chains have lengths " + n + " and " + c.length + "; must be equal");
            }
        }
        if (n < 4) {
            throw new IllegalArgumentException("R-hat: chains have " + n + " draws; need at least 4");
        }
        int l = n / 2;
        double[][] out = new double[2 * chains.length][l];
        for (int c = 0; c < chains.length; c++) {
            System.arraycopy(chains[c], 0, out[2 * c], 0, l);
            System.arraycopy(chains[c], n - l, out[2 * c + 1], 0, l);
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
