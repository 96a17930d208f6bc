package org.girsanov.samplers.metrics;

import org.ejml.data.DMatrixRMaj;

/** Argument validation shared by the metrics; every message names the argument and what is allowed. */
final class Checks {
    private Checks() {}

    static void notNull(Object o, String name) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Non-null, non-empty array. */
    static void nonEmpty(double[] a, String name) {
        notNull(a, name);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " must be non-empty (length >= 1), got length 0");
        }
    }

    /** Every entry finite. */
    static void allFinite(double[] a, String name) {
        nonEmpty(a, name);
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] = " + a[i] + "; allowed: finite values");
            }
        }
    }

    /** Every entry finite or negative infinity (a log-weight of a zero weight). */
    static void finiteOrNegInf(double[] a, String name) {
        nonEmpty(a, name);
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] = " + v + "; allowed: finite values or -Infinity (zero weight)");
            }
        }
    }

    /** Non-null matrix with at least {@code minRows} rows and at least one column, all entries finite. */
    static void samples(DMatrixRMaj m, String name, int minRows) {
        notNull(m, name);
        if (m.numRows < minRows || m.numCols < 1) {
            throw new IllegalArgumentException(name + " must have at least " + minRows
                    + " row(s) (samples) and at least 1 column (coordinates), got "
                    + m.numRows + "x" + m.numCols);
        }
        final int n = m.numRows * m.numCols;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(m.data[k])) {
                throw new IllegalArgumentException(name + "(" + k / m.numCols + ", " + k % m.numCols
                        + ") = " + m.data[k] + "; allowed: finite values");
            }
        }
    }

    static void sameCols(DMatrixRMaj a, String an, DMatrixRMaj b, String bn) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException(an + " and " + bn
                    + " must have the same number of columns (dimension), got "
                    + a.numCols + " and " + b.numCols);
        }
    }

    static void positiveFinite(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + "; allowed: finite and > 0");
        }
    }

    static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " = " + v + "; allowed: >= 1");
        }
    }
}
