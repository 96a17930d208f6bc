package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The GELU activation as one tape op: its value, its derivative product for a plain backward pass (both
 * single loops, {@link Kernels#gelu} and {@link Kernels#geluBackward}, where {@code KernelsTest} pins them)
 * and its derivative in tape ops for a recorded backward.
 */
final class Gelu {
    private Gelu() {
    }

    /**
     * GELU, tanh form: {@code ½ a (1 + tanh(√(2/π)(a + 0.044715 a³)))} (Hendrycks &amp; Gimpel 2016; PyTorch's
     * {@code approximate="tanh"}). One primitive op: the value and, in a plain backward pass, the derivative
     * product are single loops ({@code tanh} through one {@code exp}); a recorded backward
     * ({@code createGraph}) builds {@code gelu'} from tape ops, so every order of derivative is exact.
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
                return new Var[] {g.mul(go, geluDerivative(g, a))};
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
