package org.girsanov.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A value on a {@link Tape}: an EJML matrix whose rows are samples (the batch) and whose columns are
 * features (DESIGN invariant 1), together with how it was computed.
 *
 * <p>A {@code Var} is immutable from the outside: {@link #value()} returns the live matrix for reading
 * only. The fluent methods ({@code x.mul(y)}, {@code x.tanh()}, …) are shorthands for the ops of the
 * tape that owns the value.
 */
public final class Var {
    final Tape tape;
    final DMatrixRMaj value;
    final Var[] parents;
    final BackwardRule rule;
    final String op;
    final boolean requiresGrad;
    final Parameter parameter;
    int index = -1;

    Var(Tape tape, DMatrixRMaj value, String op, Var[] parents, BackwardRule rule,
        boolean requiresGrad, Parameter parameter) {
        this.tape = tape;
        this.value = value;
        this.op = op;
        this.parents = parents;
        this.rule = rule;
        this.requiresGrad = requiresGrad;
        this.parameter = parameter;
    }

    /** The value (rows = batch, columns = features). Read only: do not modify. */
    public DMatrixRMaj value() {
        return value;
    }

    /** The tape this value was made on. */
    public Tape tape() {
        return tape;
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    /** Entry (row, column). */
    public double get(int row, int col) {
        return value.get(row, col);
    }

    /** The single entry of a 1×1 value. */
    public double scalar() {
        if (value.numRows != 1 || value.numCols != 1) {
            throw new IllegalArgumentException("scalar: value has shape " + shape() + "; expected 1x1");
        }
        return value.data[0];
    }

    /** Whether a gradient can flow to this value (false for constants and detached values). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The name of the op that produced this value ("input", "constant", "param", "matmul", …). */
    public String op() {
        return op;
    }

    /** The parameter this leaf stands for, or {@code null}. */
    public Parameter parameter() {
        return parameter;
    }

    /** "RxC". */
    public String shape() {
        return value.numRows + "x" + value.numCols;
    }

    // ---- fluent shorthands for the ops of the owning tape ----
    public Var add(Var b) { return tape.add(this, b); }
    public Var sub(Var b) { return tape.sub(this, b); }
    public Var mul(Var b) { return tape.mul(this, b); }
    public Var div(Var b) { return tape.div(this, b); }
    public Var matmul(Var b) { return tape.matmul(this, b); }
    public Var scale(double c) { return tape.scale(this, c); }
    public Var addScalar(double c) { return tape.addScalar(this, c); }
    public Var neg() { return tape.neg(this); }
    public Var exp() { return tape.exp(this); }
    public Var log() { return tape.log(this); }
    public Var square() { return tape.square(this); }
    public Var sqrt() { return tape.sqrt(this); }
    public Var pow(double p) { return tape.pow(this, p); }
    public Var tanh() { return tape.tanh(this); }
    public Var sigmoid() { return tape.sigmoid(this); }
    public Var softplus() { return tape.softplus(this); }
    public Var relu() { return tape.relu(this); }
    public Var sin() { return tape.sin(this); }
    public Var cos() { return tape.cos(this); }
    public Var sum() { return tape.sum(this); }
    public Var sumRows() { return tape.sumRows(this); }
    public Var sumCols() { return tape.sumCols(this); }
    public Var mean() { return tape.mean(this); }
    public Var detach() { return tape.detach(this); }

    @Override
    public String toString() {
        return "Var(" + op + ", " + shape() + (requiresGrad ? ", grad" : "") + ")";
    }
}
