package org.girsanov.autodiff;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GELU kernels of {@link Kernels} (and the {@link Exp#exp} they use) in vectors of the Vector API
 * ({@code jdk.incubator.vector}), {@link DoubleVector#SPECIES_PREFERRED} wide: each expression in the scalar loop's
 * order, so the same bits as the scalar kernels whichever backend runs (tested: {@code KernelsTest}). Compiled apart
 * from the rest of the module, like {@link VectorKernels}, and loaded only when the JVM resolves the module.
 */
final class VectorGelu {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorGelu() {
    }

    /** {@link Exp#exp} lane by lane: the same operations in the same order, so the same bits. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.min(Exp.LIMIT).max(-Exp.LIMIT);
        DoubleVector t = xc.mul(Exp.LOG2E).add(Exp.SHIFT);
        DoubleVector k = t.sub(Exp.SHIFT);
        DoubleVector nk = k.neg();
        DoubleVector r = nk.fma(DoubleVector.broadcast(S, Exp.LN2_HI), xc);
        r = nk.fma(DoubleVector.broadcast(S, Exp.LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, Exp.C[13]);
        for (int i = 12; i >= 0; i--) {
            p = p.fma(r, DoubleVector.broadcast(S, Exp.C[i]));
        }
        LongVector bits = t.viewAsIntegralLanes();
        DoubleVector scale = bits.sub(Exp.SHIFT_BITS - 1023L).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
        return p.mul(scale);
    }

    /** {@code a[i] = e^{a[i]}} in full vectors from {@code from}; returns where the scalar tail before {@code to} starts. */
    static int expInPlace(double[] a, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            exp(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
        }
        return i;
    }

    /**
     * {@code a[i] = σ(a[i]) = 1/(1 + e^{−a[i]})} ({@link Sigmoid#of}: the same operations in the same order, so the
     * same bits) in full vectors from {@code from}; returns where the scalar tail before {@code to} starts.
     */
    static int sigmoidInPlace(double[] a, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            one.div(exp(DoubleVector.fromArray(S, a, i).neg()).add(1.0)).intoArray(a, i);
        }
        return i;
    }

    /**
     * {@link Kernels#gelu} in one pass of vectors: {@code y = ½x(1 + t)}, {@code t = 1 − 2/(1 + e^{2u})},
     * {@code u = c(x + k x³)}, each expression in the scalar loop's order; {@code th} (may be null) receives
     * {@code t}; {@code c} and {@code k} are {@link Kernels#GELU_C} and {@link Kernels#GELU_K} (passed in: this
     * class compiles before the rest of the module). Returns the number of elements done: lanes past the last
     * full vector are left to the scalar loop. One vector per iteration: the two-vector loop of 12dccbe (−8 % in
     * {@code KernelBenchmark.gelu}, whose tape keeps no {@code th}) boxed its vectors inside the training step, which
     * allocated 100 MB per step more (JMH {@code -prof gc}: 160 → 60 MB) and ran 5–7 % slower on 2 threads (2026-12-07).
     */
    static int gelu(double[] x, double[] y, double[] th, int len, double c, double k) {
        final int end = len - len % L;
        int i = 0;
        for (; i < end; i += L) {
            DoubleVector a = DoubleVector.fromArray(S, x, i);
            DoubleVector t = tanhU(a, c, k);
            if (th != null) {
                t.intoArray(th, i);
            }
            a.mul(0.5).mul(t.add(1.0)).intoArray(y, i);
        }
        return end;
    }

    /** {@code tanh u}, {@code u = c(x + k x³)}, as {@link Kernels#fastTanh} computes it from {@code x}. */
    private static DoubleVector tanhU(DoubleVector a, double c, double k) {
        DoubleVector u2 = a.mul(k).mul(a).mul(a).add(a).mul(c).mul(2.0);
        return DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(exp(u2).add(1.0)));
    }

    /**
     * {@link Kernels#geluBackward} in vectors: {@code r = go ⊙ (½(1 + t) + ½x(1 − t²)c(1 + 3k x²))}, each
     * expression in the scalar loop's order. Returns the number of elements done (the rest: scalar loop).
     */
    static int geluBackward(double[] go, double[] x, double[] r, int len, double c, double k) {
        final int end = len - len % L;
        for (int i = 0; i < end; i += L) {
            DoubleVector a = DoubleVector.fromArray(S, x, i);
            geluBackwardAt(go, a, tanhU(a, c, k), r, i, c, k);
        }
        return end;
    }

    /** {@link #geluBackward} from {@code t = tanh u} stored by {@link #gelu}: no {@code exp}. Same return. */
    static int geluBackwardFromTanh(double[] go, double[] x, double[] th, double[] r, int len, double c, double k) {
        final int end = len - len % L;
        for (int i = 0; i < end; i += L) {
            geluBackwardAt(go, DoubleVector.fromArray(S, x, i), DoubleVector.fromArray(S, th, i), r, i, c, k);
        }
        return end;
    }

    /** {@code r[i..i+L) = go ⊙ (½(1 + t) + ½a(1 − t²)c(1 + 3k a²))}, in the scalar loop's order. */
    private static void geluBackwardAt(double[] go, DoubleVector a, DoubleVector t, double[] r, int i, double c, double k) {
        DoubleVector first = t.add(1.0).mul(0.5);
        DoubleVector sech2 = DoubleVector.broadcast(S, 1.0).sub(t.mul(t));
        DoubleVector poly = a.mul(3.0 * k).mul(a).add(1.0);
        DoubleVector d = first.add(a.mul(0.5).mul(sech2).mul(c).mul(poly));
        DoubleVector.fromArray(S, go, i).mul(d).intoArray(r, i);
    }
}
