package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Sums over all entries, over the batch (rows) or per sample (columns), their means, and the row-wise
 * log-sum-exp. The adjoint of a sum is broadcasting the output's adjoint back over the summed entries.
 */
final class Reductions {
    private Reductions() {
    }

    /** {@code Σ_ij a_ij} as a 1×1 value. */
    static Var sum(Tape t, Var a) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        out.data[0] = CommonOps_DDRM.elementSum(a.value);
        return t.node(out, "sum", (g, o, go) -> new Var[] {g.broadcastTo(go, a.rows(), a.cols())}, a);
    }

    /** Sum over rows (over the batch): {@code 1 × C}. */
    static Var sumRows(Tape t, Var a) {
        DMatrixRMaj out = new DMatrixRMaj(1, a.cols());
        CommonOps_DDRM.sumCols(a.value, out);
        return t.node(out, "sumRows", (g, o, go) -> new Var[] {g.broadcastTo(go, a.rows(), a.cols())}, a);
    }

    /** Sum over columns (per sample): {@code R × 1}. */
    static Var sumCols(Tape t, Var a) {
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), 1);
        CommonOps_DDRM.sumRows(a.value, out);
        return t.node(out, "sumCols", (g, o, go) -> new Var[] {g.broadcastTo(go, a.rows(), a.cols())}, a);
    }

    /** Mean of all entries, 1×1. */
    static Var mean(Tape t, Var a) {
        return t.scale(t.sum(a), 1.0 / ((double) a.rows() * a.cols()));
    }

    /** Mean over rows (over the batch): {@code 1 × C}. */
    static Var meanRows(Tape t, Var a) {
        return t.scale(t.sumRows(a), 1.0 / a.rows());
    }

    /**
     * {@code log Σ_j exp(a_ij)} per row ({@code R × 1}), computed with the row maximum subtracted;
     * derivative {@code softmax_j(a_i·) = exp(a_ij − lse_i)}.
     */
    static Var logSumExp(Tape t, Var a) {
        DMatrixRMaj v = a.value;
        int rows = v.numRows;
        int cols = v.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, v.data[i * cols + j]);
            }
            if (m == Double.NEGATIVE_INFINITY) {
                out.data[i] = m;
                continue;
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(v.data[i * cols + j] - m);
            }
            out.data[i] = m + Math.log(s);
        }
        return t.node(out, "logSumExp", (g, o, go) -> new Var[] {g.mul(go, g.exp(g.sub(a, o)))}, a);
    }
}
