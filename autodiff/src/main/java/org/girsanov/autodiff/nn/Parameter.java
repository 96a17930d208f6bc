package org.girsanov.autodiff.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor that outlives tapes (DESIGN invariant 2).
 *
 * <p>A parameter owns its {@link #value()} and a gradient buffer {@link #grad()} of the same shape.
 * Every time a tape that used this parameter runs {@code backward}, the adjoint of the parameter's leaf
 * is <em>added</em> to the buffer (or to a {@link org.girsanov.autodiff.Gradients} sink given instead),
 * so several tapes, time steps or batch chunks can contribute to one gradient. Call {@link #zeroGrad()}
 * before the next accumulation.
 */
public final class Parameter {
    private final String name;
    private final DMatrixRMaj value;
    private final DMatrixRMaj grad;

    /** A parameter named {@code name} with the given initial value (copied). */
    public Parameter(String name, DMatrixRMaj initial) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Parameter: name must be a non-empty string");
        }
        if (initial.getNumElements() == 0) {
            throw new IllegalArgumentException("Parameter '" + name + "': shape "
                    + initial.numRows + "x" + initial.numCols + " is empty; rows and cols must be >= 1");
        }
        for (int i = 0; i < initial.getNumElements(); i++) {
            if (!Double.isFinite(initial.data[i])) {
                throw new IllegalArgumentException("Parameter '" + name + "': initial value at index "
                        + i + " is " + initial.data[i] + "; values must be finite");
            }
        }
        this.name = name;
        this.value = new DMatrixRMaj(initial.numRows, initial.numCols);
        System.arraycopy(initial.data, 0, value.data, 0, initial.getNumElements());
        this.grad = new DMatrixRMaj(initial.numRows, initial.numCols);
    }

    /** A zero-initialised parameter of the given shape. */
    public Parameter(String name, int rows, int cols) {
        this(name, new DMatrixRMaj(rows, cols));
    }

    public String name() {
        return name;
    }

    /** The live value; optimisers update it in place. */
    public DMatrixRMaj value() {
        return value;
    }

    /** The accumulated gradient, same shape as the value. */
    public DMatrixRMaj grad() {
        return grad;
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    public int size() {
        return value.numRows * value.numCols;
    }

    /** Sets the accumulated gradient to zero. */
    public void zeroGrad() {
        java.util.Arrays.fill(grad.data, 0, size(), 0.0);
    }

    /** Sets the accumulated gradients of all {@code ps} to zero. */
    public static void zeroGrads(Iterable<Parameter> ps) {
        for (Parameter p : ps) {
            p.zeroGrad();
        }
    }

    /** The accumulated gradients of {@code ps}, concatenated in list order (row-major within each). */
    public static double[] flatGradient(java.util.List<Parameter> ps) {
        int n = 0;
        for (Parameter p : ps) {
            n += p.size();
        }
        double[] g = new double[n];
        int k = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.grad.data, 0, g, k, p.size());
            k += p.size();
        }
        return g;
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + rows() + "x" + cols() + ")";
    }
}
