package org.girsanov.samplers.targets;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A decorator that turns silent numerical failures of a target into errors that name the target and
 * show the offending point: the input must be {@code n × d}, the log-density {@code n × 1} and finite
 * (or {@code −∞}, a legitimate zero of ρ), the score finite. Everything else is delegated.
 *
 * <pre>{@code  Target t = CheckedTarget.of(new Funnel(10));  }</pre>
 */
public final class CheckedTarget extends ForwardingTarget {
    private CheckedTarget(Target inner) {
        super(inner);
    }

    /** {@code target} wrapped, or itself when already checked. */
    public static Target of(Target target) {
        return target instanceof CheckedTarget ? target : new CheckedTarget(target);
    }

    /** The wrapped target. */
    public Target unwrap() {
        return inner;
    }

    @Override
    public Var logDensity(Tape tape, Var x) {
        checkInput(x.value());
        Var out = inner.logDensity(tape, x);
        if (out.rows() != x.rows() || out.cols() != 1) {
            throw new IllegalStateException("target " + name() + ": log-density has shape " + out.shape()
                    + " for an input of " + x.shape() + "; expected " + x.rows() + "x1");
        }
        DMatrixRMaj v = out.value();
        for (int i = 0; i < v.numRows; i++) {
            double lp = v.data[i];
            if (Double.isNaN(lp) || lp == Double.POSITIVE_INFINITY) {
                throw new ArithmeticException("target " + name() + ": log-density is " + lp + " at row " + i
                        + ", x = " + row(x.value(), i));
            }
        }
        return out;
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        checkInput(x);
        return checked(x, inner.score(x));
    }

    @Override
    public DMatrixRMaj score(Tape scratch, DMatrixRMaj x) {
        checkInput(x);
        return checked(x, inner.score(scratch, x));
    }

    private DMatrixRMaj checked(DMatrixRMaj x, DMatrixRMaj g) {
        if (g.numRows != x.numRows || g.numCols != x.numCols) {
            throw new IllegalStateException("target " + name() + ": score has shape " + g.numRows + "x" + g.numCols
                    + " for an input of " + x.numRows + "x" + x.numCols);
        }
        for (int i = 0; i < g.numRows; i++) {
            for (int j = 0; j < g.numCols; j++) {
                if (!Double.isFinite(g.get(i, j))) {
                    throw new ArithmeticException("target " + name() + ": score component " + j + " is " + g.get(i, j)
                            + " at row " + i + ", x = " + row(x, i));
                }
            }
        }
        return g;
    }

    private void checkInput(DMatrixRMaj x) {
        if (x.numCols != inner.dimension()) {
            throw new IllegalArgumentException("target " + name() + ": input is " + x.numRows + "x" + x.numCols
                    + " but the target has dimension " + inner.dimension() + " (expected n x " + inner.dimension() + ")");
        }
    }

    /** Row {@code i} of {@code x} as text. */
    static String row(DMatrixRMaj x, int i) {
        double[] r = new double[x.numCols];
        System.arraycopy(x.data, i * x.numCols, r, 0, x.numCols);
        return Arrays.toString(r);
    }
}
