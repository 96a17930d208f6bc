package org.girsanov.sde;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * A batch of Brownian paths ({@code rows} paths in {@code R^cols}) observed through their increments
 * {@code ΔW_n = W(t_{n+1}) − W(t_n)} on a {@link TimeGrid}, refinable by the Brownian bridge so that one
 * path is seen at Δt, Δt/2, Δt/4, … (Lévy's construction; the virtual Brownian tree of Diffrax does the
 * same lazily). Immutable.
 *
 * <p><b>Refinement.</b> Given {@code ΔW} over a step of length {@code Δt}, the value at the midpoint is,
 * conditionally, Gaussian with mean {@code W(t_n) + ΔW/2} and variance {@code Δt/4}. The two halves are
 * <pre>
 *   ΔW_left = ΔW/2 + Z·√Δt/2,    ΔW_right = ΔW/2 − Z·√Δt/2,    Z ~ N(0, 1)
 * </pre>
 * so they sum to {@code ΔW} up to one rounding (exactly in real arithmetic; {@code ΔW/2} is exact in binary
 * floating point). Each half has variance {@code Δt/2}, and the halves are independent.
 *
 * <p><b>Randomness.</b> Level {@code ℓ} (ℓ refinements of the base grid) draws from
 * {@link RandomStreams#philox(long, long, int) stream(seed, ℓ, 0)}, so the same seed gives the same path at
 * every resolution, however it was reached.
 */
public final class BrownianPath {
    private final TimeGrid grid;
    private final DMatrixRMaj[] increments;
    private final long seed;
    private final int level;

    private BrownianPath(TimeGrid grid, DMatrixRMaj[] increments, long seed, int level) {
        this.grid = grid;
        this.increments = increments;
        this.seed = seed;
        this.level = level;
    }

    /** Fresh increments {@code ΔW_n = √Δt_n Z_n} on {@code grid}, for {@code rows} paths in {@code R^cols}. */
    public static BrownianPath sample(TimeGrid grid, int rows, int cols, long seed) {
        Checks.atLeast("BrownianPath", "rows", rows, 1);
        Checks.atLeast("BrownianPath", "cols", cols, 1);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomStreams.philox(seed, 0, 0));
        DMatrixRMaj[] inc = new DMatrixRMaj[grid.steps()];
        for (int n = 0; n < inc.length; n++) {
            double s = Math.sqrt(grid.dt(n));
            inc[n] = new DMatrixRMaj(rows, cols);
            for (int k = 0; k < rows * cols; k++) {
                inc[n].data[k] = s * z.sample();
            }
        }
        return new BrownianPath(grid, inc, seed, 0);
    }

    /** The same paths on {@link TimeGrid#refine()}: every increment split in two by the Brownian bridge. */
    public BrownianPath refine() {
        UniformRandomProvider rng = RandomStreams.philox(seed, level + 1, 0);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj[] fine = new DMatrixRMaj[2 * increments.length];
        int size = rows() * cols();
        for (int n = 0; n < increments.length; n++) {
            double halfSd = 0.5 * Math.sqrt(grid.dt(n));
            DMatrixRMaj left = new DMatrixRMaj(rows(), cols());
            DMatrixRMaj right = new DMatrixRMaj(rows(), cols());
            double[] dw = increments[n].data;
            for (int k = 0; k < size; k++) {
                double half = 0.5 * dw[k];
                double e = halfSd * z.sample();
                left.data[k] = half + e;
                right.data[k] = half - e;
            }
            fine[2 * n] = left;
            fine[2 * n + 1] = right;
        }
        return new BrownianPath(grid.refine(), fine, seed, level + 1);
    }

    /** The grid the increments live on. */
    public TimeGrid grid() {
        return grid;
    }

    /** Number of refinements of the base grid. */
    public int level() {
        return level;
    }

    public int rows() {
        return increments[0].numRows;
    }

    public int cols() {
        return increments[0].numCols;
    }

    /** {@code ΔW_n} ({@code rows × cols}), a copy. */
    public DMatrixRMaj increment(int n) {
        Checks.step("BrownianPath.increment", n, grid);
        return increments[n].copy();
    }

    /** {@code Z_n = ΔW_n / √Δt_n}, the standard-normal noise of step {@code n}. */
    public DMatrixRMaj standardNormal(int n) {
        DMatrixRMaj z = increment(n);
        double s = 1.0 / Math.sqrt(grid.dt(n));
        for (int k = 0; k < z.getNumElements(); k++) {
            z.data[k] *= s;
        }
        return z;
    }

    /** {@code W(t_n) − W(t_0) = Σ_{m<n} ΔW_m}. */
    public DMatrixRMaj value(int n) {
        if (n < 0 || n > grid.steps()) {
            throw new IllegalArgumentException("BrownianPath.value: n = " + n + "; must be in [0, " + grid.steps() + "]");
        }
        DMatrixRMaj w = new DMatrixRMaj(rows(), cols());
        for (int m = 0; m < n; m++) {
            for (int k = 0; k < w.getNumElements(); k++) {
                w.data[k] += increments[m].data[k];
            }
        }
        return w;
    }
}
