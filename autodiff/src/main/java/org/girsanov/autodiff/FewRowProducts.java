package org.girsanov.autodiff;

/**
 * Products with fewer rows than {@link Kernels}' tiles take, computed from the operands as stored.
 */
final class FewRowProducts {
    private FewRowProducts() {
    }

    /**
     * {@code C = A Bᵀ} for fewer rows than the tiles take ({@code m < 4}: the one-row products of the time networks'
     * backward, once per time and pass on the caller's thread): each {@code c_ij} the fused multiply-add chain over
     * {@code k} in increasing order that the kernels compute, read from {@code B}'s rows directly — transposing
     * {@code B} first, as the tiles need, cost more than the product (8 % of a 2-thread float32 step's samples).
     * Four columns at a time, for four independent chains.
     */
    static void productNT(double[] a, double[] b, double[] c, int m, int p, int n) {
        for (int i = 0; i < m; i++) {
            final int ao = i * p;
            final int co = i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                final int b0 = j * p;
                final int b1 = b0 + p;
                final int b2 = b1 + p;
                final int b3 = b2 + p;
                double c0 = 0.0;
                double c1 = 0.0;
                double c2 = 0.0;
                double c3 = 0.0;
                for (int k = 0; k < p; k++) {
                    final double x = a[ao + k];
                    c0 = Math.fma(x, b[b0 + k], c0);
                    c1 = Math.fma(x, b[b1 + k], c1);
                    c2 = Math.fma(x, b[b2 + k], c2);
                    c3 = Math.fma(x, b[b3 + k], c3);
                }
                c[co + j] = c0;
                c[co + j + 1] = c1;
                c[co + j + 2] = c2;
                c[co + j + 3] = c3;
            }
            for (; j < n; j++) {
                final int bo = j * p;
                double acc = 0.0;
                for (int k = 0; k < p; k++) {
                    acc = Math.fma(a[ao + k], b[bo + k], acc);
                }
                c[co + j] = acc;
            }
        }
    }
}
