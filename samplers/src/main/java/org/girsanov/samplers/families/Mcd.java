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
 * Monte Carlo Diffusions (Doucet, Grathwohl, Matthews &amp; Strathmann, "Score-based diffusion meets annealed
 * importance sampling", NeurIPS 2022): unadjusted Langevin steps along the annealing path
 * {@code π_t ∝ p_prior^{1−β_t} ρ^{β_t}} ({@link AnnealingPath}) forward, and learned backward kernels. In the
 * notation of {@link Cmcd}, with the learned drift {@code g_θ} in the backward direction only:
 * <pre>
 *   forward   dX = σ_t² ∇log π_t(X) dt + √2 σ_t dW,                   X_0 ~ p_prior = N(0, s² I),
 *   backward  dX = (g_θ(X,t) − σ_t² ∇log π_t(X)) dt + √2 σ_t d←W,     X_T ~ ρ/Z,
 * </pre>
 * each discretised by the engine's Euler–Maruyama kernel ({@link EulerMaruyamaForward}, {@link EulerMaruyamaBackward}),
 * and the log-weight is the kernel ratio {@code log ρ(x_N) − log p_prior(x_0) + Σ_n [log p←_n − log p→_n]}
 * ({@link KernelRatio}), so {@code E[w] = Z} for every {@code g_θ}. Doucet et al. write the backward kernel as
 * {@code N(x_{n+1} − η∇log π + 2η s_θ, 2η I)} with {@code s_θ ≈ ∇log q_{t}} the score of the forward marginal, which
 * makes it the exact reversal when {@code q_t = π_t}: here {@code g_θ = 2σ² s_θ} is learned directly. The forward
 * process has no parameters, so the on-policy (KL) gradient is that of the backward kernels' log-densities
 * alone; with {@code g_θ = 0} (the network starts there) the sampler is unadjusted annealed importance sampling, path
 * by path the same as {@link Cmcd} with {@code f_θ = 0} (tested).
 */
public final class Mcd extends AnnealedLangevinSampler {
    /** Constant {@code σ}, the linear schedule {@code β_t = (t − t_0)/(t_N − t_0)}. */
    public Mcd(Target target, TimeGrid grid, Control control, double sigma, double priorStd) {
        this(target, grid, control, new ConstantSchedule(sigma), priorStd, AnnealingSchedule.linear());
    }

    /**
     * @param sigma    {@code σ_t}, {@code > 0} at every grid time
     * @param priorStd {@code s > 0} of {@code p_prior = N(0, s² I)}
     * @param schedule {@code β}, strictly increasing from 0 to 1 over the grid
     * @throws IllegalArgumentException naming the offending argument otherwise
     */
    public Mcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
               AnnealingSchedule schedule) {
        this(target, grid, control, sigma, priorStd, schedule, prior("MCD", target, priorStd));
    }

    private Mcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                AnnealingSchedule schedule, IsotropicGaussian prior) {
        this(target, grid, control, sigma, priorStd, schedule, prior, new AnnealingPath(prior, target, schedule, grid),
                langevinNoise("MCD", sigma, grid));
    }

    private Mcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                AnnealingSchedule schedule, IsotropicGaussian prior, AnnealingPath path, DiffusionSchedule noise) {
        this(target, grid, control, sigma, priorStd, schedule, prior,
                new EulerMaruyamaBackward(new Sde(Cmcd.backwardDrift(control, sigma, path), noise), grid),
                new EulerMaruyamaForward(new Sde(langevinDrift(sigma, path), noise), grid));
    }

    private Mcd(Target target, TimeGrid grid, Control control, DiffusionSchedule sigma, double priorStd,
                AnnealingSchedule schedule, IsotropicGaussian prior, EulerMaruyamaBackward backward,
                EulerMaruyamaForward forward) {
        super(target, grid, prior, forward, backward, control, sigma, priorStd, schedule);
    }

    /** {@code μ→(x, t) = σ_t² ∇log π_t(x)}: annealed Langevin, nothing learned. */
    static Drift langevinDrift(DiffusionSchedule sigma, AnnealingPath path) {
        return (tape, x, t) -> tape.scale(path.score(tape, x, t), sigma.sigmaSquared(t));
    }

    @Override
    public String name() {
        return "mcd";
    }

    @Override
    public Mcd withGrid(TimeGrid g) {
        return new Mcd(target, g, control(), sigma(), priorStd(), schedule());
    }
}
