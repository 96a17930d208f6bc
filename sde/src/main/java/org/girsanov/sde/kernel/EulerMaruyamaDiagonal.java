package org.girsanov.sde.kernel;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.DiagonalDiffusion;
import org.girsanov.sde.Drift;
import org.girsanov.sde.TimeGrid;

/**
 * The Euler–Maruyama forward kernel of {@code dX = μ(X, t) dt + σ(X, t) dW} with a state-dependent diagonal
 * diffusion {@code σ = diag(s(x, t))} (docs/math.md §3 and §8; Kloeden &amp; Platen 1992, §10.2):
 * <pre>  p→_n(x_{n+1} | x_n) = N(x_{n+1}; x_n + μ(x_n, t_n) Δt_n, diag(s(x_n, t_n)²) Δt_n),</pre>
 * that is {@code x_{n+1} = x_n + μ(x_n, t_n) Δt_n + s(x_n, t_n) ⊙ ΔW_n} with {@code ΔW_n = √Δt_n Z_n}. With a
 * constant {@code s} it is {@link EulerMaruyamaForward}; the state-dependent {@code s} is what geometric Brownian
 * motion (Black–Scholes) needs.
 */
public record EulerMaruyamaDiagonal(Drift drift, DiagonalDiffusion diffusion, TimeGrid grid) implements GaussianKernel {

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        double t = grid.time(n);
        double dt = grid.dt(n);
        Var mean = tape.add(prev, tape.scale(drift.apply(tape, prev, t), dt));
        return new GaussianMoments(mean, tape.scale(diffusion.apply(tape, prev, t), Math.sqrt(dt)));
    }
}
