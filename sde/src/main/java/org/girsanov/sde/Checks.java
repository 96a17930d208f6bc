package org.girsanov.sde;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Var;

/** Argument validation shared by the module: every failure names the argument and the allowed values. */
public final class Checks {
    private Checks() {
    }

    /** {@code value} must be finite and {@code > 0}. */
    public static double positive(String where, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ": " + name + " = " + value + "; must be finite and > 0");
        }
        return value;
    }

    /** {@code value} must be finite and {@code >= 0}. */
    public static double nonNegative(String where, String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ": " + name + " = " + value + "; must be finite and >= 0");
        }
        return value;
    }

    /** {@code value} must be finite. */
    public static double finite(String where, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ": " + name + " = " + value + "; must be finite");
        }
        return value;
    }

    /** {@code value >= min}. */
    public static int atLeast(String where, String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(where + ": " + name + " = " + value + "; must be >= " + min);
        }
        return value;
    }

    /** A batch must have {@code d} columns, the dimension. */
    public static void columns(String where, int cols, int d) {
        if (cols != d) {
            throw new IllegalArgumentException(where + ": input has " + cols + " columns; must be " + d + " (the dimension)");
        }
    }

    /** Every entry of {@code m} must be finite. */
    public static DMatrixRMaj finiteEntries(String where, String name, DMatrixRMaj m) {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(m.data[i])) {
                throw new IllegalArgumentException(where + ": " + name + " has a non-finite entry " + m.data[i]
                        + " at row " + (i / m.numCols) + ", column " + (i % m.numCols) + "; states must be finite");
            }
        }
        return m;
    }

    /** {@code m} must be {@code rows × cols}. */
    public static void shape(String where, String name, DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(where + ": " + name + " is " + m.numRows + "x" + m.numCols
                    + "; must be " + rows + "x" + cols);
        }
    }

    /** {@code a} and {@code b} must have the same shape. */
    public static void sameShape(String where, String nameA, Var a, String nameB, Var b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(where + ": " + nameA + " is " + a.shape() + " but " + nameB + " is "
                    + b.shape() + "; they must have the same shape (batch x dimension)");
        }
    }

    /** {@code 0 <= n < steps}. */
    public static void step(String where, int n, TimeGrid grid) {
        if (n < 0 || n >= grid.steps()) {
            throw new IllegalArgumentException(where + ": step n = " + n + "; must be in [0, " + (grid.steps() - 1)
                    + "] for " + grid);
        }
    }
}
