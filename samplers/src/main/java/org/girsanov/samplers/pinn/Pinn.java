package org.girsanov.samplers.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.rnd.KernelRatio;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * The PINN sampler (Sun, Berner, Richter, Zeinhofer, Müller, Azizzadenesheli &amp; Anandkumar, "Dynamical measure
 * transport and neural PDE solvers for sampling", 2024, arXiv:2407.07873, the SDE case with a learned density): a
 * drift {@code b_θ} and a log-density {@code u_φ ≈ log p_t} learned together,
 * <pre>
 *   forward   dX = b_θ(X, t) dt + σ dW,                          X_0 ~ p_0 = N(0, s² I),
 *   backward  dX = (b_θ(X, t) − σ² ∇u_φ(X, t)) dt + σ d←W,        X_T ~ ρ/Z,
 * </pre>
 * the backward drift being Nelson's {@code μ→ − σ² ∇log p_t}: when {@code exp u_φ} are the forward marginals
 * ({@link FokkerPlanckResidual} zero) both directions have them. Each direction is discretised by the engine's
 * Euler–Maruyama kernel,
 * <pre>
 *   p→_n(x_{n+1} | x_n)  = N(x_n + b_θ(x_n, t_n) Δt_n, σ²Δt_n I),
 *   p←_n(x_n | x_{n+1})  = N(x_{n+1} − (b_θ − σ²∇u_φ)(x_{n+1}, t_{n+1}) Δt_n, σ²Δt_n I),
 * </pre>
 * and the log-weight is the kernel ratio ({@link KernelRatio}) {@code log ρ(x_N) − log p_0(x_0) + Σ_n [log p←_n −
 * log p→_n]}, so {@code E[w] = Z} for any {@code (θ, φ)} and log Z, ESS and EUBO come out as for every family.
 * Unlike NETS ({@code org.girsanov.samplers.nets.Nets}), whose marginals are prescribed ({@code log π̃_t − F_t}), the
 * path of densities here is learned: {@code u_φ} is a network ({@link LogDensityNet}), trained with {@code b_θ} by
 * the residual of the log-space Fokker–Planck equation ({@link PinnLoss}).
 */
public final class Pinn implements Sampler {
    private final Target target;
    private final TimeGrid grid;
    private final Control transport;
    private final LogDensityModel logDensity;
    private final double sigma;
    private final double priorStd;
    private final IsotropicGaussian prior;
    private final EulerMaruyamaForward forward;
    private final EulerMaruyamaBackward backward;
    private final KernelRatio logWeight;

    /**
     * @param transport  {@code b_θ(x, t)}
     * @param logDensity {@code u_φ(x, t)}
     * @param sigma      {@code σ > 0}, the constant diffusion coefficient
     * @param priorStd   {@code s > 0} of {@code p_0 = N(0, s² I)}
     * @throws IllegalArgumentException naming the offending argument and its allowed values (a {@link LogDensityNet}
     *         of another target or time interval included)
     */
    public Pinn(Target target, TimeGrid grid, Control transport, LogDensityModel logDensity, double sigma,
                double priorStd) {
        this.target = Objects.requireNonNull(target, "Pinn: target must not be null");
        this.grid = Objects.requireNonNull(grid, "Pinn: grid must not be null");
        this.transport = Objects.requireNonNull(transport, "Pinn: transport must not be null");
        this.logDensity = Objects.requireNonNull(logDensity, "Pinn: logDensity must not be null");
        this.sigma = checkSigma(sigma);
        if (logDensity instanceof LogDensityNet net) {
            net.checkFits(target, grid);
        }
        if (!(priorStd > 0) || !Double.isFinite(priorStd)) {
            throw new IllegalArgumentException("Pinn: prior std s = " + priorStd + "; must be finite and > 0");
        }
        this.priorStd = priorStd;
        this.prior = IsotropicGaussian.centred(target.dimension(), priorStd);
        ConstantSchedule noise = new ConstantSchedule(sigma);
        this.forward = new EulerMaruyamaForward(new Sde(transport::apply, noise), grid);
        this.backward = new EulerMaruyamaBackward(new Sde(backwardDrift(transport, logDensity, sigma), noise), grid);
        this.logWeight = KernelRatio.of(backward, prior, target::logDensity);
    }

    static double checkSigma(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("PINN: sigma = " + sigma + "; the diffusion coefficient σ must be"
                    + " finite and > 0 (the kernels' variance σ²Δt)");
        }
        return sigma;
    }

    /** {@code μ←(x, t) = b_θ(x, t) − σ² ∇u_φ(x, t)}. */
    static Drift backwardDrift(Control b, LogDensityModel u, double sigma) {
        return (tape, x, t) -> tape.sub(b.apply(tape, x, t), tape.scale(u.score(tape, x, t), sigma * sigma));
    }

    /** {@code b_θ}. */
    public Control transport() {
        return transport;
    }

    /** {@code u_φ}. */
    public LogDensityModel logDensity() {
        return logDensity;
    }

    /** {@code σ}. */
    public double sigma() {
        return sigma;
    }

    /** {@code s} of the prior. */
    public double priorStd() {
        return priorStd;
    }

    @Override
    public String name() {
        return "pinn";
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
    public Pinn withGrid(TimeGrid g) {
        return new Pinn(target, g, transport, logDensity, sigma, priorStd);
    }

    /** {@code θ} then {@code φ}. */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(transport.parameters());
        all.addAll(logDensity.parameters());
        return all;
    }

    @Override
    public Distribution prior() {
        return prior;
    }

    @Override
    public GaussianKernel forward() {
        return forward;
    }

    @Override
    public MarkovKernel backward() {
        return backward;
    }

    @Override
    public LogWeightForm logWeight() {
        return logWeight;
    }
}
