package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix products ({@code A B}, {@code Aᵀ B}, {@code A Bᵀ}) and the fused dense-layer map {@code X W + 1 bᵀ}.
 * Values come from {@link Kernels}; each backward is a product of the same family, so a recorded backward
 * is differentiable again.
 */
final class MatrixProducts {
    private MatrixProducts() {
    }

    /** {@code A B}; {@code ∂/∂A = G Bᵀ}, {@code ∂/∂B = Aᵀ G}. */
    static Var matmul(Tape t, Var a, Var b) {
        if (a.cols() != b.rows()) {
            throw Tape.shapeError("matmul", a, b, "compatible for A·B (A.cols must equal B.rows)");
        }
        DMatrixRMaj out = t.newValue(a.rows(), b.cols());
        Kernels.multNN(t.scratch(), a.value.data, b.value.data, null, out.data, a.rows(), a.cols(), b.cols());
        return t.node(out, "matmul", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.matmulNT(go, b) : null,
            b.requiresGrad ? g.matmulTN(a, go) : null}, a, b);
    }

    /** {@code Aᵀ B}; {@code ∂/∂A = B Gᵀ}, {@code ∂/∂B = A G}. */
    static Var matmulTN(Tape t, Var a, Var b) {
        if (a.rows() != b.rows()) {
            throw Tape.shapeError("matmulTN", a, b, "compatible for Aᵀ·B (A.rows must equal B.rows)");
        }
        DMatrixRMaj out = t.newValue(a.cols(), b.cols());
        Kernels.multTN(t.scratch(), a.value.data, b.value.data, out.data, a.rows(), a.cols(), b.cols(), false);
        return t.node(out, "matmulTN", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.matmulNT(b, go) : null,
            b.requiresGrad ? g.matmul(a, go) : null}, a, b);
    }

    /** {@code A Bᵀ}; {@code ∂/∂A = G B}, {@code ∂/∂B = Gᵀ A}. */
    static Var matmulNT(Tape t, Var a, Var b) {
        if (a.cols() != b.cols()) {
            throw Tape.shapeError("matmulNT", a, b, "compatible for A·Bᵀ (A.cols must equal B.cols)");
        }
        DMatrixRMaj out = t.newValue(a.rows(), b.rows());
        double[] bt = t.parameterTranspose(b);
        if (bt != null) {
            Kernels.multNTGivenTranspose(t.scratch(), a.value.data, b.value.data, bt, out.data, a.rows(), a.cols(), b.rows());
        } else {
            Kernels.multNT(t.scratch(), a.value.data, b.value.data, out.data, a.rows(), a.cols(), b.rows());
        }
        return t.node(out, "matmulNT", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.matmul(go, b) : null,
            b.requiresGrad ? g.matmulTN(go, a) : null}, a, b);
    }

    /** {@code X + 1 bᵀ}: adds the 1×C row {@code bias} to every row of {@code x}. */
    static Var addBias(Tape t, Var x, Var bias) {
        if (bias.rows() != 1 || bias.cols() != x.cols()) {
            throw Tape.shapeError("addBias", x, bias, "compatible (bias must be 1x" + x.cols() + ")");
        }
        return t.add(x, bias);
    }

    /**
     * The fused affine map {@code X W + 1 bᵀ} of a dense layer ({@code X}: n×in, {@code W}: in×out,
     * {@code b}: 1×out). Same value as {@code addBias(matmul(x, w), bias)}, one node instead of two;
     * {@code ∂/∂X = G Wᵀ}, {@code ∂/∂W = Xᵀ G}, {@code ∂/∂b = 1ᵀ G} (the column sums of {@code G}).
     */
    static Var linear(Tape t, Var x, Var w, Var bias) {
        if (x.cols() != w.rows()) {
            throw Tape.shapeError("linear", x, w, "compatible for X·W (X.cols must equal W.rows)");
        }
        if (bias.rows() != 1 || bias.cols() != w.cols()) {
            throw Tape.shapeError("linear", w, bias, "compatible (bias must be 1x" + w.cols() + ")");
        }
        DMatrixRMaj out = t.newValue(x.rows(), w.cols());
        Kernels.multNN(t.scratch(), x.value.data, w.value.data, bias.value.data, out.data, x.rows(), x.cols(), w.cols());
        return t.node(out, "linear", (g, r, go) -> {
            Var gw = null;
            Var gb = null;
            DMatrixRMaj bw = w.requiresGrad && !g.recording ? t.directBuffer(w) : null;
            if (bw != null) {
                Kernels.multTN(g.scratch(), x.value.data, go.value.data, bw.data, x.rows(), x.cols(), go.cols(), true);
            } else if (w.requiresGrad) {
                gw = g.matmulTN(x, go);
            }
            DMatrixRMaj bb = bias.requiresGrad && !g.recording ? t.directBuffer(bias) : null;
            if (bb != null) {
                final double[] d = go.value.data;
                final double[] acc = bb.data;
                final int n = go.cols();
                for (int i = 0, rows = go.rows(); i < rows; i++) {
                    for (int j = 0; j < n; j++) {
                        acc[j] += d[i * n + j];
                    }
                }
            } else if (bias.requiresGrad) {
                gb = g.sumRows(go);
            }
            return new Var[] {x.requiresGrad ? g.matmulNT(go, w) : null, gw, gb};
        }, x, w, bias);
    }
}
