package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Elementwise binary ops with broadcasting, and broadcasting's adjoint pair.
 *
 * <p>An operand broadcasts when it is a {@code 1×C} row, an {@code R×1} column or a {@code 1×1} scalar:
 * {@code (a ∘ b)_ij = a_{i'j'} ∘ b_{i''j''}} with a broadcast index fixed at 0. The adjoint of broadcasting
 * an operand is summing the output's adjoint back to the operand's shape ({@link #reduceTo}), so each
 * backward below is the pointwise derivative followed by that sum.
 */
final class Broadcasting {
    private Broadcasting() {
    }

    // Elementwise kernels are selected by an int code and run as plain loops (no DoubleUnaryOperator /
    // lambda per element: a shared loop over a megamorphic functional interface does not inline).
    private static final int B_ADD = 0;
    private static final int B_SUB = 1;
    private static final int B_MUL = 2;
    private static final int B_DIV = 3;
    private static final int B_FIRST = 4;

    private static double binary(int code, double a, double b) {
        switch (code) {
            case B_ADD: return a + b;
            case B_SUB: return a - b;
            case B_MUL: return a * b;
            case B_DIV: return a / b;
            default: return a;
        }
    }

    private static int broadcastDim(String op, Var a, Var b, int da, int db) {
        if (da == db || db == 1) {
            return da;
        }
        if (da == 1) {
            return db;
        }
        throw Tape.shapeError(op, a, b, "broadcast-compatible (equal, 1xC row, Rx1 column or 1x1 scalar)");
    }

    private static DMatrixRMaj broadcast(Tape t, String op, Var va, Var vb, int f) {
        DMatrixRMaj a = va.value;
        DMatrixRMaj b = vb.value;
        int rows = broadcastDim(op, va, vb, a.numRows, b.numRows);
        int cols = broadcastDim(op, va, vb, a.numCols, b.numCols);
        DMatrixRMaj out = t.newValue(rows, cols);
        double[] o = out.data;
        double[] x = a.data;
        double[] y = b.data;
        if (a.numRows == b.numRows && a.numCols == b.numCols) {
            int n = rows * cols;
            switch (f) {
                case B_ADD: for (int i = 0; i < n; i++) { o[i] = x[i] + y[i]; } break;
                case B_SUB: for (int i = 0; i < n; i++) { o[i] = x[i] - y[i]; } break;
                case B_MUL: for (int i = 0; i < n; i++) { o[i] = x[i] * y[i]; } break;
                case B_DIV: for (int i = 0; i < n; i++) { o[i] = x[i] / y[i]; } break;
                default: System.arraycopy(x, 0, o, 0, n);
            }
            return out;
        }
        if (b.numRows == 1 && a.numRows == rows && a.numCols == cols && b.numCols == cols) {
            // R×C with a 1×C row (bias-like): one plain loop per row per op, no per-element dispatch
            for (int i = 0; i < rows; i++) {
                final int o0 = i * cols;
                switch (f) {
                    case B_ADD: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] + y[j]; } break;
                    case B_SUB: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] - y[j]; } break;
                    case B_MUL: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] * y[j]; } break;
                    case B_DIV: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] / y[j]; } break;
                    default: System.arraycopy(x, o0, o, o0, cols);
                }
            }
            return out;
        }
        if (a.numRows == 1 && b.numRows == rows && b.numCols == cols && a.numCols == cols) {
            for (int i = 0; i < rows; i++) {
                final int o0 = i * cols;
                switch (f) {
                    case B_ADD: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] + y[o0 + j]; } break;
                    case B_SUB: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] - y[o0 + j]; } break;
                    case B_MUL: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] * y[o0 + j]; } break;
                    case B_DIV: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] / y[o0 + j]; } break;
                    default: System.arraycopy(x, 0, o, o0, cols);
                }
            }
            return out;
        }
        int ars = a.numRows == 1 ? 0 : a.numCols;
        int acs = a.numCols == 1 ? 0 : 1;
        int brs = b.numRows == 1 ? 0 : b.numCols;
        int bcs = b.numCols == 1 ? 0 : 1;
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int ai = i * ars;
            int bi = i * brs;
            for (int j = 0; j < cols; j++) {
                o[k++] = binary(f, x[ai + j * acs], y[bi + j * bcs]);
            }
        }
        return out;
    }

    /** Sums {@code g} down to {@code rows × cols} (the adjoint of broadcasting). */
    static Var reduceTo(Tape t, Var g, int rows, int cols) {
        Var r = g;
        if (rows == 1 && r.rows() != 1) {
            r = t.sumRows(r);
        }
        if (cols == 1 && r.cols() != 1) {
            r = t.sumCols(r);
        }
        if (r.rows() != rows || r.cols() != cols) {
            throw new IllegalArgumentException("reduceTo: cannot reduce " + g.shape() + " to " + rows + "x" + cols);
        }
        return r;
    }

    /** {@code a} repeated to {@code rows × cols} (a row, a column or a scalar). */
    static Var broadcastTo(Tape t, Var a, int rows, int cols) {
        if (a.rows() == rows && a.cols() == cols) {
            return a;
        }
        if ((a.rows() != 1 && a.rows() != rows) || (a.cols() != 1 && a.cols() != cols)) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast " + a.shape() + " to " + rows + "x" + cols);
        }
        DMatrixRMaj out = broadcast(t, "broadcastTo", a, new Var(t, new DMatrixRMaj(rows, cols), "", null, null, false, null),
                B_FIRST);
        return t.node(out, "broadcastTo", (g, o, go) -> new Var[] {g.reduceTo(go, a.rows(), a.cols())}, a);
    }

    /** Elementwise {@code a + b} with broadcasting; {@code ∂/∂a = ∂/∂b = G} (summed to the operand's shape). */
    static Var add(Tape t, Var a, Var b) {
        DMatrixRMaj out = broadcast(t, "add", a, b, B_ADD);
        return t.node(out, "add", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(go, a.rows(), a.cols()) : null,
            b.requiresGrad ? g.reduceTo(go, b.rows(), b.cols()) : null}, a, b);
    }

    /** Elementwise {@code a − b} with broadcasting; {@code ∂/∂a = G}, {@code ∂/∂b = −G}. */
    static Var sub(Tape t, Var a, Var b) {
        DMatrixRMaj out = broadcast(t, "sub", a, b, B_SUB);
        return t.node(out, "sub", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(go, a.rows(), a.cols()) : null,
            b.requiresGrad ? g.neg(g.reduceTo(go, b.rows(), b.cols())) : null}, a, b);
    }

    /** Elementwise {@code a ⊙ b} with broadcasting; {@code ∂/∂a = G ⊙ b}, {@code ∂/∂b = G ⊙ a}. */
    static Var mul(Tape t, Var a, Var b) {
        DMatrixRMaj out = broadcast(t, "mul", a, b, B_MUL);
        return t.node(out, "mul", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(g.mul(go, b), a.rows(), a.cols()) : null,
            b.requiresGrad ? g.reduceTo(g.mul(go, a), b.rows(), b.cols()) : null}, a, b);
    }

    /** Elementwise {@code o = a / b} with broadcasting; {@code ∂/∂a = G / b}, {@code ∂/∂b = −G a/b² = −G o/b}. */
    static Var div(Tape t, Var a, Var b) {
        DMatrixRMaj out = broadcast(t, "div", a, b, B_DIV);
        return t.node(out, "div", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(g.div(go, b), a.rows(), a.cols()) : null,
            b.requiresGrad ? g.reduceTo(g.neg(g.div(g.mul(go, o), b)), b.rows(), b.cols()) : null}, a, b);
    }
}
