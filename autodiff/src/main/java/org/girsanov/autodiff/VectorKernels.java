package org.girsanov.autodiff;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products of {@link Kernels} as register tiles of the Vector API ({@code jdk.incubator.vector}): each
 * call keeps a 4 × 2-vector block of {@code C} in registers for the whole inner loop (8 accumulators of
 * {@link DoubleVector#SPECIES_PREFERRED}, 8 doubles wide with AVX-512, 4 with AVX2) and reads {@code B} in
 * place, so every loaded {@code B} vector serves four output rows and every {@code C} element is stored once.
 *
 * <p><b>Bitwise the scalar kernels.</b> The sums are those of {@link Kernels}, in the same order and with
 * the same rounding — a multiply then an add per term, never a fused multiply-add:
 * {@code c_j ← c_j + (((x₀b₀ⱼ + x₁b₁ⱼ) + x₂b₂ⱼ) + x₃b₃ⱼ)} over the inner index in blocks of four, the
 * remaining terms one at a time, the bias added last. IEEE arithmetic per lane is the scalar arithmetic,
 * so which of the two backends ran never changes a number (tested: {@code VectorKernelsTest}).
 *
 * <p>Loaded only when the JVM resolves {@code jdk.incubator.vector} (run with
 * {@code --add-modules jdk.incubator.vector}); {@link Kernels} falls back to its scalar loops otherwise. The
 * source is compiled apart from the rest of the module: javac's warning "using incubating module(s)" cannot be
 * turned off, and the build treats every other warning as an error.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorKernels() {
    }

    /** Lanes of the preferred double vector on this CPU (8 with AVX-512, 4 with AVX2). */
    static int lanes() {
        return L;
    }

    /**
     * {@code C = X B (+ 1 biasᵀ)}, or {@code C += X B} when {@code accumulate}: {@code C} m×n, {@code B}
     * inner×n row-major at offset 0, {@code x_ik = a[i·rs + k·ks]}. {@code bias} (length n) may be null.
     */
    static void product(double[] a, int rs, int ks, double[] b, double[] bias, double[] c,
                        int m, int inner, int n, boolean accumulate) {
        final int jv = n - n % (2 * L);
        final int j1 = n - n % L;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            for (int j = 0; j < jv; j += 2 * L) {
                tile4x2(a, rs, ks, b, bias, c, i, j, inner, n, accumulate);
            }
            for (int r = i; r < i + 4; r++) {
                rowTail(a, rs, ks, b, bias, c, r, jv, j1, inner, n, accumulate);
            }
        }
        for (; i < m; i++) {
            rowTail(a, rs, ks, b, bias, c, i, 0, j1, inner, n, accumulate);
        }
    }

    private static void tile4x2(double[] a, int rs, int ks, double[] b, double[] bias, double[] c,
                                int i, int j, int inner, int n, boolean accumulate) {
        final int c0 = i * n + j;
        final int c1 = c0 + n;
        final int c2 = c1 + n;
        final int c3 = c2 + n;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector v0a = accumulate ? DoubleVector.fromArray(S, c, c0) : z;
        DoubleVector v0b = accumulate ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector v1a = accumulate ? DoubleVector.fromArray(S, c, c1) : z;
        DoubleVector v1b = accumulate ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector v2a = accumulate ? DoubleVector.fromArray(S, c, c2) : z;
        DoubleVector v2b = accumulate ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector v3a = accumulate ? DoubleVector.fromArray(S, c, c3) : z;
        DoubleVector v3b = accumulate ? DoubleVector.fromArray(S, c, c3 + L) : z;
        final int a0 = i * rs;
        final int a1 = a0 + rs;
        final int a2 = a1 + rs;
        final int a3 = a2 + rs;
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            final int o = k * n + j;
            DoubleVector b0a = DoubleVector.fromArray(S, b, o);
            DoubleVector b0b = DoubleVector.fromArray(S, b, o + L);
            DoubleVector b1a = DoubleVector.fromArray(S, b, o + n);
            DoubleVector b1b = DoubleVector.fromArray(S, b, o + n + L);
            DoubleVector b2a = DoubleVector.fromArray(S, b, o + 2 * n);
            DoubleVector b2b = DoubleVector.fromArray(S, b, o + 2 * n + L);
            DoubleVector b3a = DoubleVector.fromArray(S, b, o + 3 * n);
            DoubleVector b3b = DoubleVector.fromArray(S, b, o + 3 * n + L);
            final int q = k * ks;
            double x0 = a[a0 + q];
            double x1 = a[a0 + q + ks];
            double x2 = a[a0 + q + 2 * ks];
            double x3 = a[a0 + q + 3 * ks];
            v0a = v0a.add(b0a.mul(x0).add(b1a.mul(x1)).add(b2a.mul(x2)).add(b3a.mul(x3)));
            v0b = v0b.add(b0b.mul(x0).add(b1b.mul(x1)).add(b2b.mul(x2)).add(b3b.mul(x3)));
            x0 = a[a1 + q];
            x1 = a[a1 + q + ks];
            x2 = a[a1 + q + 2 * ks];
            x3 = a[a1 + q + 3 * ks];
            v1a = v1a.add(b0a.mul(x0).add(b1a.mul(x1)).add(b2a.mul(x2)).add(b3a.mul(x3)));
            v1b = v1b.add(b0b.mul(x0).add(b1b.mul(x1)).add(b2b.mul(x2)).add(b3b.mul(x3)));
            x0 = a[a2 + q];
            x1 = a[a2 + q + ks];
            x2 = a[a2 + q + 2 * ks];
            x3 = a[a2 + q + 3 * ks];
            v2a = v2a.add(b0a.mul(x0).add(b1a.mul(x1)).add(b2a.mul(x2)).add(b3a.mul(x3)));
            v2b = v2b.add(b0b.mul(x0).add(b1b.mul(x1)).add(b2b.mul(x2)).add(b3b.mul(x3)));
            x0 = a[a3 + q];
            x1 = a[a3 + q + ks];
            x2 = a[a3 + q + 2 * ks];
            x3 = a[a3 + q + 3 * ks];
            v3a = v3a.add(b0a.mul(x0).add(b1a.mul(x1)).add(b2a.mul(x2)).add(b3a.mul(x3)));
            v3b = v3b.add(b0b.mul(x0).add(b1b.mul(x1)).add(b2b.mul(x2)).add(b3b.mul(x3)));
        }
        for (; k < inner; k++) {
            final int o = k * n + j;
            DoubleVector ba = DoubleVector.fromArray(S, b, o);
            DoubleVector bb = DoubleVector.fromArray(S, b, o + L);
            final int q = k * ks;
            v0a = v0a.add(ba.mul(a[a0 + q]));
            v0b = v0b.add(bb.mul(a[a0 + q]));
            v1a = v1a.add(ba.mul(a[a1 + q]));
            v1b = v1b.add(bb.mul(a[a1 + q]));
            v2a = v2a.add(ba.mul(a[a2 + q]));
            v2b = v2b.add(bb.mul(a[a2 + q]));
            v3a = v3a.add(ba.mul(a[a3 + q]));
            v3b = v3b.add(bb.mul(a[a3 + q]));
        }
        if (bias != null) {
            DoubleVector ba = DoubleVector.fromArray(S, bias, j);
            DoubleVector bb = DoubleVector.fromArray(S, bias, j + L);
            v0a = v0a.add(ba);
            v0b = v0b.add(bb);
            v1a = v1a.add(ba);
            v1b = v1b.add(bb);
            v2a = v2a.add(ba);
            v2b = v2b.add(bb);
            v3a = v3a.add(ba);
            v3b = v3b.add(bb);
        }
        v0a.intoArray(c, c0);
        v0b.intoArray(c, c0 + L);
        v1a.intoArray(c, c1);
        v1b.intoArray(c, c1 + L);
        v2a.intoArray(c, c2);
        v2b.intoArray(c, c2 + L);
        v3a.intoArray(c, c3);
        v3b.intoArray(c, c3 + L);
    }

    /**
     * Row {@code i}, columns {@code [from, n)}: one vector at a time up to {@code j1}, then scalar — the same
     * sums in the same order as the tile.
     */
    private static void rowTail(double[] a, int rs, int ks, double[] b, double[] bias, double[] c,
                                int i, int from, int j1, int inner, int n, boolean accumulate) {
        final int ao = i * rs;
        final int co = i * n;
        for (int j = from; j < j1; j += L) {
            DoubleVector v = accumulate ? DoubleVector.fromArray(S, c, co + j) : DoubleVector.zero(S);
            int k = 0;
            for (; k + 3 < inner; k += 4) {
                final int o = k * n + j;
                final int q = ao + k * ks;
                v = v.add(DoubleVector.fromArray(S, b, o).mul(a[q])
                        .add(DoubleVector.fromArray(S, b, o + n).mul(a[q + ks]))
                        .add(DoubleVector.fromArray(S, b, o + 2 * n).mul(a[q + 2 * ks]))
                        .add(DoubleVector.fromArray(S, b, o + 3 * n).mul(a[q + 3 * ks])));
            }
            for (; k < inner; k++) {
                v = v.add(DoubleVector.fromArray(S, b, k * n + j).mul(a[ao + k * ks]));
            }
            if (bias != null) {
                v = v.add(DoubleVector.fromArray(S, bias, j));
            }
            v.intoArray(c, co + j);
        }
        for (int j = Math.max(from, j1); j < n; j++) {
            double acc = accumulate ? c[co + j] : 0.0;
            int k = 0;
            for (; k + 3 < inner; k += 4) {
                final int o = k * n + j;
                final int q = ao + k * ks;
                acc += a[q] * b[o] + a[q + ks] * b[o + n] + a[q + 2 * ks] * b[o + 2 * n] + a[q + 3 * ks] * b[o + 3 * n];
            }
            for (; k < inner; k++) {
                acc += a[ao + k * ks] * b[k * n + j];
            }
            if (bias != null) {
                acc += bias[j];
            }
            c[co + j] = acc;
        }
    }
}
