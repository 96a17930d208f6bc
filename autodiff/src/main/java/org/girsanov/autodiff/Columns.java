package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Column structure: a slice of columns, its adjoint (placing columns into a zero matrix) and the
 * concatenation of column blocks. Each backward is the other op of the pair.
 */
final class Columns {
    private Columns() {
    }

    /** Columns {@code [from, to)} of {@code a}. */
    static Var slice(Tape t, Var a, int from, int to) {
        if (from < 0 || to > a.cols() || from >= to) {
            throw new IllegalArgumentException("slice: columns [" + from + ", " + to + ") of shape " + a.shape()
                    + "; need 0 <= from < to <= " + a.cols());
        }
        int rows = a.rows();
        int w = to - from;
        DMatrixRMaj out = new DMatrixRMaj(rows, w);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a.value.data, i * a.cols() + from, out.data, i * w, w);
        }
        final int total = a.cols();
        return t.node(out, "slice", (g, o, go) -> new Var[] {g.padColumns(go, from, total)}, a);
    }

    /** {@code a} placed at columns {@code [offset, offset + a.cols)} of a zero matrix with {@code total} columns. */
    static Var padColumns(Tape t, Var a, int offset, int total) {
        if (offset < 0 || offset + a.cols() > total) {
            throw new IllegalArgumentException("padColumns: " + a.shape() + " at offset " + offset
                    + " does not fit in " + total + " columns");
        }
        int rows = a.rows();
        int w = a.cols();
        DMatrixRMaj out = new DMatrixRMaj(rows, total);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a.value.data, i * w, out.data, i * total + offset, w);
        }
        return t.node(out, "padColumns", (g, o, go) -> new Var[] {g.slice(go, offset, offset + w)}, a);
    }

    /** Columns of the parts side by side; all parts must have the same number of rows. */
    static Var concat(Tape t, Var... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one part");
        }
        int rows = parts[0].rows();
        int total = 0;
        for (Var p : parts) {
            if (p.rows() != rows) {
                throw Tape.shapeError("concat", parts[0], p, "concatenable (equal row counts)");
            }
            total += p.cols();
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, total);
        int off = 0;
        int[] offsets = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            offsets[k] = off;
            int w = parts[k].cols();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(parts[k].value.data, i * w, out.data, i * total + off, w);
            }
            off += w;
        }
        return t.node(out, "concat", (g, o, go) -> {
            Var[] r = new Var[parts.length];
            for (int k = 0; k < parts.length; k++) {
                r[k] = parts[k].requiresGrad ? g.slice(go, offsets[k], offsets[k] + parts[k].cols()) : null;
            }
            return r;
        }, parts);
    }
}
