package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The hidden layers of a GELU network evaluated in single precision, as one tape op:
 * <pre>
 *   y = GELU(z_m),   z_{l+1} = GELU(z_l) W_l + 1 b_lᵀ  (l = 0 … m−1),   z_0 = a,
 * </pre>
 * every {@code W_l} square ({@code w × w}), {@code a} and {@code y} {@code n × w} in double, everything between in
 * float32: the products on {@link FloatKernels} (16 lanes with AVX-512 where the double kernels have 8) and GELU's
 * {@code tanh} through {@link FloatExp}. This is where every peer (PyTorch, JAX) spends its precision — the network —
 * while the log-weights, the losses' sums, the parameter gradients' accumulation over chunks and steps, and Adam stay
 * in double. The backward is the chain rule in float,
 * <pre>
 *   δ_m = ḡ ⊙ GELU'(z_m),   ∂W_l = GELU(z_l)ᵀ δ_{l+1},   ∂b_l = 1ᵀ δ_{l+1},   δ_l = (δ_{l+1} W_lᵀ) ⊙ GELU'(z_l),
 * </pre>
 * with {@code ∂a = δ_0} and the parameter gradients added into their double buffers. Its error against the double
 * network is float's, ≈ 10⁻⁶ relative ({@code GeluStack32Test}); it has no recorded backward, so a loss that
 * differentiates the network twice (a divergence) must use the double network.
 */
final class GeluStack32 {
    private GeluStack32() {
    }

    static Var apply(Tape t, Var a, Var[] w, Var[] b) {
        final int n = a.rows();
        final int width = a.cols();
        final int m = w.length;
        if (b.length != m) {
            throw new IllegalArgumentException("geluStack32: " + m + " weights but " + b.length + " biases");
        }
        for (int l = 0; l < m; l++) {
            if (w[l].rows() != width || w[l].cols() != width) {
                throw Tape.shapeError("geluStack32", a, w[l], "compatible (every weight must be " + width + "x" + width + ")");
            }
            if (b[l].rows() != 1 || b[l].cols() != width) {
                throw Tape.shapeError("geluStack32", w[l], b[l], "compatible (every bias must be 1x" + width + ")");
            }
        }
        final int len = n * width;
        final boolean keep = t.recording;
        final boolean vector = Kernels.VECTOR;
        // z_l, tanh(u(z_l)) and GELU(z_l) of every layer when the tape records (the backward needs them); else two
        // rotating buffers
        final float[][] z = new float[m + 1][];
        final float[][] th = new float[m + 1][];
        final float[][] y = new float[m + 1][];
        z[0] = t.lendFloats(len);
        final double[] ad = a.value.data;
        for (int i = 0; i < len; i++) {
            z[0][i] = (float) ad[i];
        }
        for (int l = 0; l <= m; l++) {
            th[l] = keep || l < 2 ? t.lendFloats(len) : th[l - 2];
            y[l] = keep || l < 2 ? t.lendFloats(len) : y[l - 2];
            FloatKernels.gelu(z[l], y[l], th[l], len, vector);
            if (l < m) {
                z[l + 1] = keep || l < 1 ? t.lendFloats(len) : z[l - 1];
                FloatKernels.product(y[l], width, 1, t.parameterFloats(w[l], false), t.parameterFloats(b[l], false), z[l + 1],
                        n, width, width, false, vector);
            }
        }
        DMatrixRMaj out = t.newValue(n, width);
        final float[] ym = y[m];
        for (int i = 0; i < len; i++) {
            out.data[i] = ym[i];
        }
        Var[] parents = new Var[1 + 2 * m];
        parents[0] = a;
        System.arraycopy(w, 0, parents, 1, m);
        System.arraycopy(b, 0, parents, 1 + m, m);
        return t.node(out, "geluStack32", (g, o, go) -> {
            if (g.recording) {
                throw new IllegalStateException("geluStack32 (a network in float32) has no recorded backward: a loss that "
                        + "differentiates the network twice needs the network in float64");
            }
            Var[] grads = new Var[parents.length];
            float[] delta = g.lendFloats(len);
            float[] e = g.lendFloats(len);
            final double[] god = go.value.data;
            for (int i = 0; i < len; i++) {
                e[i] = (float) god[i];
            }
            FloatKernels.geluBackward(e, z[m], th[m], delta, len, vector);
            for (int l = m - 1; l >= 0; l--) {
                if (w[l].requiresGrad) {
                    float[] gw = g.lendFloats(width * width);
                    FloatKernels.product(y[l], 1, width, delta, null, gw, width, n, width, false, vector);
                    grads[1 + l] = addInto(t, g, w[l], gw, width, width);
                }
                if (b[l].requiresGrad) {
                    float[] gb = g.lendFloats(width);
                    java.util.Arrays.fill(gb, 0.0f);
                    for (int i = 0; i < n; i++) { // column sums, rows in order (a loop over j the JIT vectorises)
                        for (int j = 0, r = i * width; j < width; j++) {
                            gb[j] += delta[r + j];
                        }
                    }
                    grads[1 + m + l] = addInto(t, g, b[l], gb, 1, width);
                }
                if (l == 0 && !a.requiresGrad) {
                    break;
                }
                FloatKernels.product(delta, width, 1, t.parameterFloats(w[l], true), null, e, n, width, width, false, vector);
                FloatKernels.geluBackward(e, z[l], th[l], delta, len, vector);
            }
            if (a.requiresGrad) {
                DMatrixRMaj r = g.newValue(n, width);
                for (int i = 0; i < len; i++) {
                    r.data[i] = delta[i];
                }
                grads[0] = g.constant(r);
            }
            return grads;
        }, parents);
    }

    /** A parameter gradient {@code gf} into the parameter's buffer when the sweep lends it, else as a double constant. */
    private static Var addInto(Tape t, Tape g, Var p, float[] gf, int rows, int cols) {
        DMatrixRMaj buf = t.directBuffer(p);
        if (buf != null) {
            for (int i = 0; i < gf.length; i++) {
                buf.data[i] += gf[i];
            }
            return null;
        }
        DMatrixRMaj r = g.newValue(rows, cols);
        for (int i = 0; i < gf.length; i++) {
            r.data[i] = gf[i];
        }
        return g.constant(r);
    }
}
