package org.girsanov.samplers.metrics;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * Squared maximum mean discrepancy with a Gaussian kernel (Gretton, Borgwardt, Rasch, Schölkopf,
 * Smola, "A kernel two-sample test", JMLR 2012):
 * <pre>
 *   k(x, y) = exp(−‖x − y‖² / (2 h²)) ,
 *   MMD²_u = 1/(n(n−1)) Σ_{i≠i'} k(x_i, x_i') + 1/(m(m−1)) Σ_{j≠j'} k(y_j, y_j') − 2/(nm) Σ_{i,j} k(x_i, y_j)
 *   MMD²_b = 1/n² Σ_{i,i'} k(x_i, x_i')     + 1/m² Σ_{j,j'} k(y_j, y_j')         − 2/(nm) Σ_{i,j} k(x_i, y_j)
 * </pre>
 * {@code MMD²_u} is the unbiased U-statistic (Gretton 2012, eq. 3; may be slightly negative),
 * {@code MMD²_b} the biased V-statistic (eq. 5; always ≥ 0).
 *
 * <p><b>Bandwidth.</b> By default h is the median heuristic: the median of the pairwise Euclidean
 * distances ‖z_a − z_b‖, a &lt; b, of the pooled sample z = (x; y). If the pooled sample has more than
 * {@value #MEDIAN_SUBSAMPLE} points, the median is taken over a subsample of {@value #MEDIAN_SUBSAMPLE}
 * distinct pooled points chosen by a {@code XO_RO_SHI_RO_128_PP} generator with the fixed seed
 * {@value #MEDIAN_SEED} (deterministic: the same inputs always give the same h). If that median is 0
 * (more than half the pairs coincide) h = 1 is used.
 *
 * <p>Cost O((n + m)² d), single-threaded.
 */
public final class Mmd {
    /** Maximum number of pooled points used for the median heuristic. */
    public static final int MEDIAN_SUBSAMPLE = 1000;
    /** Seed of the median-heuristic subsample. */
    public static final long MEDIAN_SEED = 20121001L;

    private Mmd() {}

    /** Unbiased MMD² with the median-heuristic bandwidth; x and y need ≥ 2 rows each and equal columns. */
    public static double unbiased(DMatrixRMaj x, DMatrixRMaj y) {
        check(x, y, 2);
        return unbiased(x, y, medianHeuristic(x, y));
    }

    /** Unbiased MMD² with bandwidth {@code h} (finite, &gt; 0). */
    public static double unbiased(DMatrixRMaj x, DMatrixRMaj y, double h) {
        check(x, y, 2);
        Checks.positiveFinite(h, "h");
        final int n = x.numRows;
        final int m = y.numRows;
        double kxx = sumWithin(x, h) / ((double) n * (n - 1));
        double kyy = sumWithin(y, h) / ((double) m * (m - 1));
        double kxy = sumBetween(x, y, h) / ((double) n * m);
        return kxx + kyy - 2 * kxy;
    }

    /** Biased MMD² with the median-heuristic bandwidth; x and y need ≥ 1 row each and equal columns. */
    public static double biased(DMatrixRMaj x, DMatrixRMaj y) {
        check(x, y, 1);
        return biased(x, y, medianHeuristic(x, y));
    }

    /** Biased MMD² with bandwidth {@code h} (finite, &gt; 0). */
    public static double biased(DMatrixRMaj x, DMatrixRMaj y, double h) {
        check(x, y, 1);
        Checks.positiveFinite(h, "h");
        final int n = x.numRows;
        final int m = y.numRows;
        double kxx = (sumWithin(x, h) + n) / ((double) n * n); // k(x, x) = 1 on the diagonal
        double kyy = (sumWithin(y, h) + m) / ((double) m * m);
        double kxy = sumBetween(x, y, h) / ((double) n * m);
        return kxx + kyy - 2 * kxy;
    }

    /**
     * Median of the pairwise distances of the pooled sample (subsampled as in the class comment);
     * 1 if that median is 0.
     */
    public static double medianHeuristic(DMatrixRMaj x, DMatrixRMaj y) {
        check(x, y, 1);
        final int n = x.numRows;
        final int d = x.numCols;
        final int total = n + y.numRows;
        if (total < 2) {
            throw new IllegalArgumentException("x and y together must have at least 2 rows, got " + total);
        }
        int[] pick;
        if (total <= MEDIAN_SUBSAMPLE) {
            pick = new int[total];
            for (int i = 0; i < total; i++) {
                pick[i] = i;
            }
        } else {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(MEDIAN_SEED);
            pick = new PermutationSampler(rng, total, MEDIAN_SUBSAMPLE).sample();
            Arrays.sort(pick);
        }
        final int p = pick.length;
        double[] dist = new double[p * (p - 1) / 2];
        int c = 0;
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                double s = 0.0;
                for (int k = 0; k < d; k++) {
                    double r = pooled(x, y, n, pick[a], k) - pooled(x, y, n, pick[b], k);
                    s += r * r;
                }
                dist[c++] = Math.sqrt(s);
            }
        }
        Arrays.sort(dist);
        int len = dist.length;
        double med = (len % 2 == 1) ? dist[len / 2] : 0.5 * (dist[len / 2 - 1] + dist[len / 2]);
        return med > 0 ? med : 1.0;
    }

    private static double pooled(DMatrixRMaj x, DMatrixRMaj y, int n, int row, int k) {
        return row < n ? x.data[row * x.numCols + k] : y.data[(row - n) * y.numCols + k];
    }

    /** Σ_{i≠i'} k(x_i, x_i') = 2 Σ_{i<i'}. */
    private static double sumWithin(DMatrixRMaj x, double h) {
        final int n = x.numRows;
        final int d = x.numCols;
        final double g = -0.5 / (h * h);
        final double[] a = x.data;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double row = 0.0;
            for (int j = i + 1; j < n; j++) {
                row += Math.exp(g * sq(a, i, a, j, d));
            }
            s += row;
        }
        return 2 * s;
    }

    private static double sumBetween(DMatrixRMaj x, DMatrixRMaj y, double h) {
        final int d = x.numCols;
        final double g = -0.5 / (h * h);
        double s = 0.0;
        for (int i = 0; i < x.numRows; i++) {
            double row = 0.0;
            for (int j = 0; j < y.numRows; j++) {
                row += Math.exp(g * sq(x.data, i, y.data, j, d));
            }
            s += row;
        }
        return s;
    }

    private static double sq(double[] a, int i, double[] b, int j, int d) {
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            double r = a[i * d + k] - b[j * d + k];
            s += r * r;
        }
        return s;
    }

    private static void check(DMatrixRMaj x, DMatrixRMaj y, int minRows) {
        Checks.samples(x, "x", minRows);
        Checks.samples(y, "y", minRows);
        Checks.sameCols(x, "x", y, "y");
    }
}
