package org.girsanov.autodiff;

/**
 * The products of {@link Kernels} whose output is a few columns wide ({@code n} below {@code Kernels.NARROW}: the
 * {@code 64 → d} last layer and its gradients), where a vector loop over the columns would be all overhead. The same
 * sums in the same order as every other kernel ({@code c_ij ← fma(a_ik, b_kj, c_ij)}, {@code k} increasing, the bias
 * last), so the same bits.
 */
final class NarrowProducts {
    private NarrowProducts() {
    }

    /**
     * {@code C = X B (+ 1 biasᵀ)}, or {@code C += X B} when {@code accumulate}, with {@code x_ik = a[i·rs + k·ks]}
     * and {@code B} read in place ({@code b_kj = b[k·bk + j·bj]}, no copy). When the rows of {@code C} are contiguous in {@code A} ({@code rs = 1}: the weight
     * gradient {@code Xᵀ G}) and {@code vector}, the rows go in vectors ({@link VectorKernels#narrowRows}); the
     * rest in scalar registers, four rows by two columns at a time, so that eight independent fma chains hide
     * each one's latency (two at a time in a lone row).
     */
    static void product(Kernels.Scratch s, double[] a, int rs, int ks, double[] b, int bk, int bj, double[] bias,
                        double[] c, int m, int inner, int n, boolean accumulate, boolean vector) {
        int i = 0;
        if (vector && rs == 1) {
            if (s.lanes.length < 4 * VectorKernels.lanes()) {
                s.lanes = new double[4 * VectorKernels.lanes()];
            }
            i = VectorKernels.narrowRows(a, ks, b, bk, bj, bias, c, m, inner, n, accumulate, s.lanes);
        }
        for (; i + 3 < m; i += 4) {
            int j = 0;
            for (; j + 1 < n; j += 2) {
                fourRowsTwoColumns(a, rs, ks, b, bk, bj, bias, c, i, j, inner, n, accumulate);
            }
            if (j < n) {
                ScalarChains.fourRowsOneColumn(a, rs, ks, b, bk, bj, bias, c, i, j, inner, n, accumulate);
            }
        }
        for (; i < m; i++) {
            final int ao = i * rs;
            final int co = i * n;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                final int b0 = j * bj;
                final int b1 = b0 + bj;
                double s0 = accumulate ? c[co + j] : 0.0;
                double s1 = accumulate ? c[co + j + 1] : 0.0;
                for (int k = 0; k < inner; k++) {
                    final double x = a[ao + k * ks];
                    s0 = Math.fma(x, b[b0 + k * bk], s0);
                    s1 = Math.fma(x, b[b1 + k * bk], s1);
                }
                c[co + j] = bias != null ? s0 + bias[j] : s0;
                c[co + j + 1] = bias != null ? s1 + bias[j + 1] : s1;
            }
            if (j < n) {
                final int bo = j * bj;
                double acc = accumulate ? c[co + j] : 0.0;
                for (int k = 0; k < inner; k++) {
                    acc = Math.fma(a[ao + k * ks], b[bo + k * bk], acc);
                }
                c[co + j] = bias != null ? acc + bias[j] : acc;
            }
        }
    }

    /** Rows {@code i..i+3}, columns {@code j, j+1} of {@link #product}: eight chains side by side, each in order. */
    private static void fourRowsTwoColumns(double[] a, int rs, int ks, double[] b, int bk, int bj, double[] bias,
                                           double[] c, int i, int j, int inner, int n, boolean accumulate) {
        final int a0 = i * rs;
        final int b0 = j * bj;
        final int b1 = b0 + bj;
        final int c0 = i * n + j;
        double s00 = accumulate ? c[c0] : 0.0;
        double s10 = accumulate ? c[c0 + n] : 0.0;
        double s20 = accumulate ? c[c0 + 2 * n] : 0.0;
        double s30 = accumulate ? c[c0 + 3 * n] : 0.0;
        double s01 = accumulate ? c[c0 + 1] : 0.0;
        double s11 = accumulate ? c[c0 + n + 1] : 0.0;
        double s21 = accumulate ? c[c0 + 2 * n + 1] : 0.0;
        double s31 = accumulate ? c[c0 + 3 * n + 1] : 0.0;
        for (int k = 0; k < inner; k++) {
            final double u = b[b0 + k * bk];
            final double v = b[b1 + k * bk];
            final int o = a0 + k * ks;
            final double x0 = a[o];
            final double x1 = a[o + rs];
            final double x2 = a[o + 2 * rs];
            final double x3 = a[o + 3 * rs];
            s00 = Math.fma(x0, u, s00);
            s10 = Math.fma(x1, u, s10);
            s20 = Math.fma(x2, u, s20);
            s30 = Math.fma(x3, u, s30);
            s01 = Math.fma(x0, v, s01);
            s11 = Math.fma(x1, v, s11);
            s21 = Math.fma(x2, v, s21);
            s31 = Math.fma(x3, v, s31);
        }
        if (bias != null) {
            s00 += bias[j];
            s10 += bias[j];
            s20 += bias[j];
            s30 += bias[j];
            s01 += bias[j + 1];
            s11 += bias[j + 1];
            s21 += bias[j + 1];
            s31 += bias[j + 1];
        }
        c[c0] = s00;
        c[c0 + n] = s10;
        c[c0 + 2 * n] = s20;
        c[c0 + 3 * n] = s30;
        c[c0 + 1] = s01;
        c[c0 + n + 1] = s11;
        c[c0 + 2 * n + 1] = s21;
        c[c0 + 3 * n + 1] = s31;
    }
}
