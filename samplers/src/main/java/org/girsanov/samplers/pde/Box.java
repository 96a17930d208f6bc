package org.girsanov.samplers.pde;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * The cube {@code K = [lo, hi]^d} on which {@code u(·, 0)} is learned, with the uniform law of {@code ξ} on it
 * (Beck et al., J. Sci. Comput. 2021: the regression points are {@code ξ ~ U(K)}).
 */
public record Box(int dimension, double lo, double hi) {

    /** @throws IllegalArgumentException unless {@code d ≥ 1} and {@code lo < hi} are finite */
    public Box {
        if (dimension < 1) {
            throw new IllegalArgumentException("Box: dimension = " + dimension + "; must be >= 1");
        }
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("Box: [" + lo + ", " + hi + "]; need finite lo < hi");
        }
    }

    /** {@code rows} independent points {@code ξ ~ U(K)} ({@code rows × d}). */
    public DMatrixRMaj sample(int rows, UniformRandomProvider rng) {
        DMatrixRMaj x = new DMatrixRMaj(rows, dimension);
        for (int k = 0; k < rows * dimension; k++) {
            x.data[k] = lo + (hi - lo) * rng.nextDouble();
        }
        return x;
    }

    /** The centre {@code (lo + hi) / 2} of every coordinate. */
    public double centre() {
        return 0.5 * (lo + hi);
    }

    /** The half-width {@code (hi − lo) / 2}. */
    public double halfWidth() {
        return 0.5 * (hi - lo);
    }
}
