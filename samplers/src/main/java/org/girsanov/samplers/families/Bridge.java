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
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.girsanov.sde.rnd.FieldDivergence;

/**
 * The diffusion bridge sampler (Richter &amp; Berner, ICLR 2024): both directions are learned,
 * {@code μ→ = σ u_θ} and {@code μ← = −σ v_φ}, with constant {@code σ}, prior {@code N(0, σ_0² I)}, and
 * Euler–Maruyama kernels (MATH §3)
 * <pre>
 *   p→_n(x_{n+1}|x_n) = N(x_n + σ u(x_n, t_n) Δt, σ²Δt I),   p←_n(x_n|x_{n+1}) = N(x_{n+1} + σ v(x_{n+1}, t_{n+1}) Δt, σ²Δt I).
 * </pre>
 * <b>Two forms of the log-weight.</b> By default ({@code divergence = null}) the increment is the
 * Euler–Maruyama kernel ratio of MATH §3, {@code ℓ_n = log p←_n(x_n | x_{n+1}) − log p→_n(x_{n+1} | x_n)},
 * which needs no divergence. With a {@link DivergenceEstimator} it is the left-point discretisation of the
 * controlled forward-Itô form of the RND (MATH §5; Richter &amp; Berner, ICLR 2024, Prop. 2.3) with
 * {@code f = 0}, where the backward (right-point) integral has become a divergence:
 * <pre>
 *   ℓ_n = −[ Δt_n ( (u+v)·(v−u)/2 + σ ∇·v ) + (u+v)·(x_{n+1} − x_n)/σ ](x_n, t_n).
 * </pre>
 * (The behaviour's drift cancels: {@code σ dW = dX − σw dt}, so the form holds on any path.) Both forms
 * converge to the same continuous RND as {@code Δt → 0} (MATH §5, Thm 1); for a {@code v} that is constant
 * in {@code x} they agree exactly. The divergence is exact ({@code d} vector–Jacobian products) or
 * Hutchinson's estimate; either is differentiable with respect to the parameters of {@code v}. For the
 * streamed losses, which evaluate every increment twice (a gradient-free pass, then a replay with
 * gradients), use a Hutchinson estimator whose probes are keyed by the state
 * ({@link DivergenceEstimator#hutchinsonKeyed}), so both passes see the same probes.
 */
public final class Bridge implements PathModel {
    private final Target target;
    private final TimeGrid grid;
    private final Control forwardControl;
    private final Control backwardControl;
    private final double sigma;
    private final double priorStd;
    private final DivergenceEstimator divergence;

    /** The bridge with the Euler–Maruyama kernel-ratio log-weight (no divergence). */
    public Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl,
                  double sigma, double priorStd) {
        this(target, grid, forwardControl, backwardControl, sigma, priorStd, null);
    }

    /**
     * The bridge with the controlled-form log-weight and the divergence {@code ∇·v} by {@code divergence}
     * ({@code null}: the kernel-ratio form).
     */
    public Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl,
                  double sigma, double priorStd, DivergenceEstimator divergence) {
        if (!(sigma > 0) || !(priorStd > 0)) {
            throw new IllegalArgumentException("Bridge: sigma = " + sigma + ", priorStd = " + priorStd + "; both must be > 0");
        }
        this.target = target;
        this.grid = grid;
        this.forwardControl = forwardControl;
        this.backwardControl = backwardControl;
        this.sigma = sigma;
        this.priorStd = priorStd;
        this.divergence = divergence;
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
        return new Bridge(target, g, forwardControl, backwardControl, sigma, priorStd, divergence);
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
        if (divergence != null) {
            return controlledIncrement(t, xn, xNext, n, fwd.control());
        }
        Var std = t.scalar(sigma * Math.sqrt(grid.dt(n)));
        Var back = GaussianDensity.logDensity(t, xn, backwardMean(t, xNext, n), std);
        Var fore = GaussianDensity.logDensity(t, xNext, fwd.mean(), fwd.std());
        return t.sub(back, fore);
    }

    /** {@code −[Δt((u+v)·(v−u)/2 + σ∇·v) + (u+v)·Δx/σ]} at {@code (x_n, t_n)}. */
    private Var controlledIncrement(Tape t, Var xn, Var xNext, int n, Var u) {
        double time = grid.time(n);
        FieldDivergence v = FieldDivergence.of(t, xn, (tape, x) -> backwardControl.apply(tape, x, time), divergence);
        Var upv = t.add(u, v.field());
        Var drift = t.add(t.sumCols(t.mul(upv, t.scale(t.sub(v.field(), u), 0.5))), t.scale(v.divergence(), sigma));
        Var noise = t.scale(t.sumCols(t.mul(upv, t.sub(xNext, xn))), 1.0 / sigma);
        return t.neg(t.add(t.scale(drift, grid.dt(n)), noise));
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
