package org.girsanov.samplers.annealed;

import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.samplers.mcmc.McmcKernel;
import org.girsanov.samplers.targets.Target;

/**
 * Annealed importance sampling (Neal, "Annealed importance sampling", Stat. Comput. 11, 2001; docs/math.md §6)
 * along the geometric path {@code π_k ∝ p_prior^{1−β_k} ρ^{β_k}} from {@code p_prior = N(0, σ²I)}:
 * <pre>
 *   x_0 ~ p_prior,   log w = Σ_{k=1}^{K} (β_k − β_{k−1}) (log ρ − log p_prior)(x_{k−1}),
 *   x_k ~ T_k(x_{k−1}, ·)  (ULA, MALA or HMC steps targeting π_k),
 *   log Ẑ = logsumexp_i(log w_i) − log n,     E[w] = Z.
 * </pre>
 * With ULA transitions the kernel is not exactly π_k-invariant and Ẑ is biased by {@code O(ε)}.
 *
 * <pre>{@code
 *   AnnealedResult r = new Ais(new Mala(), 3.0, BetaSchedule.power(100, 2), 2, 0.1).run(target, 1000, rng);
 * }</pre>
 */
public final class Ais {
    private final AnnealingEngine engine;

    /**
     * @param kernel          transition at every level (targets π_k)
     * @param priorSigma      σ of the prior {@code N(0, σ²I)}
     * @param betas           schedule from 0 to 1 ({@link BetaSchedule})
     * @param stepsPerLevel   transitions per level
     * @param initialStepSize step size (adapted globally for MALA/HMC)
     */
    public Ais(McmcKernel kernel, double priorSigma, double[] betas, int stepsPerLevel, double initialStepSize) {
        this(kernel, priorSigma, betas, stepsPerLevel, initialStepSize, true);
    }

    /** As above, choosing whether MALA/HMC step sizes are adapted. */
    public Ais(McmcKernel kernel, double priorSigma, double[] betas, int stepsPerLevel, double initialStepSize,
               boolean adaptStepSize) {
        this.engine = new AnnealingEngine(kernel, priorSigma, betas, stepsPerLevel, initialStepSize, adaptStepSize, 0.0);
    }

    /** {@code n} weighted particles. */
    public AnnealedResult run(Target target, int n, UniformRandomProvider rng) {
        return engine.run(target, n, rng);
    }
}
