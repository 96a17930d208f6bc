package org.girsanov.sde.path;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.BrownianPath;
import org.girsanov.sde.TimeGrid;

/** Standard-normal noise {@code Z_n} ({@code rows × d}) for step {@code n} of a simulation. */
@FunctionalInterface
public interface NoiseSource {

    /** {@code Z_n ~ N(0, I)}, {@code rows × cols}. */
    DMatrixRMaj standardNormal(int n, int rows, int cols);

    /** Fresh draws from {@code rng} (Ziggurat), row-major, one matrix per call. */
    static NoiseSource of(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        return (n, rows, cols) -> {
            DMatrixRMaj z = new DMatrixRMaj(rows, cols);
            for (int k = 0; k < rows * cols; k++) {
                z.data[k] = g.sample();
            }
            return z;
        };
    }

    /**
     * The noise of a Brownian path, {@code Z_n = ΔW_n / √Δt_n}, so that an Euler–Maruyama step adds
     * {@code σ ΔW_n}.
     *
     * @throws IllegalArgumentException if the path's grid is not {@code grid}
     */
    static NoiseSource of(BrownianPath path, TimeGrid grid) {
        if (!path.grid().equals(grid)) {
            throw new IllegalArgumentException("NoiseSource: the Brownian path's grid " + path.grid()
                    + " does not match the simulation grid " + grid + "; they must be the same grid");
        }
        return (n, rows, cols) -> {
            if (rows != path.rows() || cols != path.cols()) {
                throw new IllegalArgumentException("NoiseSource: asked for " + rows + "x" + cols + " noise but the Brownian path is "
                        + path.rows() + "x" + path.cols());
            }
            return path.standardNormal(n);
        };
    }
}
