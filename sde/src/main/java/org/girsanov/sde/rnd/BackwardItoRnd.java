package org.girsanov.sde.rnd;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.Sde;
import org.girsanov.sde.path.Path;

/**
 * The continuous-time Radon–Nikodym derivative by Girsanov, backward-Itô form (docs/math.md §5), for scalar σ:
 * <pre>
 *   log dP→/dP←(X) = log p_prior(X_0) − log p_target(X_T)
 *                  + ∫ (|μ←|² − |μ→|²)/(2σ²) dt + ∫ μ→/σ² · dX_t − ∫ μ←/σ² · d←X_t
 * </pre>
 * discretised on the path's grid with every forward quantity at the left point {@code (x_n, t_n)} and
 * every backward quantity at the right point {@code (x_{n+1}, t_{n+1})} (backward Itô integral):
 * <pre>
 *   Σ_n [ |μ←(x_{n+1},t_{n+1})|²/(2σ²_{n+1}) − |μ→(x_n,t_n)|²/(2σ²_n) ] Δt_n
 *     + μ→(x_n,t_n)·ΔX_n/σ²_n − μ←(x_{n+1},t_{n+1})·ΔX_n/σ²_{n+1},   ΔX_n = x_{n+1} − x_n.
 * </pre>
 * With constant σ this equals {@code −Σ_n [log p←_n − log p→_n] + log p_prior − log p_target} of the
 * Euler–Maruyama kernels exactly, step by step (docs/math.md §5, §7.1). With the unnormalised {@code ρ} as target it
 * equals {@code log dP→/dP← − log Z}, the limit of {@code −log w} (Berner et al. 2025, arXiv 2501.06148, Thm 1).
 */
public final class BackwardItoRnd {
    private BackwardItoRnd() {
    }

    /** The discretised {@code log dP→/dP←} per path ({@code rows × 1}). */
    public static Var of(Tape tape, Path path, Sde forward, Sde backward, LogDensity prior, LogDensity target) {
        if (path.cols() < 1) {
            throw new IllegalArgumentException("BackwardItoRnd: path has no columns");
        }
        Var r = tape.sub(prior.apply(tape, path.state(0)), target.apply(tape, path.state(path.steps())));
        for (int n = 0; n < path.steps(); n++) {
            r = tape.add(r, stepTerm(tape, path, n, forward, backward));
        }
        return r;
    }

    /** The step-{@code n} summand ({@code rows × 1}). */
    public static Var stepTerm(Tape tape, Path path, int n, Sde forward, Sde backward) {
        double t0 = path.grid().time(n);
        double t1 = path.grid().time(n + 1);
        double dt = path.grid().dt(n);
        double s0 = forward.schedule().sigmaSquared(t0);
        double s1 = backward.schedule().sigmaSquared(t1);
        Checks.positive("BackwardItoRnd", "sigma(t_n)^2", s0);
        Checks.positive("BackwardItoRnd", "sigma(t_{n+1})^2", s1);
        Var x0 = path.state(n);
        Var x1 = path.state(n + 1);
        Var dx = tape.sub(x1, x0);
        Var muF = forward.drift().apply(tape, x0, t0);
        Var muB = backward.drift().apply(tape, x1, t1);
        Var quad = tape.sub(tape.scale(tape.sumCols(tape.square(muB)), dt / (2 * s1)),
                tape.scale(tape.sumCols(tape.square(muF)), dt / (2 * s0)));
        Var ito = tape.sub(tape.scale(tape.sumCols(tape.mul(muF, dx)), 1.0 / s0),
                tape.scale(tape.sumCols(tape.mul(muB, dx)), 1.0 / s1));
        return tape.add(quad, ito);
    }
}
