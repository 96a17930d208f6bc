package org.girsanov.samplers.metrics;

import java.util.function.ToIntFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Mode coverage of a sample from a mixture target (docs/targets-and-metrics.md "mode coverage"): each sample is
 * assigned to a component (by default the one with the nearest mean in Euclidean distance, ties to
 * the lower index), and component c counts as covered if
 * <pre>  count_c ≥ threshold · w_c · K ,   w_c = weight_c / Σ weights ,  threshold = 0.01 by default, </pre>
 * i.e. it holds at least 1% of its expected share {@code w_c K} of the K samples. The metric is the
 * fraction of covered components.
 */
public final class ModeCoverage {
    /** Default fraction of the expected share a component must hold. */
    public static final double DEFAULT_THRESHOLD = 0.01;

    private ModeCoverage() {}

    /**
     * Result of a coverage computation.
     *
     * @param fraction fraction of components covered, in [0, 1]
     * @param covered  number of components covered
     * @param counts   number of samples assigned to each component
     */
    public record Result(double fraction, int covered, int[] counts) {
        /**
         * The mode-weight error {@code Σ_c |count_c / K − w_c / Σ w|} ∈ [0, 2] of the unweighted sample: 0 when every
         * component holds exactly its share, 2 when all samples sit in components of zero weight. The extra metric of
         * issue 16 for mixtures with unequal weights, where local MCMC gets the weights wrong.
         */
        public double weightError(double[] weights) {
            if (weights.length != counts.length) {
                throw new IllegalArgumentException("weights must have one entry per mode (" + counts.length
                        + "), got length " + weights.length);
            }
            double total = 0;
            long k = 0;
            for (int c = 0; c < counts.length; c++) {
                total += weights[c];
                k += counts[c];
            }
            double e = 0;
            for (int c = 0; c < counts.length; c++) {
                e += Math.abs((double) counts[c] / k - weights[c] / total);
            }
            return e;
        }
    }

    /** Coverage with nearest-mean assignment and the default 1% threshold. */
    public static Result compute(DMatrixRMaj means, double[] weights, DMatrixRMaj samples) {
        Checks.samples(means, "means", 1);
        Checks.samples(samples, "samples", 1);
        Checks.sameCols(means, "means", samples, "samples");
        return compute(means.numRows, weights, samples, nearestMean(means), DEFAULT_THRESHOLD);
    }

    /**
     * Coverage with a supplied assignment.
     *
     * @param modes      number of components C ≥ 1
     * @param weights    component weights, length C, finite, &gt; 0 (normalised here)
     * @param samples    K ≥ 1 rows, finite
     * @param assignment maps a sample row (a fresh copy) to a component index in [0, C)
     * @param threshold  fraction of the expected share needed, finite, &gt; 0
     */
    public static Result compute(int modes, double[] weights, DMatrixRMaj samples,
                                 ToIntFunction<double[]> assignment, double threshold) {
        Checks.positive(modes, "modes");
        Checks.allFinite(weights, "weights");
        if (weights.length != modes) {
            throw new IllegalArgumentException("weights must have one entry per mode (" + modes
                    + "), got length " + weights.length);
        }
        double total = 0.0;
        for (int c = 0; c < modes; c++) {
            if (!(weights[c] > 0)) {
                throw new IllegalArgumentException("weights[" + c + "] = " + weights[c] + "; allowed: > 0");
            }
            total += weights[c];
        }
        Checks.samples(samples, "samples", 1);
        Checks.notNull(assignment, "assignment");
        Checks.positiveFinite(threshold, "threshold");
        final int k = samples.numRows;
        final int d = samples.numCols;
        final int[] counts = new int[modes];
        final double[] row = new double[d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(samples.data, i * d, row, 0, d);
            int c = assignment.applyAsInt(row.clone());
            if (c < 0 || c >= modes) {
                throw new IllegalArgumentException("assignment returned " + c + " for sample " + i
                        + "; allowed: 0.." + (modes - 1));
            }
            counts[c]++;
        }
        int covered = 0;
        for (int c = 0; c < modes; c++) {
            if (counts[c] >= threshold * (weights[c] / total) * k) {
                covered++;
            }
        }
        return new Result((double) covered / modes, covered, counts);
    }

    /** Assignment to the nearest row of {@code means} (Euclidean; ties to the lower index). */
    public static ToIntFunction<double[]> nearestMean(DMatrixRMaj means) {
        Checks.samples(means, "means", 1);
        final int c = means.numRows;
        final int d = means.numCols;
        final double[] mu = java.util.Arrays.copyOf(means.data, c * d);
        return x -> {
            if (x.length != d) {
                throw new IllegalArgumentException("sample must have length " + d + ", got " + x.length);
            }
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int r = 0; r < c; r++) {
                double s = 0.0;
                for (int k = 0; k < d; k++) {
                    double t = x[k] - mu[r * d + k];
                    s += t * t;
                }
                if (s < bestD) {
                    bestD = s;
                    best = r;
                }
            }
            return best;
        };
    }
}
