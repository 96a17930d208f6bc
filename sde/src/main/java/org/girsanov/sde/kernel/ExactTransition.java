package org.girsanov.sde.kernel;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.process.LinearGaussianProcess;

/**
 * The exact forward transition of a linear-Gaussian reference process (for the VP Ornstein–Uhlenbeck
 * process: the exponential integrator of DDS, Vargas et al. 2023):
 * <pre>  p→_n(x_{n+1} | x_n) = N(x_{n+1}; a(t_n, t_{n+1}) x_n, v(t_n, t_{n+1}) I).</pre>
 */
public record ExactTransition(LinearGaussianProcess process, TimeGrid grid) implements MarkovKernel {

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public Var step(Tape tape, Var prev, int n, DMatrixRMaj z) {
        MarkovKernel.checkStep("ExactTransition.step", grid, prev, n, z);
        double s = grid.time(n);
        double t = grid.time(n + 1);
        return tape.add(tape.scale(prev, process.meanFactor(s, t)),
                tape.scale(tape.constant(z), Math.sqrt(process.transitionVariance(s, t))));
    }

    @Override
    public Var logDensity(Tape tape, Var next, Var prev, int n) {
        MarkovKernel.checkDensity("ExactTransition.logDensity", grid, next, prev, n);
        return process.logTransition(tape, next, prev, grid.time(n), grid.time(n + 1));
    }
}
