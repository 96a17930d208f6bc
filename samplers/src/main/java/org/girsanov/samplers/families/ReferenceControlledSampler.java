package org.girsanov.samplers.families;

import java.util.List;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.paths.GaussianStep;
import org.girsanov.samplers.paths.PathModel;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;

/**
 * A controlled reference diffusion with the reference-process trick (PIS, DDS; MATH §6).
 *
 * <p>The reference process has Gaussian transitions {@code p^ref_n(x_{n+1} | x_n) = N(a_n x_n, s_n² I)} and
 * a known law {@code π_ref} at time {@code T}; the controlled forward kernel adds {@code λ_n u_θ(x_n, t_n)} to
 * the mean, {@code λ_n = s_n √Δt_n}, which is the Euler step of {@code σ(t) u dt}. The backward process is
 * the reference's own time reversal started at the target, so the log-weight telescopes to
 * <pre>
 *   log w = log ρ(x_N) − log π_ref(x_N) + Σ_n ℓ_n,   ℓ_n = log p^ref_n(x_{n+1}|x_n) − log p→_n(x_{n+1}|x_n)
 *         = (λ_n² |u|² − 2 λ_n u·e_n) / (2 s_n²),    e_n = x_{n+1} − a_n x_n,
 * </pre>
 * which on-policy is {@code −½|u|²Δt − u·ΔW}: the discretised Girsanov log-density
 * {@code −log dP^u/dP^ref} (Zhang &amp; Chen ICLR 2022; Vargas et al. ICLR 2023; Richter &amp; Berner ICLR 2024).
 */
abstract class ReferenceControlledSampler implements PathModel {
    protected final Target target;
    protected final TimeGrid grid;
    protected final Control control;
    private final double[] a;
    private final double[] s;
    private final double[] lambda;

    /** @param decay {@code a_n} and @param std {@code s_n} of the reference transitions, one per step */
    ReferenceControlledSampler(Target target, TimeGrid grid, Control control, double[] decay, double[] std) {
        if (decay.length != grid.steps() || std.length != grid.steps()) {
            throw new IllegalArgumentException("reference transitions: " + decay.length + " decays and " + std.length
                    + " stds for a grid of " + grid.steps() + " steps");
        }
        this.target = target;
        this.grid = grid;
        this.control = control;
        int steps = grid.steps();
        a = decay.clone();
        s = std.clone();
        lambda = new double[steps];
        for (int n = 0; n < steps; n++) {
            lambda[n] = s[n] * Math.sqrt(grid.dt(n));
        }
    }

    /** {@code log π_ref(x)} at time T, per row. */
    protected abstract Var logReferenceTerminal(Tape t, Var x);

    @Override
    public Target target() {
        return target;
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    @Override
    public List<Parameter> parameters() {
        return control.parameters();
    }

    @Override
    public GaussianStep forward(Tape t, Var xn, int n) {
        Var u = control.apply(t, xn, grid.time(n));
        Var mean = t.add(a[n] == 1.0 ? xn : t.scale(xn, a[n]), t.scale(u, lambda[n]));
        return new GaussianStep(mean, t.scalar(s[n]), u);
    }

    @Override
    public Var logIncrement(Tape t, Var xn, Var xNext, int n, GaussianStep fwd) {
        Var u = fwd.control();
        Var e = t.sub(xNext, a[n] == 1.0 ? xn : t.scale(xn, a[n]));
        double s2 = s[n] * s[n];
        Var uu = t.sumCols(t.square(u));
        Var ue = t.sumCols(t.mul(u, e));
        return t.sub(t.scale(uu, lambda[n] * lambda[n] / (2 * s2)), t.scale(ue, lambda[n] / s2));
    }

    @Override
    public Var logStartBoundary(Tape t, Var x0) {
        return t.constant(new org.ejml.data.DMatrixRMaj(x0.rows(), 1));
    }

    @Override
    public Var logEndBoundary(Tape t, Var xN) {
        return t.sub(target.logDensity(t, xN), logReferenceTerminal(t, xN));
    }
}
