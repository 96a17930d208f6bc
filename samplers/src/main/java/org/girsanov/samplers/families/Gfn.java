package org.girsanov.samplers.families;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.paths.GaussianDensity;
import org.girsanov.samplers.paths.GaussianStep;
import org.girsanov.samplers.paths.PathModel;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;

/**
 * A discrete-time GFlowNet-style diffusion sampler (Zhang et al. 2023, Sendera et al. NeurIPS 2024):
 * forward Gaussian kernels whose means <em>and</em> variances are learned,
 * <pre>
 *   p→_n(x_{n+1}|x_n) = N(x_n + σ u(x_n,t_n) Δt,  σ²Δt · exp(2 κ tanh c(x_n,t_n)) )   (per coordinate),
 * </pre>
 * from {@code x_0 = 0}, and the fixed Brownian-bridge backward kernels of PIS,
 * {@code p←_n(x_n|x_{n+1}) = N((t_n/t_{n+1}) x_{n+1}, σ² t_n Δt_n/t_{n+1} I)}, whose first step is the point
 * mass at 0 that cancels the prior's. {@code log w = log ρ(x_N) + Σ_{n≥1} log p←_n − Σ_n log p→_n}. The
 * variance factor is bounded by {@code e^{±κ}} ({@code κ = 0.5}). Trained with TB, sub-TB or DB.
 */
public final class Gfn implements PathModel {
    private static final double KAPPA = 0.5;
    private final Pis bridge;
    private final Control meanControl;
    private final Control varianceControl;
    private final double sigma;

    public Gfn(Target target, TimeGrid grid, Control meanControl, Control varianceControl, double sigma) {
        this.bridge = new Pis(target, grid, meanControl, sigma);
        this.meanControl = meanControl;
        this.varianceControl = varianceControl;
        this.sigma = sigma;
    }

    @Override
    public String name() {
        return "gfn";
    }

    @Override
    public Target target() {
        return bridge.target();
    }

    @Override
    public TimeGrid grid() {
        return bridge.grid();
    }

    @Override
    public PathModel withGrid(TimeGrid g) {
        return new Gfn(target(), g, meanControl, varianceControl, sigma);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(meanControl.parameters());
        all.addAll(varianceControl.parameters());
        return all;
    }

    @Override
    public DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
        return new DMatrixRMaj(n, dimension());
    }

    @Override
    public GaussianStep forward(Tape t, Var xn, int n) {
        double tn = grid().time(n);
        double dt = grid().dt(n);
        Var u = meanControl.apply(t, xn, tn);
        Var c = varianceControl.apply(t, xn, tn);
        Var std = t.scale(t.exp(t.scale(t.tanh(c), KAPPA)), sigma * Math.sqrt(dt));
        return new GaussianStep(t.add(xn, t.scale(u, sigma * dt)), std, u);
    }

    @Override
    public Var logIncrement(Tape t, Var xn, Var xNext, int n, GaussianStep fwd) {
        Var fore = GaussianDensity.logDensity(t, xNext, fwd.mean(), fwd.std());
        if (n == 0) {
            return t.neg(fore);
        }
        double tn = grid().time(n);
        double t1 = grid().time(n + 1);
        Var back = GaussianDensity.logDensity(t, xn, t.scale(xNext, tn / t1),
                t.scalar(sigma * Math.sqrt(tn * grid().dt(n) / t1)));
        return t.sub(back, fore);
    }

    @Override
    public Var logStartBoundary(Tape t, Var x0) {
        return t.constant(new DMatrixRMaj(x0.rows(), 1));
    }

    @Override
    public Var logEndBoundary(Tape t, Var xN) {
        return target().logDensity(t, xN);
    }

    @Override
    public DMatrixRMaj sampleBackward(Tape t, DMatrixRMaj xNext, int n, UniformRandomProvider rng) {
        return bridge.sampleBackward(t, xNext, n, rng);
    }
}
