package org.girsanov.samplers.families;

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
 * The time-reversed Diffusion Sampler (Berner, Richter &amp; Ullrich, TMLR 2024): the backward process is
 * the fixed VP OU noising process from the target, with its exact transitions
 * {@code p←_n(x_n | x_{n+1}) = N(a_n x_{n+1}, s_n² I)}; the forward process, from
 * {@code p_prior = N(0, σ² I)}, is the Euler step of {@code dX = (β(T−t) X + σ(t) u_θ) dt + σ(t) dW}
 * (the noising drift reversed, {@code v = 0}, plus the learned control). Plain kernel form of MATH §3:
 * {@code log w = log ρ(x_N) − log p_prior(x_0) + Σ_n [log p←_n(x_n|x_{n+1}) − log p→_n(x_{n+1}|x_n)]}.
 * Reference protocol: {@code β} from 0.1 to 10, {@code T = 1}, {@code σ = 1}.
 *
 * <p><b>Control parametrisation.</b> The optimal control is {@code u* = σ(t) ∇log p_t} (the score of the noised
 * target at generative time t). The control is written around the score of the stationary law,
 * <pre>
 *   u(x, t) = −σ(t) x / σ² + u_θ(x, t),   so the Euler mean is   x (1 − β dt) + σ(t) u_θ dt,
 * </pre>
 * and the untrained sampler ({@code u_θ = 0}) is the stationary OU process, whose marginals stay
 * {@code N(0, σ² I)}. With {@code u = 0} instead, the reversed drift {@code +β x} would multiply the prior's scale by
 * {@code e^{∫β} ≈ 150} over the reference schedule — on funnel10 that puts {@code x₁} near −350, where
 * {@code log ρ ≈ −e^{350}}, and the first gradient is infinite. The optimum and the family are unchanged: the
 * term is a fixed offset of the learned {@code u_θ}.
 */
public final class Dis implements PathModel {
    private final Target target;
    private final TimeGrid grid;
    private final Control control;
    private final VpNoise noise;

    public Dis(Target target, TimeGrid grid, Control control, double sigma, double betaMin, double betaMax) {
        this(target, grid, control, new VpNoise(sigma, betaMin, betaMax, grid.end()));
    }

    private Dis(Target target, TimeGrid grid, Control control, VpNoise noise) {
        this.target = target;
        this.grid = grid;
        this.control = control;
        this.noise = noise;
    }

    @Override
    public String name() {
        return "dis";
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
        return new Dis(target, g, control, noise);
    }

    @Override
    public List<Parameter> parameters() {
        return control.parameters();
    }

    @Override
    public DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
        return noise.sampleStationary(n, dimension(), rng);
    }

    @Override
    public GaussianStep forward(Tape t, Var xn, int n) {
        double tn = grid.time(n);
        double dt = grid.dt(n);
        double sig = noise.diffusion(tn);
        Var uTheta = control.apply(t, xn, tn);
        Var u = t.add(t.scale(xn, -sig / (noise.sigma() * noise.sigma())), uTheta);
        // x(1 + β dt) + σ(t)u dt with σ(t)² = 2βσ²: the stationary-score part turns +β into −β
        Var mean = t.add(t.scale(xn, 1 - noise.beta(tn) * dt), t.scale(uTheta, sig * dt));
        return new GaussianStep(mean, t.scalar(sig * Math.sqrt(dt)), u);
    }

    @Override
    public Var logIncrement(Tape t, Var xn, Var xNext, int n, GaussianStep fwd) {
        Var back = GaussianDensity.logDensity(t, xn, t.scale(xNext, noise.decay(grid, n)),
                t.scalar(noise.transitionStd(grid, n)));
        Var fore = GaussianDensity.logDensity(t, xNext, fwd.mean(), fwd.std());
        return t.sub(back, fore);
    }

    @Override
    public Var logStartBoundary(Tape t, Var x0) {
        return GaussianDensity.logDensityIsotropic(t, x0, noise.sigma());
    }

    @Override
    public Var logEndBoundary(Tape t, Var xN) {
        return target.logDensity(t, xN);
    }

    @Override
    public DMatrixRMaj sampleBackward(Tape t, DMatrixRMaj xNext, int n, UniformRandomProvider rng) {
        return noise.sampleTransition(grid, n, xNext, rng);
    }
}
