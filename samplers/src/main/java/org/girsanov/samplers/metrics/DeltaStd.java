package org.girsanov.samplers.metrics;

import org.ejml.data.DMatrixRMaj;

/**
 * Error of the per-coordinate standard deviations (docs/targets-and-metrics.md "Δstd"; Richter &amp; Berner,
 * ICLR 2024):
 * <pre>  Δstd = (1/d) Σ_{j=1..d} | std_j(samples) − std_j(true) | . </pre>
 * {@code std_j} is the sample standard deviation of column j with Bessel's correction,
 * {@code sqrt(Σ_i (x_ij − x̄_j)² / (K − 1))} (as {@code torch.std} by default), computed in two passes
 * (mean, then squared deviations).
 */
public final class DeltaStd {
    private DeltaStd() {}

    /**
     * Δstd against the sample standard deviations of a reference sample (e.g. exact target samples).
     *
     * @param samples   model samples, K ≥ 2 rows, d columns, finite
     * @param reference reference samples, ≥ 2 rows, the same d columns, finite
     */
    public static double compute(DMatrixRMaj samples, DMatrixRMaj reference) {
        Checks.samples(samples, "samples", 2);
        Checks.samples(reference, "reference", 2);
        Checks.sameCols(samples, "samples", reference, "reference");
        return compute(samples, columnStd(reference));
    }

    /**
     * Δstd against known true per-coordinate standard deviations.
     *
     * @param samples model samples, K ≥ 2 rows, d columns, finite
     * @param trueStd the true standard deviation of each coordinate; length d, finite, ≥ 0
     */
    public static double compute(DMatrixRMaj samples, double[] trueStd) {
        Checks.samples(samples, "samples", 2);
        Checks.allFinite(trueStd, "trueStd");
        if (trueStd.length != samples.numCols) {
            throw new IllegalArgumentException("trueStd must have one entry per column of samples ("
                    + samples.numCols + "), got length " + trueStd.length);
        }
        for (int j = 0; j < trueStd.length; j++) {
            if (trueStd[j] < 0) {
                throw new IllegalArgumentException("trueStd[" + j + "] = " + trueStd[j] + "; allowed: >= 0");
            }
        }
        double[] s = columnStd(samples);
        double acc = 0.0;
        for (int j = 0; j < s.length; j++) {
            acc += Math.abs(s[j] - trueStd[j]);
        }
        return acc / s.length;
    }

    /**
     * Sample standard deviation (divisor K − 1) of every column.
     *
     * @param samples K ≥ 2 rows, finite
     */
    public static double[] columnStd(DMatrixRMaj samples) {
        Checks.samples(samples, "samples", 2);
        final int n = samples.numRows;
        final int d = samples.numCols;
        final double[] mean = new double[d];
        final double[] a = samples.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += a[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        final double[] ss = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double r = a[i * d + j] - mean[j];
                ss[j] += r * r;
            }
        }
        for (int j = 0; j < d; j++) {
            ss[j] = Math.sqrt(ss[j] / (n - 1));
        }
        return ss;
    }
}
