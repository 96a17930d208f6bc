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
 * the same rounding: {@code c_ij ← fma(a_ik, b_kj, c_ij)} for {@code k = 0, 1, …} in increasing order, one
 * rounding per term, the bias added last. A fused multiply-add per lane is the scalar {@link Math#fma}, so
 * which of the two backends ran, and how many lanes the CPU has, never changes a number (tested:
 * {@code KernelsTest}).
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
            for (int j = jv; j < j1; j += L) {
                tile4x1(a, rs, ks, b, bias, c, i, j, inner, n, accumulate);
            }
            for (int j = j1; j < n; j++) {
                ScalarChains.fourRowsOneColumn(a, rs, ks, b, n, 1, bias, c, i, j, inner, n, accumulate);
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
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + q]);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a0 + q + ks]);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a0 + q + 2 * ks]);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a0 + q + 3 * ks]);
            v0a = b3a.fma(x3, b2a.fma(x2, b1a.fma(x1, b0a.fma(x0, v0a))));
            v0b = b3b.fma(x3, b2b.fma(x2, b1b.fma(x1, b0b.fma(x0, v0b))));
            x0 = DoubleVector.broadcast(S, a[a1 + q]);
            x1 = DoubleVector.broadcast(S, a[a1 + q + ks]);
            x2 = DoubleVector.broadcast(S, a[a1 + q + 2 * ks]);
            x3 = DoubleVector.broadcast(S, a[a1 + q + 3 * ks]);
            v1a = b3a.fma(x3, b2a.fma(x2, b1a.fma(x1, b0a.fma(x0, v1a))));
            v1b = b3b.fma(x3, b2b.fma(x2, b1b.fma(x1, b0b.fma(x0, v1b))));
            x0 = DoubleVector.broadcast(S, a[a2 + q]);
            x1 = DoubleVector.broadcast(S, a[a2 + q + ks]);
            x2 = DoubleVector.broadcast(S, a[a2 + q + 2 * ks]);
            x3 = DoubleVector.broadcast(S, a[a2 + q + 3 * ks]);
            v2a = b3a.fma(x3, b2a.fma(x2, b1a.fma(x1, b0a.fma(x0, v2a))));
            v2b = b3b.fma(x3, b2b.fma(x2, b1b.fma(x1, b0b.fma(x0, v2b))));
            x0 = DoubleVector.broadcast(S, a[a3 + q]);
            x1 = DoubleVector.broadcast(S, a[a3 + q + ks]);
            x2 = DoubleVector.broadcast(S, a[a3 + q + 2 * ks]);
            x3 = DoubleVector.broadcast(S, a[a3 + q + 3 * ks]);
            v3a = b3a.fma(x3, b2a.fma(x2, b1a.fma(x1, b0a.fma(x0, v3a))));
            v3b = b3b.fma(x3, b2b.fma(x2, b1b.fma(x1, b0b.fma(x0, v3b))));
        }
        for (; k < inner; k++) {
            final int o = k * n + j;
            DoubleVector ba = DoubleVector.fromArray(S, b, o);
            DoubleVector bb = DoubleVector.fromArray(S, b, o + L);
            final int q = k * ks;
            v0a = ba.fma(DoubleVector.broadcast(S, a[a0 + q]), v0a);
            v0b = bb.fma(DoubleVector.broadcast(S, a[a0 + q]), v0b);
            v1a = ba.fma(DoubleVector.broadcast(S, a[a1 + q]), v1a);
            v1b = bb.fma(DoubleVector.broadcast(S, a[a1 + q]), v1b);
            v2a = ba.fma(DoubleVector.broadcast(S, a[a2 + q]), v2a);
            v2b = bb.fma(DoubleVector.broadcast(S, a[a2 + q]), v2b);
            v3a = ba.fma(DoubleVector.broadcast(S, a[a3 + q]), v3a);
            v3b = bb.fma(DoubleVector.broadcast(S, a[a3 + q]), v3b);
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
     * Rows {@code i..i+3}, the vector of columns from {@code j}: the columns right of the 4×2 tiles, four independent
     * chains instead of one row at a time (one chain is latency-bound) — the same sums in the same order as the tile,
     * so the same bits.
     */
    private static void tile4x1(double[] a, int rs, int ks, double[] b, double[] bias, double[] c,
                                int i, int j, int inner, int n, boolean accumulate) {
        final int c0 = i * n + j;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector v0 = accumulate ? DoubleVector.fromArray(S, c, c0) : z;
        DoubleVector v1 = accumulate ? DoubleVector.fromArray(S, c, c0 + n) : z;
        DoubleVector v2 = accumulate ? DoubleVector.fromArray(S, c, c0 + 2 * n) : z;
        DoubleVector v3 = accumulate ? DoubleVector.fromArray(S, c, c0 + 3 * n) : z;
        final int a0 = i * rs;
        for (int k = 0; k < inner; k++) {
            DoubleVector bk = DoubleVector.fromArray(S, b, k * n + j);
            final int q = a0 + k * ks;
            v0 = bk.fma(DoubleVector.broadcast(S, a[q]), v0);
            v1 = bk.fma(DoubleVector.broadcast(S, a[q + rs]), v1);
            v2 = bk.fma(DoubleVector.broadcast(S, a[q + 2 * rs]), v2);
            v3 = bk.fma(DoubleVector.broadcast(S, a[q + 3 * rs]), v3);
        }
        if (bias != null) {
            DoubleVector bv = DoubleVector.fromArray(S, bias, j);
            v0 = v0.add(bv);
            v1 = v1.add(bv);
            v2 = v2.add(bv);
            v3 = v3.add(bv);
        }
        v0.intoArray(c, c0);
        v1.intoArray(c, c0 + n);
        v2.intoArray(c, c0 + 2 * n);
        v3.intoArray(c, c0 + 3 * n);
    }

    /**
     * Row {@code i} (offsets {@code ao} into {@code a}, {@code co} into {@code c}), four vectors of columns from
     * {@code j}: four independent chains over {@code k} instead of one vector at a time (a single chain waits on the
     * latency of every fused multiply-add) — the one-row products of the time networks and the first layer's weight
     * gradient. The same sums in the same order as the tile, so the same bits.
     */
    private static void tile1x4(double[] a, int ao, int ks, double[] b, double[] bias, double[] c, int co, int j,
                                int inner, int n, boolean accumulate) {
        final int c0 = co + j;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector v0 = accumulate ? DoubleVector.fromArray(S, c, c0) : z;
        DoubleVector v1 = accumulate ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector v2 = accumulate ? DoubleVector.fromArray(S, c, c0 + 2 * L) : z;
        DoubleVector v3 = accumulate ? DoubleVector.fromArray(S, c, c0 + 3 * L) : z;
        for (int k = 0; k < inner; k++) {
            final int o = k * n + j;
            DoubleVector x = DoubleVector.broadcast(S, a[ao + k * ks]);
            v0 = DoubleVector.fromArray(S, b, o).fma(x, v0);
            v1 = DoubleVector.fromArray(S, b, o + L).fma(x, v1);
            v2 = DoubleVector.fromArray(S, b, o + 2 * L).fma(x, v2);
            v3 = DoubleVector.fromArray(S, b, o + 3 * L).fma(x, v3);
        }
        if (bias != null) {
            v0 = v0.add(DoubleVector.fromArray(S, bias, j));
            v1 = v1.add(DoubleVector.fromArray(S, bias, j + L));
            v2 = v2.add(DoubleVector.fromArray(S, bias, j + 2 * L));
            v3 = v3.add(DoubleVector.fromArray(S, bias, j + 3 * L));
        }
        v0.intoArray(c, c0);
        v1.intoArray(c, c0 + L);
        v2.intoArray(c, c0 + 2 * L);
        v3.intoArray(c, c0 + 3 * L);
    }

    /**
     * Row {@code i}, columns {@code [from, n)}: four vectors at a time ({@link #tile1x4}), then one vector at a time up
     * to {@code j1}, then scalar — the same sums in the same order as the tile.
     */
    private static void rowTail(double[] a, int rs, int ks, double[] b, double[] bias, double[] c,
                                int i, int from, int j1, int inner, int n, boolean accumulate) {
        final int ao = i * rs;
        final int co = i * n;
        int j = from;
        for (; j + 4 * L <= j1; j += 4 * L) {
            tile1x4(a, ao, ks, b, bias, c, co, j, inner, n, accumulate);
        }
        for (; j < j1; j += L) {
            DoubleVector v = accumulate ? DoubleVector.fromArray(S, c, co + j) : DoubleVector.zero(S);
            int k = 0;
            for (; k + 3 < inner; k += 4) {
                final int o = k * n + j;
                final int q = ao + k * ks;
                v = DoubleVector.fromArray(S, b, o).fma(DoubleVector.broadcast(S, a[q]), v);
                v = DoubleVector.fromArray(S, b, o + n).fma(DoubleVector.broadcast(S, a[q + ks]), v);
                v = DoubleVector.fromArray(S, b, o + 2 * n).fma(DoubleVector.broadcast(S, a[q + 2 * ks]), v);
                v = DoubleVector.fromArray(S, b, o + 3 * n).fma(DoubleVector.broadcast(S, a[q + 3 * ks]), v);
            }
            for (; k < inner; k++) {
                v = DoubleVector.fromArray(S, b, k * n + j).fma(DoubleVector.broadcast(S, a[ao + k * ks]), v);
            }
            if (bias != null) {
                v = v.add(DoubleVector.fromArray(S, bias, j));
            }
            v.intoArray(c, co + j);
        }
        for (j = Math.max(from, j1); j < n; j++) {
            double acc = accumulate ? c[co + j] : 0.0;
            int k = 0;
            for (; k + 3 < inner; k += 4) {
                final int o = k * n + j;
                final int q = ao + k * ks;
                acc = Math.fma(a[q], b[o], acc);
                acc = Math.fma(a[q + ks], b[o + n], acc);
                acc = Math.fma(a[q + 2 * ks], b[o + 2 * n], acc);
                acc = Math.fma(a[q + 3 * ks], b[o + 3 * n], acc);
            }
            for (; k < inner; k++) {
                acc = Math.fma(a[ao + k * ks], b[k * n + j], acc);
            }
            if (bias != null) {
                acc += bias[j];
            }
            c[co + j] = acc;
        }
    }

    /**
     * The narrow products ({@code n} a few columns) whose output rows are contiguous in {@code A}
     * ({@code x_ik = a[i + k·ks]}, the weight gradient {@code Xᵀ G} of a last layer), four vectors of rows at a time:
     * for each column {@code j}, four chains {@code c_{i..i+4L, j} ← fma(x_{·k}, b_kj, ·)} over {@code k} in
     * increasing order, the bias added last — each element's sum in the order of the scalar loops, so the same bits.
     * {@code C} (m×n) is strided along the rows, so each block passes through {@code lanes} (length ≥ 4L).
     * Returns the number of rows done; the rest are left to the scalar loop.
     */
    static int narrowRows(double[] a, int ks, double[] b, int bk, int bj, double[] bias, double[] c, int m, int inner,
                          int n, boolean accumulate, double[] lanes) {
        final int end = m - m % (4 * L);
        for (int i = 0; i < end; i += 4 * L) {
            for (int j = 0; j < n; j++) {
                if (accumulate) {
                    for (int r = 0; r < 4 * L; r++) {
                        lanes[r] = c[(i + r) * n + j];
                    }
                }
                DoubleVector z = DoubleVector.zero(S);
                DoubleVector v0 = accumulate ? DoubleVector.fromArray(S, lanes, 0) : z;
                DoubleVector v1 = accumulate ? DoubleVector.fromArray(S, lanes, L) : z;
                DoubleVector v2 = accumulate ? DoubleVector.fromArray(S, lanes, 2 * L) : z;
                DoubleVector v3 = accumulate ? DoubleVector.fromArray(S, lanes, 3 * L) : z;
                final int bo = j * bj;
                for (int k = 0; k < inner; k++) {
                    DoubleVector y = DoubleVector.broadcast(S, b[bo + k * bk]);
                    final int o = i + k * ks;
                    v0 = DoubleVector.fromArray(S, a, o).fma(y, v0);
                    v1 = DoubleVector.fromArray(S, a, o + L).fma(y, v1);
                    v2 = DoubleVector.fromArray(S, a, o + 2 * L).fma(y, v2);
                    v3 = DoubleVector.fromArray(S, a, o + 3 * L).fma(y, v3);
                }
                if (bias != null) {
                    DoubleVector bv = DoubleVector.broadcast(S, bias[j]);
                    v0 = v0.add(bv);
                    v1 = v1.add(bv);
                    v2 = v2.add(bv);
                    v3 = v3.add(bv);
                }
                v0.intoArray(lanes, 0);
                v1.intoArray(lanes, L);
                v2.intoArray(lanes, 2 * L);
                v3.intoArray(lanes, 3 * L);
                for (int r = 0; r < 4 * L; r++) {
                    c[(i + r) * n + j] = lanes[r];
                }
            }
        }
        return end;
    }
}
