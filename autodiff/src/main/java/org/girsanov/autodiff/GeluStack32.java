package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Dense GELU layers evaluated in single precision, as one tape op:
 * <pre>
 *   y = h_m,   h_{l+1} = GELU(z_l),   z_l = h_l W_l + 1 b_lᵀ  (l = 0 … m−1),   h_0 = x,
 * </pre>
 * {@code W_0} {@code d × w}, every later {@code W_l} {@code w × w}; {@code x} ({@code n × d}) and {@code y}
 * ({@code n × w}) in double, everything between in float32: the products on {@link FloatKernels} (16 lanes with AVX-512
 * where the double kernels have 8) and GELU's {@code tanh} through {@link FloatExp}. This is where every peer (PyTorch,
 * JAX) spends its precision — the network — while the log-weights, the losses' sums, the parameter gradients'
 * accumulation over chunks and steps, and Adam stay in double. The backward is the chain rule in float,
 * <pre>
 *   δ_{m−1} = ḡ ⊙ GELU'(z_{m−1}),   ∂W_l = h_lᵀ δ_l,   ∂b_l = 1ᵀ δ_l,   δ_{l−1} = (δ_l W_lᵀ) ⊙ GELU'(z_{l−1}),
 *   ∂x = δ_0 W_0ᵀ  (in double: it has the state's few columns),
 * </pre>
 * with the parameter gradients added into their double buffers. Its error against the double network is float's,
 * ≈ 10⁻⁶ relative ({@code GeluStack32Test}); it has no recorded backward, so a loss that differentiates the network
 * twice (a divergence) must use the double network.
 */
final class GeluStack32 {
    private GeluStack32() {
    }

    static Var apply(Tape t, Var x, Var[] w, Var[] b) {
        final int m = w.length;
        if (m < 1 || b.length != m) {
            throw new IllegalArgumentException("geluStack32: " + m + " weights and " + b.length + " biases; need as many"
                    + " biases as weights, at least one");
        }
        final int n = x.rows();
        final int din = x.cols();
        final int width = w[0].cols();
        for (int l = 0; l < m; l++) {
            int in = l == 0 ? din : width;
            if (w[l].rows() != in || w[l].cols() != width) {
                throw Tape.shapeError("geluStack32", l == 0 ? x : w[l - 1], w[l], "compatible (weight " + l + " must be "
                        + in + "x" + width + ")");
            }
            if (b[l].rows() != 1 || b[l].cols() != width) {
                throw Tape.shapeError("geluStack32", w[l], b[l], "compatible (every bias must be 1x" + width + ")");
            }
        }
        final int len = n * width;
        final boolean vector = Kernels.VECTOR;
        // z_l and tanh u(z_l) of every layer: the backward needs them (lent by the workspace, so a loop of steps reuses
        // them; a kept pass keeps them). h_{l+1} = GELU(z_l) passes through the tape's scratch and is recomputed from them
        // in the backward, bit for bit: a third less to keep.
        final float[] h0 = t.lendFloats(n * din);
        final float[][] z = new float[m][];
        final float[][] th = new float[m][];
        FloatKernels.toFloats(x.value.data, h0, n * din);
        float[] h = h0;
        for (int l = 0; l < m; l++) {
            z[l] = t.lendFloats(len);
            FloatKernels.product(h, l == 0 ? din : width, 1, t.parameterFloats(w[l], false), t.parameterFloats(b[l], false),
                    z[l], n, l == 0 ? din : width, width, false, vector);
            th[l] = t.lendFloats(len);
            h = t.scratch().activations(l, len);
            FloatKernels.gelu(z[l], h, th[l], len, vector);
        }
        DMatrixRMaj out = t.newValue(n, width);
        FloatKernels.toDoubles(h, out.data, len);
        Var[] parents = new Var[1 + 2 * m];
        parents[0] = x;
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
            FloatKernels.toFloats(go.value.data, e, len);
            FloatKernels.geluBackward(e, z[m - 1], th[m - 1], delta, len, vector);
            for (int l = m - 1; l >= 0; l--) {
                final int in = l == 0 ? din : width;
                if (w[l].requiresGrad) {
                    float[] hl = h0;
                    if (l > 0) {
                        hl = g.lendFloats(len);
                        FloatKernels.geluFromTanh(z[l - 1], th[l - 1], hl, len);
                    }
                    float[] gw = g.lendFloats(in * width);
                    FloatKernels.product(hl, 1, in, delta, null, gw, in, n, width, false, vector);
                    grads[1 + l] = addInto(t, g, w[l], gw);
                }
                if (b[l].requiresGrad) {
                    float[] gb = g.lendFloats(width);
                    java.util.Arrays.fill(gb, 0.0f);
                    for (int i = 0; i < n; i++) { // column sums, rows in order (a loop over j the JIT vectorises)
                        for (int j = 0, r = i * width; j < width; j++) {
                            gb[j] += delta[r + j];
                        }
                    }
                    grads[1 + m + l] = addInto(t, g, b[l], gb);
                }
                if (l > 0) {
                    FloatKernels.product(delta, width, 1, t.parameterFloats(w[l], true), null, e, n, width, width, false, vector);
                    FloatKernels.geluBackward(e, z[l - 1], th[l - 1], delta, len, vector);
                } else if (x.requiresGrad) {
                    // ∂x = δ_0 W_0ᵀ has d columns, few for a control (the state's dimension): in double, on the double
                    // kernels' narrow products, not the float tiles' scalar column tail (PIS-KL's float32 step,
                    // SamplerStepBenchmark: 26.8 → 21.1 ms)
                    DMatrixRMaj r = g.newValue(n, din);
                    double[] dd = g.newValue(n, width).data;
                    FloatKernels.toDoubles(delta, dd, len);
                    Kernels.multNT(g.scratch(), dd, w[0].value.data, r.data, n, width, din);
                    grads[0] = g.constant(r);
                }
            }
            return grads;
        }, parents);
    }

    /** A gradient {@code gf} of {@code p} into its buffer when the sweep lends it (a parameter), else a double constant. */
    private static Var addInto(Tape t, Tape g, Var p, float[] gf) {
        DMatrixRMaj buf = t.directBuffer(p);
        if (buf != null) {
            FloatKernels.addInto(gf, buf.data, gf.length);
            return null;
        }
        DMatrixRMaj r = g.newValue(p.rows(), p.cols());
        FloatKernels.toDoubles(gf, r.data, gf.length);
        return g.constant(r);
    }
}
