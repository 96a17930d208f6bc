package org.girsanov.sde.kernel;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.process.LinearGaussianProcess;

/**
 * The exact forward transition of a linear-Gaussian reference process (for the VP Ornstein–Uhlenbeck
 * process: the exponential integrator of DDS, Vargas et al. 2023):
 * <pre>  p→_n(x_{n+1} | x_n) = N(x_{n+1}; a(t_n, t_{n+1}) x_n, v(t_n, t_{n+1}) I).</pre>
 */
public record ExactTransition(LinearGaussianProcess process, TimeGrid grid) implements GaussianKernel {

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    /** {@code a(t_n, t_{n+1})}. */
    public double meanFactor(int n) {
        return process.meanFactor(grid.time(n), grid.time(n + 1));
    }

    /** {@code √v(t_n, t_{n+1})}. */
    public double std(int n) {
        return Math.sqrt(process.transitionVariance(grid.time(n), grid.time(n + 1)));
    }

    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        double a = meanFactor(n);
        return GaussianMoments.isotropic(tape, a == 1.0 ? prev : tape.scale(prev, a), std(n));
    }
}
