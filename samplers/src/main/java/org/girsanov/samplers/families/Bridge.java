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
import org.girsanov.samplers.paths.PathEngine;
import org.girsanov.samplers.paths.PathModel;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;

/**
 * The diffusion bridge sampler (Richter &amp; Berner, ICLR 2024): both directions are learned,
 * {@code μ→ = σ u_θ} and {@code μ← = −σ v_φ}, with constant {@code σ}, prior {@code N(0, σ_0² I)}, and
 * Euler–Maruyama kernels (MATH §3)
 * <pre>
 *   p→_n(x_{n+1}|x_n) = N(x_n + σ u(x_n, t_n) Δt, σ²Δt I),   p←_n(x_n|x_{n+1}) = N(x_{n+1} + σ v(x_{n+1}, t_{n+1}) Δt, σ²Δt I).
 * </pre>
 * The discrete log-weight needs no divergence; {@link org.girsanov.sde} gives the continuous controlled
 * form with the divergence term {@code ∇·(σv)} for comparison (MATH §5).
 */
public final class Bridge implements PathModel {
    private final Target target;
    private final TimeGrid grid;
    private final Control forwardControl;
    private final Control backwardControl;
    private final double sigma;
    private final double priorStd;

    public Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl,
                  double sigma, double priorStd) {
        if (!(sigma > 0) || !(priorStd > 0)) {
            throw new IllegalArgumentException("Bridge: sigma = " + sigma + ", priorStd = " + priorStd + "; both must be > 0");
        }
        this.target = target;
        this.grid = grid;
        this.forwardControl = forwardControl;
        this.backwardControl = backwardControl;
        this.sigma = sigma;
        this.priorStd = priorStd;
    }

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    @Override
    public PathModel withGrid(TimeGrid g) {
        return new Bridge(target, g, forwardControl, backwardControl, sigma, priorStd);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(forwardControl.parameters());
        all.addAll(backwardControl.parameters());
        return all;
    }

    @Override
    public DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
        DMatrixRMaj x = PathEngine.gaussian(n, dimension(), rng);
        org.ejml.dense.row.CommonOps_DDRM.scale(priorStd, x);
        return x;
    }

    @Override
    public GaussianStep forward(Tape t, Var xn, int n) {
        double dt = grid.dt(n);
        Var u = forwardControl.apply(t, xn, grid.time(n));
        return new GaussianStep(t.add(xn, t.scale(u, sigma * dt)), t.scalar(sigma * Math.sqrt(dt)), u);
    }

    private Var backwardMean(Tape t, Var xNext, int n) {
        Var v = backwardControl.apply(t, xNext, grid.time(n + 1));
        return t.add(xNext, t.scale(v, sigma * grid.dt(n)));
    }

    @Override
    public Var logIncrement(Tape t, Var xn, Var xNext, int n, GaussianStep fwd) {
        Var std = t.scalar(sigma * Math.sqrt(grid.dt(n)));
        Var back = GaussianDensity.logDensity(t, xn, backwardMean(t, xNext, n), std);
        Var fore = GaussianDensity.logDensity(t, xNext, fwd.mean(), fwd.std());
        return t.sub(back, fore);
    }

    @Override
    public Var logStartBoundary(Tape t, Var x0) {
        return GaussianDensity.logDensityIsotropic(t, x0, priorStd);
    }

    @Override
    public Var logEndBoundary(Tape t, Var xN) {
        return target.logDensity(t, xN);
    }

    @Override
    public DMatrixRMaj sampleBackward(Tape t, DMatrixRMaj xNext, int n, UniformRandomProvider rng) {
        DMatrixRMaj mean = backwardMean(t, t.constant(xNext), n).value();
        double s = sigma * Math.sqrt(grid.dt(n));
        DMatrixRMaj xi = PathEngine.gaussian(xNext.numRows, xNext.numCols, rng);
        DMatrixRMaj out = new DMatrixRMaj(xNext.numRows, xNext.numCols);
        for (int i = 0; i < xNext.getNumElements(); i++) {
            out.data[i] = mean.data[i] + s * xi.data[i];
        }
        return out;
    }
}
