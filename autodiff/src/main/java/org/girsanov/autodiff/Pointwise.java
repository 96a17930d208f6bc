package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Unary elementwise ops {@code o_ij = f(a_ij)} with their derivatives {@code ∂/∂a = G ⊙ f'(a)}: arithmetic
 * with a constant, {@code exp}, {@code log}, powers, trigonometric functions and the activations
 * {@code tanh}, {@code σ}, softplus, ReLU and SiLU (GELU, with its own kernels, is {@link Gelu}).
 *
 * <p>Each derivative is written in tape ops, so a recorded backward ({@code createGraph}) can be
 * differentiated again. Where a plain backward is on the hot path ({@code tanh}, {@code σ}, {@code a²}),
 * the same product is also computed in one loop ({@link #fusedBackward}) when the backward tape does
 * not record.
 */
final class Pointwise {
    private Pointwise() {
    }

    private static final int NEG = 0;
    private static final int SCALE = 1;
    private static final int ADD_C = 2;
    private static final int EXP = 3;
    private static final int LOG = 4;
    private static final int LOG1P = 5;
    private static final int SQRT = 6;
    private static final int SQUARE = 7;
    private static final int POW = 8;
    private static final int TANH = 9;
    private static final int SIGMOID = 10;
    private static final int SOFTPLUS = 11;
    private static final int RELU = 12;
    private static final int STEP = 13;
    private static final int SIN = 14;
    private static final int COS = 15;
    private static final int LOG_NCDF = 16;
    private static final int D_LOG_NCDF = 17;

    /** {@code f(a)} elementwise for the kernel {@code code} (with constant {@code c} where it takes one). */
    private static DMatrixRMaj map(Tape t, DMatrixRMaj a, int code, double c) {
        DMatrixRMaj out = t.newValue(a.numRows, a.numCols);
        final int n = a.getNumElements();
        final double[] x = a.data;
        final double[] o = out.data;
        switch (code) {
            case NEG: for (int i = 0; i < n; i++) { o[i] = -x[i]; } break;
            case SCALE: for (int i = 0; i < n; i++) { o[i] = c * x[i]; } break;
            case ADD_C: for (int i = 0; i < n; i++) { o[i] = x[i] + c; } break;
            case EXP: for (int i = 0; i < n; i++) { o[i] = Math.exp(x[i]); } break;
            case LOG: for (int i = 0; i < n; i++) { o[i] = Math.log(x[i]); } break;
            case LOG1P: for (int i = 0; i < n; i++) { o[i] = Math.log1p(x[i]); } break;
            case SQRT: for (int i = 0; i < n; i++) { o[i] = Math.sqrt(x[i]); } break;
            case SQUARE: for (int i = 0; i < n; i++) { o[i] = x[i] * x[i]; } break;
            case POW: for (int i = 0; i < n; i++) { o[i] = Math.pow(x[i], c); } break;
            case TANH: for (int i = 0; i < n; i++) { o[i] = Math.tanh(x[i]); } break;
            case SIGMOID: System.arraycopy(x, 0, o, 0, n); Sigmoid.inPlace(o, 0, n); break;
            case SOFTPLUS:
                for (int i = 0; i < n; i++) {
                    o[i] = Math.max(x[i], 0.0) + Math.log1p(Math.exp(-Math.abs(x[i])));
                }
                break;
            case RELU: for (int i = 0; i < n; i++) { o[i] = x[i] > 0 ? x[i] : 0.0; } break;
            case STEP: for (int i = 0; i < n; i++) { o[i] = x[i] > 0 ? 1.0 : 0.0; } break;
            case SIN: for (int i = 0; i < n; i++) { o[i] = Math.sin(x[i]); } break;
            case COS: for (int i = 0; i < n; i++) { o[i] = Math.cos(x[i]); } break;
            case LOG_NCDF: for (int i = 0; i < n; i++) { o[i] = NormalCdf.logCdf(x[i]); } break;
            case D_LOG_NCDF: for (int i = 0; i < n; i++) { o[i] = NormalCdf.dLogCdf(x[i]); } break;
            default: throw new AssertionError(code);
        }
        return out;
    }

    /**
     * Plain-numeric local derivative products for a non-recording backward pass: {@code go ⊙ f'(·)} in one
     * loop and one allocation, where the recording path composes the same formula from tape ops (kept for
     * higher order). {@code code} is the forward op; {@code a} its input, {@code o} its output.
     */
    private static Var fusedBackward(Tape g, int code, Var go, Var a, Var o) {
        DMatrixRMaj out = g.newValue(go.rows(), go.cols());
        final int n = out.getNumElements();
        final double[] d = go.value.data;
        final double[] r = out.data;
        switch (code) {
            case TANH: {
                final double[] y = o.value.data;
                for (int i = 0; i < n; i++) { r[i] = d[i] * (1.0 - y[i] * y[i]); }
                break;
            }
            case SIGMOID: {
                final double[] y = o.value.data;
                for (int i = 0; i < n; i++) { r[i] = d[i] * (y[i] * (1.0 - y[i])); }
                break;
            }
            case SQUARE: {
                final double[] x = a.value.data;
                for (int i = 0; i < n; i++) { r[i] = d[i] * (2.0 * x[i]); }
                break;
            }
            default: throw new AssertionError(code);
        }
        return g.constant(out);
    }

    /** {@code −a}. */
    static Var neg(Tape t, Var a) {
        return t.node(map(t, a.value, NEG, 0), "neg", (g, o, go) -> new Var[] {g.neg(go)}, a);
    }

    /** {@code c · a} for a constant {@code c}. */
    static Var scale(Tape t, Var a, double c) {
        return t.node(map(t, a.value, SCALE, c), "scale", (g, o, go) -> new Var[] {g.scale(go, c)}, a);
    }

    /** {@code a + c} for a constant {@code c}. */
    static Var addScalar(Tape t, Var a, double c) {
        return t.node(map(t, a.value, ADD_C, c), "addScalar", (g, o, go) -> new Var[] {go}, a);
    }

    /** {@code exp a}; derivative {@code exp a}. */
    static Var exp(Tape t, Var a) {
        return t.node(map(t, a.value, EXP, 0), "exp", (g, o, go) -> new Var[] {g.mul(go, o)}, a);
    }

    /** {@code log a} (domain a &gt; 0); derivative {@code 1/a}. */
    static Var log(Tape t, Var a) {
        return t.node(map(t, a.value, LOG, 0), "log", (g, o, go) -> new Var[] {g.div(go, a)}, a);
    }

    /** {@code log(1 + a)} (domain a &gt; −1); derivative {@code 1/(1+a)}. */
    static Var log1p(Tape t, Var a) {
        return t.node(map(t, a.value, LOG1P, 0), "log1p", (g, o, go) -> new Var[] {g.div(go, g.addScalar(a, 1.0))}, a);
    }

    /** {@code √a} (domain a ≥ 0); derivative {@code 1/(2√a)}. */
    static Var sqrt(Tape t, Var a) {
        return t.node(map(t, a.value, SQRT, 0), "sqrt", (g, o, go) -> new Var[] {g.div(g.scale(go, 0.5), o)}, a);
    }

    /** {@code a²}; derivative {@code 2a}. */
    static Var square(Tape t, Var a) {
        return t.node(map(t, a.value, SQUARE, 0), "square", (g, o, go) -> new Var[] {g.recording ? g.mul(go, g.scale(a, 2.0))
                        : fusedBackward(g, SQUARE, go, a, o)}, a);
    }

    /** {@code a^p} for a constant exponent (non-integer p needs a &gt; 0); derivative {@code p a^(p−1)}. */
    static Var pow(Tape t, Var a, double p) {
        return t.node(map(t, a.value, POW, p), "pow",
                (g, o, go) -> new Var[] {p == 1.0 ? go : g.mul(go, g.scale(g.pow(a, p - 1.0), p))}, a);
    }

    /** {@code tanh a}; derivative {@code 1 − tanh²a}. */
    static Var tanh(Tape t, Var a) {
        return t.node(map(t, a.value, TANH, 0), "tanh",
                (g, o, go) -> new Var[] {g.recording ? g.mul(go, g.addScalar(g.neg(g.square(o)), 1.0))
                        : fusedBackward(g, TANH, go, a, o)}, a);
    }

    /** {@code σ(a) = 1/(1 + e^{−a})} ({@link Sigmoid}); derivative {@code σ(1 − σ)}. */
    static Var sigmoid(Tape t, Var a) {
        return t.node(map(t, a.value, SIGMOID, 0), "sigmoid",
                (g, o, go) -> new Var[] {g.recording ? g.mul(go, g.mul(o, g.addScalar(g.neg(o), 1.0)))
                        : fusedBackward(g, SIGMOID, go, a, o)}, a);
    }

    /** {@code softplus a = log(1 + e^a)}, computed stably; derivative {@code σ(a)}. */
    static Var softplus(Tape t, Var a) {
        return t.node(map(t, a.value, SOFTPLUS, 0), "softplus",
                (g, o, go) -> new Var[] {g.mul(go, g.sigmoid(a))}, a);
    }

    /** {@code max(a, 0)}; derivative {@code 1{a > 0}} (second derivative 0). */
    static Var relu(Tape t, Var a) {
        return t.node(map(t, a.value, RELU, 0), "relu",
                (g, o, go) -> new Var[] {g.mul(go, g.constant(map(g, a.value, STEP, 0)))}, a);
    }

    /** SiLU (swish): {@code a σ(a)}, composed of tape ops. */
    static Var silu(Tape t, Var a) {
        return t.mul(a, t.sigmoid(a));
    }

    /** {@code sin a}; derivative {@code cos a}. */
    static Var sin(Tape t, Var a) {
        return t.node(map(t, a.value, SIN, 0), "sin", (g, o, go) -> new Var[] {g.mul(go, g.cos(a))}, a);
    }

    /** {@code cos a}; derivative {@code −sin a}. */
    static Var cos(Tape t, Var a) {
        return t.node(map(t, a.value, COS, 0), "cos", (g, o, go) -> new Var[] {g.neg(g.mul(go, g.sin(a)))}, a);
    }

    /** {@code log Φ(a)}, the log standard normal distribution function ({@link NormalCdf}); derivative {@code φ(a)/Φ(a)}. */
    static Var logNormalCdf(Tape t, Var a) {
        return t.node(map(t, a.value, LOG_NCDF, 0), "logNormalCdf",
                (g, o, go) -> new Var[] {g.mul(go, g.dLogNormalCdf(a))}, a);
    }

    /** {@code s(a) = φ(a)/Φ(a) = d/da log Φ(a)}; derivative {@code −s(a)(a + s(a))}. */
    static Var dLogNormalCdf(Tape t, Var a) {
        return t.node(map(t, a.value, D_LOG_NCDF, 0), "dLogNormalCdf",
                (g, o, go) -> new Var[] {g.neg(g.mul(go, g.mul(o, g.add(a, o))))}, a);
    }
}
