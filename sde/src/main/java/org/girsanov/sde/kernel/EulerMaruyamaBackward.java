package org.girsanov.sde.kernel;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;

/**
 * The Euler–Maruyama backward kernel of {@code dX = μ←(X,t) dt + σ(t) d←W}, run from {@code T} down to 0
 * (docs/math.md §3):
 * <pre>  p←_n(x_n | x_{n+1}) = N(x_n; x_{n+1} − μ←(x_{n+1}, t_{n+1}) Δt_n, σ(t_{n+1})² Δt_n I).</pre>
 */
public record EulerMaruyamaBackward(Sde sde, TimeGrid grid) implements GaussianKernel {

    @Override
    public Direction direction() {
        return Direction.BACKWARD;
    }

    /** {@code x_{n+1} − μ←(x_{n+1}, t_{n+1}) Δt_n}. */
    public Var mean(Tape tape, Var xNext, int n) {
        Var mu = sde.drift().apply(tape, xNext, grid.time(n + 1));
        return tape.sub(xNext, tape.scale(mu, grid.dt(n)));
    }

    /** {@code σ(t_{n+1})² Δt_n}. */
    public double variance(int n) {
        return sde.schedule().sigmaSquared(grid.time(n + 1)) * grid.dt(n);
    }


    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        return GaussianMoments.isotropic(tape, mean(tape, prev, n), Math.sqrt(variance(n)));
    }
}
