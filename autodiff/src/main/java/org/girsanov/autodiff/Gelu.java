package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The GELU activation as one tape op: its value, its derivative product for a plain backward pass (both
 * single loops, {@link Kernels#gelu} and {@link Kernels#geluBackward}, where {@code KernelsTest} pins them)
 * and, for a recorded backward, its derivative {@code gelu'} as one op too ({@link #geluPrime}), whose own backward
 * is {@code gelu''} (a loop, or tape ops when recorded again), so every order of derivative is exact.
 */
final class Gelu {
    private Gelu() {
    }

    /**
     * GELU, tanh form: {@code ½ a (1 + tanh(√(2/π)(a + 0.044715 a³)))} (Hendrycks &amp; Gimpel 2016; PyTorch's
     * {@code approximate="tanh"}). One primitive op: the value and, in a plain backward pass, the derivative
     * product are single loops ({@code tanh} through one {@code exp}); a recorded backward
     * ({@code createGraph}) is {@code go ⊙ gelu'(a)} with {@code gelu'} the op {@link #geluPrime}.
     */
    static Var gelu(Tape t, Var a) {
        return gelu(t, a, Kernels.VECTOR);
    }

    /** As above, on the Vector-API kernels if {@code vector}, else on the scalar ones (the same bits). */
    static Var gelu(Tape t, Var a, boolean vector) {
        DMatrixRMaj out = t.newValue(a.rows(), a.cols());
        final int n = out.getNumElements();
        // a recording tape keeps tanh u for the backward, in a buffer of the tape's workspace (no allocation when
        // the tape has one): the backward then needs no second exp — the same t, so the same bits as recomputing it
        final double[] th = t.recording ? t.newValue(a.rows(), a.cols()).data : null;
        Kernels.gelu(a.value.data, out.data, th, n, vector);
        return t.node(out, "gelu", (g, o, go) -> {
            if (g.recording) {
                return new Var[] {g.mul(go, geluPrime(g, a, th))};
            }
            DMatrixRMaj r = g.newValue(go.rows(), go.cols());
            if (th != null) {
                Kernels.geluBackwardFromTanh(go.value.data, a.value.data, th, r.data, n, vector);
            } else {
                Kernels.geluBackward(go.value.data, a.value.data, r.data, n, vector);
            }
            return new Var[] {g.constant(r)};
        }, a);
    }

    /**
     * {@code gelu'(a)} as one op ({@link Kernels#geluDerivatives}; {@code th}, when not null, is {@code tanh u} as the
     * forward pass stored it), for the recorded backward of {@link #gelu}: exact divergences and Hutchinson's
     * vector–Jacobian products differentiate it once more (the gradient in θ of a divergence), which is
     * {@code go ⊙ gelu''(a)}, a loop in a plain backward and {@link #geluSecondDerivative} in tape ops when recorded
     * again. One op instead of the ~12 of {@link #geluDerivative} and their ~17 backward nodes.
     */
    static Var geluPrime(Tape t, Var a, double[] th) {
        DMatrixRMaj out = t.newValue(a.rows(), a.cols());
        final int n = out.getNumElements();
        Kernels.geluDerivatives(a.value.data, th, out.data, null, n);
        return t.node(out, "gelu'", (g, o, go) -> {
            if (g.recording) {
                return new Var[] {g.mul(go, geluSecondDerivative(g, a))};
            }
            DMatrixRMaj r = g.newValue(go.rows(), go.cols());
            Kernels.geluDerivatives(a.value.data, th, null, r.data, n);
            for (int i = 0; i < n; i++) {
                r.data[i] *= go.value.data[i];
            }
            return new Var[] {g.constant(r)};
        }, a);
    }

    /**
     * {@code gelu''(a) = (1 − t²)(u' + ½a(u'' − 2t u'²))}, {@code t = tanh u}, {@code u' = c(1 + 3k a²)},
     * {@code u'' = 6ck a}, composed of tape ops (the recorded backward of {@link #geluPrime}: third and higher orders).
     */
    static Var geluSecondDerivative(Tape t, Var a) {
        Var th = t.tanh(t.scale(t.add(a, t.scale(t.pow(a, 3.0), Kernels.GELU_K)), Kernels.GELU_C));
        Var sech2 = t.addScalar(t.neg(t.square(th)), 1.0);
        Var du = t.scale(t.addScalar(t.scale(t.square(a), 3.0 * Kernels.GELU_K), 1.0), Kernels.GELU_C);
        Var d2u = t.scale(a, 6.0 * Kernels.GELU_C * Kernels.GELU_K);
        Var inner = t.sub(d2u, t.scale(t.mul(th, t.square(du)), 2.0));
        return t.mul(sech2, t.add(du, t.mul(t.scale(a, 0.5), inner)));
    }

    /**
     * {@code gelu'(a) = ½(1 + tanh u) + ½ a (1 − tanh²u) √(2/π)(1 + 3·0.044715 a²)}, {@code u = √(2/π)(a +
     * 0.044715 a³)}, composed of tape ops (so the backward of {@link #gelu} can be recorded and differentiated).
     */
    static Var geluDerivative(Tape t, Var a) {
        Var th = t.tanh(t.scale(t.add(a, t.scale(t.pow(a, 3.0), Kernels.GELU_K)), Kernels.GELU_C));
        Var sech2 = t.addScalar(t.neg(t.square(th)), 1.0);
        Var poly = t.addScalar(t.scale(t.square(a), 3.0 * Kernels.GELU_K), 1.0);
        return t.add(t.scale(t.addScalar(th, 1.0), 0.5), t.mul(t.scale(a, 0.5 * Kernels.GELU_C), t.mul(sech2, poly)));
    }
}
