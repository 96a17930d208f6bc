package org.girsanov.samplers.pde;

import org.ejml.data.DMatrixRMaj;

/** A closed form {@code u(x, t)} of a Kolmogorov equation, the reference the solvers are measured against. */
@FunctionalInterface
public interface ExactSolution {

    /** {@code u(x_i, t)} for every row {@code x_i} of {@code x} ({@code rows × d}). */
    double[] values(DMatrixRMaj x, double t);
}
