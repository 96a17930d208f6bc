package org.girsanov.samplers.annealed;

import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.samplers.metrics.LogWeights;

/**
 * Systematic resampling (Kitagawa, JCGS 1996; Douc, Cappé &amp; Moulines, ISPA 2005): one
 * {@code U ~ Uniform[0, 1)}, points {@code (i + U)/n}, {@code i = 0..n−1}, and index {@code j} chosen
 * for every point in {@code [W_{<j}, W_{≤j})} of the cumulative normalised weights. Each index is kept
 * {@code ⌊n W_j⌋} or {@code ⌈n W_j⌉} times; unbiased: {@code E[count_j] = n W_j}.
 */
public final class SystematicResampling {
    private SystematicResampling() {
    }

    /** {@code n = logW.length} ancestor indices, in increasing order. */
    public static int[] indices(double[] logW, UniformRandomProvider rng) {
        int n = logW.length;
        double lse = LogWeights.logSumExp(logW);
        if (!Double.isFinite(lse)) {
            throw new ArithmeticException("systematic resampling: weights sum to " + Math.exp(lse));
        }
        int[] idx = new int[n];
        double u = rng.nextDouble();
        double cum = Math.exp(logW[0] - lse);
        int j = 0;
        for (int i = 0; i < n; i++) {
            double point = (i + u) / n;
            while (point >= cum && j < n - 1) {
                j++;
                cum += Math.exp(logW[j] - lse);
            }
            idx[i] = j;
        }
        return idx;
    }
}
