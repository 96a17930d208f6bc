package org.girsanov.autodiff;

/**
 * The scalar tile both backends share: rows {@code i..i+3} of one column {@code j} of {@code C = X B (+ 1 biasᵀ)} (or
 * {@code C += X B}), four independent fma chains side by side, each over {@code k} in increasing order with the bias
 * added last — the order of every product kernel, so the same bits. {@code x_ik = a[i·rs + k·ks]},
 * {@code b_kj = b[k·bk + j·bj]}, {@code C} m×n row-major. Compiled with {@link VectorKernels} (which uses it for the
 * columns past its last vector) and used by {@link NarrowProducts} for an odd last column.
 */
final class ScalarChains {
    private ScalarChains() {
    }

    static void fourRowsOneColumn(double[] a, int rs, int ks, double[] b, int bk, int bj, double[] bias, double[] c,
                                  int i, int j, int inner, int n, boolean accumulate) {
        final int a0 = i * rs;
        final int bo = j * bj;
        final int c0 = i * n + j;
        double s0 = accumulate ? c[c0] : 0.0;
        double s1 = accumulate ? c[c0 + n] : 0.0;
        double s2 = accumulate ? c[c0 + 2 * n] : 0.0;
        double s3 = accumulate ? c[c0 + 3 * n] : 0.0;
        for (int k = 0; k < inner; k++) {
            final double bv = b[bo + k * bk];
            final int o = a0 + k * ks;
            s0 = Math.fma(a[o], bv, s0);
            s1 = Math.fma(a[o + rs], bv, s1);
            s2 = Math.fma(a[o + 2 * rs], bv, s2);
            s3 = Math.fma(a[o + 3 * rs], bv, s3);
        }
        if (bias != null) {
            s0 += bias[j];
            s1 += bias[j];
            s2 += bias[j];
            s3 += bias[j];
        }
        c[c0] = s0;
        c[c0 + n] = s1;
        c[c0 + 2 * n] = s2;
        c[c0 + 3 * n] = s3;
    }
}
