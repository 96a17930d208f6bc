package org.girsanov.sde.path;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.sde.Checks;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.TimeGrid;

/**
 * Allocation-free Euler–Maruyama for a linear drift, without a tape — the simulation inner loop for
 * benchmarks and for reference processes:
 * <pre>  μ(x, t) = c(t) (A x + b),   x_{n+1} = x_n + μ(x_n, t_n) Δt_n + σ(t_n) √Δt_n Z_n</pre>
 * (rows of the batch are points, so {@code A x} is computed as {@code X Aᵀ}). All work happens in place
 * in the state and one preallocated buffer; the noise is drawn row-major, step by step, in the same order
 * as {@link PathSimulator} with {@link NoiseSource#of(org.apache.commons.rng.UniformRandomProvider)}.
 * For the VP Ornstein–Uhlenbeck process, {@code A = −I}, {@code b = 0}, {@code c = β}.
 *
 * <p>Not thread-safe (one buffer); use one instance per thread.
 */
public final class LinearEulerMaruyama {
    private final DMatrixRMaj a;
    private final double[] b;
    private final DoubleUnaryOperator rate;
    private final DiffusionSchedule schedule;
    private final DMatrixRMaj ax;

    /**
     * @param a        {@code d × d}
     * @param b        length {@code d}
     * @param rate     {@code c(t)}
     * @param rows     batch size the buffer is made for
     */
    public LinearEulerMaruyama(DMatrixRMaj a, double[] b, DoubleUnaryOperator rate, DiffusionSchedule schedule, int rows) {
        if (a.numRows != a.numCols || b.length != a.numRows) {
            throw new IllegalArgumentException("LinearEulerMaruyama: A is " + a.numRows + "x" + a.numCols + " and b has length "
                    + b.length + "; A must be d x d and b of length d");
        }
        Checks.atLeast("LinearEulerMaruyama", "rows", rows, 1);
        this.a = a.copy();
        this.b = b.clone();
        this.rate = rate;
        this.schedule = schedule;
        this.ax = new DMatrixRMaj(rows, a.numRows);
    }

    /**
     * Advances {@code x} ({@code rows × d}, overwritten) from {@code t_0} to {@code t_N} along {@code grid};
     * allocates nothing.
     */
    public void simulateLinear(DMatrixRMaj x, TimeGrid grid, ZigguratSampler.NormalizedGaussian gaussian) {
        if (x.numRows != ax.numRows || x.numCols != ax.numCols) {
            throw new IllegalArgumentException("LinearEulerMaruyama.simulateLinear: x is " + x.numRows + "x" + x.numCols
                    + "; must be " + ax.numRows + "x" + ax.numCols);
        }
        int d = x.numCols;
        int size = x.numRows * d;
        double[] xs = x.data;
        double[] axs = ax.data;
        for (int n = 0; n < grid.steps(); n++) {
            double t = grid.time(n);
            double dt = grid.dt(n);
            double drift = rate.applyAsDouble(t) * dt;
            double sd = schedule.sigma(t) * Math.sqrt(dt);
            CommonOps_DDRM.multTransB(x, a, ax);
            for (int k = 0; k < size; k++) {
                xs[k] += drift * (axs[k] + b[k % d]) + sd * gaussian.sample();
            }
        }
    }
}
