package org.girsanov.sde.rnd;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Drift;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Path;

/**
 * The controlled forward-Itô form of the RND (Richter &amp; Berner, ICLR 2024, Prop. 2.3; docs/math.md §5): along a
 * behaviour path {@code dX^w = (f + σw) dt + σ dW},
 * <pre>
 *   log dP→/dP←(X^w) = ∫ [ (u+v)·(w + (v−u)/2) + ∇·(σv − f) ](X^w_s, s) ds + ∫ (u+v)(X^w_s, s)·dW_s
 *                      + log p_prior(X^w_0) − log p_target(X^w_T),
 * </pre>
 * discretised at the left point of each step. The Brownian increment is read off the path,
 * {@code ΔW_n = (ΔX_n − (f + σw)(x_n, t_n) Δt_n) / σ(t_n)}, which is the noise itself when the path is the
 * Euler–Maruyama path of the behaviour process. The divergence {@code ∇·(σv − f)} is exact or Hutchinson
 * ({@link DivergenceEstimator}) and differentiable with respect to parameters ({@link FieldDivergence}).
 */
public final class ControlledRnd {
    private ControlledRnd() {
    }

    /** The discretised {@code log dP→/dP←(X^w)} per path ({@code rows × 1}). */
    public static Var of(Tape tape, Path path, ControlledSde c, Drift w, LogDensity prior, LogDensity target,
                         DivergenceEstimator divergence) {
        Var r = tape.sub(prior.apply(tape, path.state(0)), target.apply(tape, path.state(path.steps())));
        for (int n = 0; n < path.steps(); n++) {
            r = tape.add(r, stepTerm(tape, path, n, c, w, divergence));
        }
        return r;
    }

    /** The step-{@code n} summand ({@code rows × 1}). */
    public static Var stepTerm(Tape tape, Path path, int n, ControlledSde c, Drift w, DivergenceEstimator divergence) {
        return stepTerm(tape, path.grid(), n, path.state(n), path.state(n + 1), c, w, divergence);
    }

    /**
     * The step-{@code n} summand at the states {@code x = x_n}, {@code x_{n+1}} of a path on {@code grid}
     * ({@code rows × 1}): {@code [(u+v)·(w + (v−u)/2) + ∇·(σv − f)](x, t_n) Δt_n + (u+v)(x, t_n)·ΔW_n}.
     */
    public static Var stepTerm(Tape tape, TimeGrid grid, int n, Var x, Var xNext, ControlledSde c, Drift w,
                               DivergenceEstimator divergence) {
        double t = grid.time(n);
        double dt = grid.dt(n);
        double sigma = c.schedule().sigma(t);
        Var dx = tape.sub(xNext, x);
        Var f = c.f().apply(tape, x, t);
        Var u = c.u().apply(tape, x, t);
        FieldDivergence sv = FieldDivergence.of(tape, x,
                (tp, leaf) -> tp.sub(tp.scale(c.v().apply(tp, leaf, t), sigma), c.f().apply(tp, leaf, t)), divergence);
        Var v = tape.scale(tape.add(sv.field(), f), 1.0 / sigma);
        Var wx = w.apply(tape, x, t);
        Var dW = tape.scale(tape.sub(dx, tape.scale(tape.add(f, tape.scale(wx, sigma)), dt)), 1.0 / sigma);
        Var upv = tape.add(u, v);
        Var running = tape.sumCols(tape.mul(upv, tape.add(wx, tape.scale(tape.sub(v, u), 0.5))));
        Var dt1 = tape.scale(tape.add(running, sv.divergence()), dt);
        return tape.add(dt1, tape.sumCols(tape.mul(upv, dW)));
    }
}
