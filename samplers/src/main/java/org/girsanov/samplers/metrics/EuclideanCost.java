package org.girsanov.samplers.metrics;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The ground cost of {@link Sinkhorn}, {@code C_ij = ‖x_i − y_j‖₂}, by blocks of rows of {@code C}
 * (rows over x) or of {@code Cᵀ} (rows over y), and bounds on it.
 *
 * <p>No n×m matrix is held unless {@code 2·n·m ≤ cacheLimit} (then C and Cᵀ are cached); otherwise a
 * block's rows are recomputed when asked for, from coordinate-major copies of the samples, in column tiles
 * of {@value #TILE}. Every entry sums its squares over the coordinates in the order k = 0..d−1, whether
 * cached or recomputed, so the two ways give bitwise the same values, and {@code C(x_i, y_j)} and
 * {@code Cᵀ(y_j, x_i)} are bitwise equal.
 */
final class EuclideanCost {
    /** Columns per cache tile of the blockwise distance computation. */
    private static final int TILE = 256;

    final int n;
    final int m;
    private final int d;
    private final double[] xs; // row-major n×d
    private final double[] ys; // row-major m×d
    private final double[] xt; // coordinate-major d×n
    private final double[] yt; // coordinate-major d×m
    private final double[] cxy; // cached C (n×m) or null
    private final double[] cyx; // cached Cᵀ (m×n) or null

    EuclideanCost(DMatrixRMaj x, DMatrixRMaj y, long cacheLimit, RowBlocks blocks) {
        this.n = x.numRows;
        this.m = y.numRows;
        this.d = x.numCols;
        this.xs = Arrays.copyOf(x.data, n * d);
        this.ys = Arrays.copyOf(y.data, m * d);
        this.xt = transpose(xs, n, d);
        this.yt = transpose(ys, m, d);
        if (2L * n * m <= cacheLimit) {
            cxy = new double[n * m];
            cyx = new double[m * n];
            blocks.run(n, (lo, hi) -> {
                distanceBlock(xs, lo, hi, yt, m, cxy, lo * m);
                return 0;
            });
            blocks.run(m, (lo, hi) -> {
                distanceBlock(ys, lo, hi, xt, n, cyx, lo * n);
                return 0;
            });
        } else {
            cxy = null;
            cyx = null;
        }
    }

    /** Whether the rows of C ({@code rowsAreX}) or of Cᵀ are cached. */
    boolean cached(boolean rowsAreX) {
        return rowsAreX ? cxy != null : cyx != null;
    }

    /**
     * Rows {@code lo..hi−1} of C ({@code rowsAreX}) or of Cᵀ: the cache itself, or the block computed now;
     * row i starts at {@link #offset}.
     */
    double[] rows(boolean rowsAreX, int lo, int hi) {
        if (cached(rowsAreX)) {
            return rowsAreX ? cxy : cyx;
        }
        final int nB = rowsAreX ? m : n;
        final double[] buf = new double[(hi - lo) * nB];
        distanceBlock(rowsAreX ? xs : ys, lo, hi, rowsAreX ? yt : xt, nB, buf, 0);
        return buf;
    }

    /** Where row {@code i} starts in the array {@link #rows} returned for the block starting at row {@code lo}. */
    int offset(boolean rowsAreX, int i, int lo) {
        final int nB = rowsAreX ? m : n;
        return cached(rowsAreX) ? i * nB : (i - lo) * nB;
    }

    /**
     * {@code max_i (max_j C_ij − min_j C_ij)}: for ε above it every row of the kernel varies by at most a
     * factor e, Sinkhorn converges in a few iterations, and larger starting ε are wasted.
     */
    double spread(RowBlocks blocks) {
        final double[] blockMax = blocks.run(n, (lo, hi) -> {
            final double[] c = rows(true, lo, hi);
            double r = 0.0;
            for (int i = lo; i < hi; i++) {
                final int off = offset(true, i, lo);
                double mn = Double.POSITIVE_INFINITY;
                double mx = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    mn = Math.min(mn, c[off + j]);
                    mx = Math.max(mx, c[off + j]);
                }
                r = Math.max(r, mx - mn);
            }
            return r;
        });
        double r = 0.0;
        for (double v : blockMax) {
            r = Math.max(r, v);
        }
        return r;
    }

    /** {@code max_i ‖x_i − c‖ + max_j ‖y_j − c‖ ≥ max_ij ‖x_i − y_j‖}, c = mean of x. */
    double diameterBound() {
        double[] c = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                c[k] += xs[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            c[k] /= n;
        }
        return maxDist(xs, n, c) + maxDist(ys, m, c);
    }

    private double maxDist(double[] p, int rows, double[] c) {
        double mx = 0.0;
        for (int i = 0; i < rows; i++) {
            double s = 0.0;
            for (int k = 0; k < d; k++) {
                double r = p[i * d + k] - c[k];
                s += r * r;
            }
            mx = Math.max(mx, Math.sqrt(s));
        }
        return mx * (1 + 1e-12);
    }

    /**
     * {@code out[base + (i−lo)·nB + j] = ‖a_i − b_j‖} for rows {@code lo..hi−1} of row-major {@code a} and all
     * columns j of coordinate-major {@code bt}, in column tiles of {@value #TILE} so that a tile of {@code bt}
     * stays in cache across the rows of the block (the whole {@code bt} is 2 MB at n = 5000, d = 50).
     */
    private void distanceBlock(double[] a, int lo, int hi, double[] bt, int nB, double[] out, int base) {
        for (int j0 = 0; j0 < nB; j0 += TILE) {
            final int j1 = Math.min(nB, j0 + TILE);
            for (int i = lo; i < hi; i++) {
                final int ai = i * d;
                final int off = base + (i - lo) * nB;
                {
                    final double ak = a[ai];
                    for (int j = j0; j < j1; j++) {
                        double r = ak - bt[j];
                        out[off + j] = r * r;
                    }
                }
                for (int k = 1; k < d; k++) {
                    final double ak = a[ai + k];
                    final int o = k * nB;
                    for (int j = j0; j < j1; j++) {
                        double r = ak - bt[o + j];
                        out[off + j] += r * r;
                    }
                }
                for (int j = j0; j < j1; j++) {
                    out[off + j] = Math.sqrt(out[off + j]);
                }
            }
        }
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                t[k * rows + i] = a[i * cols + k];
            }
        }
        return t;
    }
}
