package org.girsanov.sde.kernel;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;

/**
 * The Euler–Maruyama forward kernel of {@code dX = μ→(X,t) dt + σ(t) dW} (docs/math.md §3):
 * <pre>  p→_n(x_{n+1} | x_n) = N(x_{n+1}; x_n + μ→(x_n, t_n) Δt_n, σ(t_n)² Δt_n I).</pre>
 */
public record EulerMaruyamaForward(Sde sde, TimeGrid grid) implements GaussianKernel {

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    /** {@code x_n + μ→(x_n, t_n) Δt_n}. */
    public Var mean(Tape tape, Var x, int n) {
        Var mu = sde.drift().apply(tape, x, grid.time(n));
        return tape.add(x, tape.scale(mu, grid.dt(n)));
    }

    /** {@code σ(t_n)² Δt_n}. */
    public double variance(int n) {
        return sde.schedule().sigmaSquared(grid.time(n)) * grid.dt(n);
    }


    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        return GaussianMoments.isotropic(tape, mean(tape, prev, n), Math.sqrt(variance(n)));
    }
}
