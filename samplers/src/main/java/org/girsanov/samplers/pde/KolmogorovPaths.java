package org.girsanov.samplers.pde;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.PathSimulator;

/**
 * A batch of detached Euler–Maruyama paths {@code X_0 = ξ, X_1, …, X_N} of a {@link KolmogorovProblem}, with the
 * Brownian increments {@code ΔW_n = √Δt_n Z_n} that drove them (the stochastic integral of the variance-reduced
 * target needs them). Simulated by the engine ({@link PathSimulator#streamForward}); the noise source is wrapped
 * only to remember the increments.
 *
 * @param grid       the time grid
 * @param states     {@code X_0 … X_{N−1}} ({@code rows × d} each), empty when not kept
 * @param increments {@code ΔW_0 … ΔW_{N−1}}, empty when not kept
 * @param terminal   {@code X_N}
 */
public record KolmogorovPaths(TimeGrid grid, List<DMatrixRMaj> states, List<DMatrixRMaj> increments, DMatrixRMaj terminal) {

    /** Simulates paths from {@code x0}; {@code keep} keeps the states and increments (else only {@code X_N}). */
    public static KolmogorovPaths simulate(MarkovKernel kernel, DMatrixRMaj x0, UniformRandomProvider rng, boolean keep) {
        TimeGrid grid = kernel.grid();
        List<DMatrixRMaj> states = new ArrayList<>();
        List<DMatrixRMaj> increments = new ArrayList<>();
        NoiseSource base = NoiseSource.of(rng);
        NoiseSource remembering = (n, rows, cols) -> {
            DMatrixRMaj z = base.standardNormal(n, rows, cols);
            if (keep) {
                DMatrixRMaj dw = z.copy();
                double s = Math.sqrt(grid.dt(n));
                for (int k = 0; k < rows * cols; k++) {
                    dw.data[k] *= s;
                }
                increments.add(dw);
            }
            return z;
        };
        Tape free = Tape.noGrad();
        DMatrixRMaj end = PathSimulator.streamForward(free, kernel, free.constant(x0), remembering, (n, t, xn, next) -> {
            if (keep) {
                states.add(xn.value());
            }
        }).value();
        return new KolmogorovPaths(grid, states, increments, end);
    }
}
