package org.girsanov.samplers.annealed;

import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.samplers.mcmc.McmcKernel;
import org.girsanov.samplers.targets.Target;

/**
 * Sequential Monte Carlo samplers (Del Moral, Doucet &amp; Jasra, "Sequential Monte Carlo samplers",
 * JRSS-B 68, 2006; docs/math.md §6): {@link Ais} plus systematic resampling ({@link SystematicResampling}) whenever
 * the normalised ESS {@code (Σ w)²/(n Σ w²)} falls below a threshold. The estimate multiplies, level by
 * level, the weighted mean of the incremental weights under the current normalised weights {@code W}:
 * <pre>
 *   log Ẑ = Σ_k log Σ_i W_{k−1,i} u_{k,i},     u_{k,i} = π̃_k(x_i)/π̃_{k−1}(x_i),
 * </pre>
 * with {@code W} reset to uniform after each resampling (so between resamplings the factors telescope to
 * the AIS estimate). Unbiased for Z.
 */
public final class Smc {
    private final AnnealingEngine engine;

    /**
     * @param essThreshold resample when the normalised ESS falls below this, in (0, 1]; e.g. 0.5
     */
    public Smc(McmcKernel kernel, double priorSigma, double[] betas, int stepsPerLevel, double initialStepSize,
               double essThreshold) {
        if (!(essThreshold > 0 && essThreshold <= 1)) {
            throw new IllegalArgumentException("SMC: ESS threshold must be in (0, 1], got " + essThreshold);
        }
        this.engine = new AnnealingEngine(kernel, priorSigma, betas, stepsPerLevel, initialStepSize, true, essThreshold);
    }

    /** {@code n} weighted particles. */
    public AnnealedResult run(Target target, int n, UniformRandomProvider rng) {
        return engine.run(target, n, rng);
    }
}
