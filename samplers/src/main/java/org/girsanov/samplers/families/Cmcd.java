package org.girsanov.samplers.families;

import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.rnd.KernelRatio;

/**
 * Controlled Monte Carlo Diffusions (Vargas, Padhy, Blessing &amp; Nüsken, "Transport meets variational inference:
 * Controlled Monte Carlo Diffusions", ICLR 2024, §4) as a pair of the SDE module. The marginals are escorted
 * along the geometric annealing path {@code π_t ∝ p_prior^{1−β_t} ρ^{β_t}} ({@link AnnealingPath}) from
 * {@code p_prior = N(0, s² I)}, by annealed Langevin dynamics plus a learned drift {@code f_θ}:
 * <pre>
 *   forward   dX = (f_θ(X,t) + σ_t² ∇log π_t(X)) dt + √2 σ_t dW,      X_0 ~ p_prior,
 *   backward  dX = (f_θ(X,t) − σ_t² ∇log π_t(X)) dt + √2 σ_t d←W,     X_T ~ ρ/Z,
 * </pre>
 * (the backward drift is Nelson's {@code μ→ − (√2σ)² ∇log π_t}: with the right {@code f_θ} both have marginals
 * {@code π_t}, and {@code ∇·(π_t f_θ) = −∂_t π_t}). Each direction is discretised by its own Euler–Maruyama
 * kernel ({@link EulerMaruyamaForward}, {@link EulerMaruyamaBackward}), on any grid:
 * <pre>
 *   p→_n(x_{n+1} | x_n)  = N(x_n     + (f_θ(x_n, t_n) + σ_{t_n}² ∇log π_{t_n}(x_n)) Δt_n,            2σ_{t_n}² Δt_n I),
 *   p←_n(x_n | x_{n+1})  = N(x_{n+1} + (σ_{t_{n+1}}² ∇log π_{t_{n+1}}(x_{n+1}) − f_θ(x_{n+1}, t_{n+1})) Δt_n, 2σ_{t_{n+1}}² Δt_n I),
 * </pre>
 * and the log-weight is the kernel ratio ({@link KernelRatio})
 * {@code log ρ(x_N) − log p_prior(x_0) + Σ_n [log p←_n − log p→_n]}, the discrete controlled Crooks / Jarzynski
 * weight, {@code E[w] = Z}. With {@code f_θ = 0} both kernels are unadjusted Langevin (ULA) steps, {@code p→_n} with
 * step {@code σ_{t_n}²Δt_n} towards {@code π_{t_n}} and {@code p←_n} towards {@code π_{t_{n+1}}}, and {@code w} is the
 * unadjusted annealed importance weight (Thin et al. 2021; Geffner &amp; Domke 2021; tested path by path).
 * The public reference code (shreyaspadhy/CMCD, DenisBless/variational_sampling_methods) evaluates the score of both
 * kernels of step {@code n} at one level {@code β_n}; here each SDE is discretised by the engine's Euler–Maruyama
 * kernel of docs/math.md §3, at the start of its own direction's step, with the same Δt → 0 limit. The network {@code f_θ} starts at 0 (Fourier MLP with a zero output layer): the untrained sampler
 * is unadjusted Langevin annealing. Trained with KL (the score is differentiated along the path,
 * {@link AnnealingPath#score}), LV, TB, DB or sub-TB.
 */
public final class Cmcd extends AnnealedLangevinSampler {
    /** Constant {@code σ}, the linear schedule {@code β_t = (t − t_0)/(t_N − t_0)}. */
    public Cmcd(Target target, TimeGrid grid, Control control, double sigma, double priorStd) {
        this(target, grid, control, new ConstantSchedule(sigma), priorStd, AnnealingSchedule.linear());
    }

    /**
     * @param sigma    {@code σ_t}, {@code > 0} at every grid time
     * @param priorStd {@code s > 0} of {@code p_prior = N(0, s² I)}
     * @param schedule {@code β}, strictly increasing from 0 to 1 over the grid
     * @throws IllegalArgumentException naming the offending argument otherwise
     */
    public Cmcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                AnnealingSchedule schedule) {
        this(target, grid, control, sigma, priorStd, schedule, prior("CMCD", target, priorStd));
    }

    private Cmcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                 AnnealingSchedule schedule, IsotropicGaussian prior) {
        this(target, grid, control, sigma, priorStd, schedule, prior,
                new AnnealingPath(prior, target, schedule, grid), langevinNoise("CMCD", sigma, grid));
    }

    private Cmcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                 AnnealingSchedule schedule, IsotropicGaussian prior, AnnealingPath path, DiffusionSchedule noise) {
        this(target, grid, control, sigma, priorStd, schedule, prior,
                new EulerMaruyamaBackward(new Sde(backwardDrift(control, sigma, path), noise), grid),
                new EulerMaruyamaForward(new Sde(forwardDrift(control, sigma, path), noise), grid));
    }

    private Cmcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                 AnnealingSchedule schedule, IsotropicGaussian prior, EulerMaruyamaBackward backward,
                 EulerMaruyamaForward forward) {
        super(target, grid, prior, forward, backward, control, sigma, priorStd, schedule);
    }

    /** {@code μ→(x, t) = f_θ(x, t) + σ_t² ∇log π_t(x)}. */
    static Drift forwardDrift(Control f, DiffusionSchedule sigma, AnnealingPath path) {
        return (tape, x, t) -> tape.add(f.apply(tape, x, t), tape.scale(path.score(tape, x, t), sigma.sigmaSquared(t)));
    }

    /** {@code μ←(x, t) = f_θ(x, t) − σ_t² ∇log π_t(x)}. */
    static Drift backwardDrift(Control f, DiffusionSchedule sigma, AnnealingPath path) {
        return (tape, x, t) -> tape.sub(f.apply(tape, x, t), tape.scale(path.score(tape, x, t), sigma.sigmaSquared(t)));
    }

    @Override
    public String name() {
        return "cmcd";
    }

    @Override
    public Cmcd withGrid(TimeGrid g) {
        return new Cmcd(target, g, control(), sigma(), priorStd(), schedule());
    }
}
