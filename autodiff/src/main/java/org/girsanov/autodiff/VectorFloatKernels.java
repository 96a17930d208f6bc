package org.girsanov.autodiff;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-precision kernels of {@link FloatKernels} in vectors of the Vector API, {@link FloatVector#SPECIES_PREFERRED}
 * wide (16 floats with AVX-512, twice the lanes of the double kernels): a register tile of 4 rows × 2 vectors for the
 * products, GELU and its derivative product from the stored {@code tanh}. Each element sees the scalar loop's operations
 * in the scalar loop's order — {@code c_ij ← fma(a_ik, b_kj, c_ij)} over {@code k} increasing, the bias last; the
 * {@link FloatExp#exp} polynomial lane by lane — so which backend ran, and how many lanes the CPU has, never changes a
 * number ({@code FloatKernelsTest}). Compiled apart from the rest of the module, like {@link VectorKernels}.
 */
final class VectorFloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorFloatKernels() {
    }

    /**
     * {@code C = X B (+ 1 biasᵀ)}, or {@code C += X B} when {@code accumulate}: {@code C} m×n, {@code B} inner×n
     * row-major, {@code x_ik = a[i·rs + k·ks]}; {@code bias} (length n) may be null. Returns the first column the
     * vectors did not reach (the scalar loop does {@code [that, n)} for every row); rows past the last multiple of 4 are
     * done one at a time here.
     */
    static int product(float[] a, int rs, int ks, float[] b, float[] bias, float[] c,
                       int m, int inner, int n, boolean accumulate) {
        final int jv = n - n % (2 * L);
        final int j1 = n - n % L;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            for (int j = 0; j < jv; j += 2 * L) {
                tile4x2(a, rs, ks, b, bias, c, i, j, inner, n, accumulate);
            }
            for (int j = jv; j < j1; j += L) {
                for (int r = i; r < i + 4; r++) {
                    row1(a, rs, ks, b, bias, c, r, j, inner, n, accumulate);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < j1; j += L) {
                row1(a, rs, ks, b, bias, c, i, j, inner, n, accumulate);
            }
        }
        return j1;
    }

    private static void tile4x2(float[] a, int rs, int ks, float[] b, float[] bias, float[] c,
                                int i, int j, int inner, int n, boolean accumulate) {
        final int c0 = i * n + j;
        final int c1 = c0 + n;
        final int c2 = c1 + n;
        final int c3 = c2 + n;
        FloatVector z = FloatVector.zero(S);
        FloatVector v0a = accumulate ? FloatVector.fromArray(S, c, c0) : z;
        FloatVector v0b = accumulate ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector v1a = accumulate ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector v1b = accumulate ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector v2a = accumulate ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector v2b = accumulate ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector v3a = accumulate ? FloatVector.fromArray(S, c, c3) : z;
        FloatVector v3b = accumulate ? FloatVector.fromArray(S, c, c3 + L) : z;
        final int a0 = i * rs;
        final int a1 = a0 + rs;
        final int a2 = a1 + rs;
        final int a3 = a2 + rs;
        for (int k = 0; k < inner; k++) {
            final int o = k * n + j;
            FloatVector ba = FloatVector.fromArray(S, b, o);
            FloatVector bb = FloatVector.fromArray(S, b, o + L);
            final int q = k * ks;
            FloatVector x = FloatVector.broadcast(S, a[a0 + q]);
            v0a = ba.fma(x, v0a);
            v0b = bb.fma(x, v0b);
            x = FloatVector.broadcast(S, a[a1 + q]);
            v1a = ba.fma(x, v1a);
            v1b = bb.fma(x, v1b);
            x = FloatVector.broadcast(S, a[a2 + q]);
            v2a = ba.fma(x, v2a);
            v2b = bb.fma(x, v2b);
            x = FloatVector.broadcast(S, a[a3 + q]);
            v3a = ba.fma(x, v3a);
            v3b = bb.fma(x, v3b);
        }
        if (bias != null) {
            FloatVector ba = FloatVector.fromArray(S, bias, j);
            FloatVector bb = FloatVector.fromArray(S, bias, j + L);
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

    /** Row {@code i}, one vector of columns from {@code j}: the same sums in the same order as the tile. */
    private static void row1(float[] a, int rs, int ks, float[] b, float[] bias, float[] c,
                             int i, int j, int inner, int n, boolean accumulate) {
        final int c0 = i * n + j;
        FloatVector v = accumulate ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        final int a0 = i * rs;
        for (int k = 0; k < inner; k++) {
            v = FloatVector.fromArray(S, b, k * n + j).fma(FloatVector.broadcast(S, a[a0 + k * ks]), v);
        }
        if (bias != null) {
            v = v.add(FloatVector.fromArray(S, bias, j));
        }
        v.intoArray(c, c0);
    }

    /** {@link FloatExp#exp} lane by lane: the same operations in the same order, so the same bits. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.min(FloatExp.LIMIT).max(-FloatExp.LIMIT);
        FloatVector t = xc.mul(FloatExp.LOG2E).add(FloatExp.SHIFT);
        FloatVector k = t.sub(FloatExp.SHIFT);
        FloatVector nk = k.neg();
        FloatVector r = nk.fma(FloatVector.broadcast(S, FloatExp.LN2_HI), xc);
        r = nk.fma(FloatVector.broadcast(S, FloatExp.LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, FloatExp.C7).fma(r, FloatVector.broadcast(S, FloatExp.C6));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.C5));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.C4));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.C3));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.C2));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.C1));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.C0));
        IntVector bits = (IntVector) t.viewAsIntegralLanes();
        FloatVector scale = (FloatVector) bits.sub(FloatExp.SHIFT_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .viewAsFloatingLanes();
        return p.mul(scale);
    }

    /**
     * {@link FloatKernels#gelu} in vectors: {@code t = 1 − 2/(1 + e^{2u})}, {@code u = c(x + k x³)}, into {@code th};
     * {@code y = ½x(1 + t)}. Returns the number of elements done (the rest: scalar loop).
     */
    static int gelu(float[] x, float[] y, float[] th, int len, float c, float k) {
        final int end = len - len % L;
        for (int i = 0; i < end; i += L) {
            FloatVector a = FloatVector.fromArray(S, x, i);
            FloatVector u2 = a.mul(k).mul(a).mul(a).add(a).mul(c).mul(2.0f);
            FloatVector t = FloatVector.broadcast(S, 1.0f).sub(FloatVector.broadcast(S, 2.0f).div(exp(u2).add(1.0f)));
            t.intoArray(th, i);
            a.mul(0.5f).mul(t.add(1.0f)).intoArray(y, i);
        }
        return end;
    }

    /**
     * {@link FloatKernels#geluBackward}: {@code r = go ⊙ (½(1 + t) + ½x(1 − t²)c(1 + 3k x²))} from the stored {@code t},
     * in the scalar loop's order ({@code k3 = 3k}). Returns the number of elements done.
     */
    static int geluBackward(float[] go, float[] x, float[] th, float[] r, int len, float c, float k3) {
        final int end = len - len % L;
        for (int i = 0; i < end; i += L) {
            FloatVector a = FloatVector.fromArray(S, x, i);
            FloatVector t = FloatVector.fromArray(S, th, i);
            FloatVector first = t.add(1.0f).mul(0.5f);
            FloatVector sech2 = FloatVector.broadcast(S, 1.0f).sub(t.mul(t));
            FloatVector poly = a.mul(k3).mul(a).add(1.0f);
            FloatVector d = first.add(a.mul(0.5f).mul(sech2).mul(c).mul(poly));
            FloatVector.fromArray(S, go, i).mul(d).intoArray(r, i);
        }
        return end;
    }
}
