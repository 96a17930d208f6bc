package org.girsanov.samplers.annealed;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.samplers.mcmc.ChainState;
import org.girsanov.samplers.mcmc.EvaluationCounter;
import org.girsanov.samplers.mcmc.McmcKernel;
import org.girsanov.samplers.mcmc.StepSizeAdapter;
import org.girsanov.samplers.mcmc.TemperedDensity;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;

/**
 * The loop shared by {@link Ais} and {@link Smc} (docs/math.md §6). With {@code π̃_k = p_prior^{1−β_k} ρ^{β_k}} and
 * {@code x_i ~ p_prior}, for {@code k = 1..K}:
 * <pre>
 *   incremental weight   log u_i = log π̃_k(x_i) − log π̃_{k−1}(x_i) = (β_k − β_{k−1}) (log ρ − log p_prior)(x_i)
 *   log Ẑ               += log Σ_i W_i u_i            (W: normalised current weights)
 *   log w_i             += log u_i
 *   if ESS(w) < threshold · n:  resample systematically, log w_i ← 0         (SMC only)
 *   move every x_i by {@code stepsPerLevel} steps of a π_k-invariant kernel
 * </pre>
 * Without resampling the sum telescopes to {@code logsumexp(log w) − log n} (AIS). Both are unbiased for
 * {@code Z} (Neal 2001; Del Moral, Doucet &amp; Jasra, JRSS-B 2006). Step sizes of adjusted kernels are adapted
 * globally towards the kernel's target acceptance after each step; a step size chosen from the past
 * leaves each kernel π_k-invariant, so the weights stay valid.
 */
final class AnnealingEngine {
    private final McmcKernel kernel;
    private final double priorSigma;
    private final double[] betas;
    private final int stepsPerLevel;
    private final double initialStepSize;
    private final boolean adapt;
    private final double essThreshold;

    AnnealingEngine(McmcKernel kernel, double priorSigma, double[] betas, int stepsPerLevel, double initialStepSize,
                    boolean adapt, double essThreshold) {
        BetaSchedule.validate(betas);
        if (stepsPerLevel < 0) {
            throw new IllegalArgumentException("annealing: steps per level must be >= 0, got " + stepsPerLevel);
        }
        if (!(initialStepSize > 0)) {
            throw new IllegalArgumentException("annealing: step size must be positive, got " + initialStepSize);
        }
        if (!(priorSigma > 0)) {
            throw new IllegalArgumentException("annealing: prior σ must be positive, got " + priorSigma);
        }
        this.kernel = kernel;
        this.priorSigma = priorSigma;
        this.betas = betas.clone();
        this.stepsPerLevel = stepsPerLevel;
        this.initialStepSize = initialStepSize;
        this.adapt = adapt && kernel.adjusted();
        this.essThreshold = essThreshold;
    }

    AnnealedResult run(Target target, int n, UniformRandomProvider rng) {
        if (n < 1) {
            throw new IllegalArgumentException("annealing: need at least one particle, got " + n);
        }
        EvaluationCounter counter = new EvaluationCounter();
        IsotropicGaussian prior = IsotropicGaussian.centred(target.dimension(), priorSigma);
        TemperedDensity density = new TemperedDensity(target, prior, counter);
        ChainState s = density.evaluate(prior.sample(n, rng));
        StepSizeAdapter adapter = new StepSizeAdapter(n, initialStepSize,
                kernel.adjusted() ? kernel.targetAcceptance() : 0.5, false);
        double[] eps = adapter.stepSizes();
        double[] logW = new double[n];
        double[] incr = new double[n];
        double[] acc = new double[n];
        double[] beta = new double[n];
        double logZ = 0;
        double accSum = 0;
        long moves = 0;
        int resamplings = 0;
        for (int k = 1; k < betas.length; k++) {
            double db = betas[k] - betas[k - 1];
            double before = LogWeights.logSumExp(logW);
            for (int i = 0; i < n; i++) {
                incr[i] = db * (s.logTarget(i) - s.logReference(i));
                logW[i] += incr[i];
            }
            logZ += LogWeights.logSumExp(logW) - before;
            if (essThreshold > 0 && k < betas.length - 1 && LogWeights.effectiveSampleSize(logW) < essThreshold) {
                s = s.select(SystematicResampling.indices(logW, rng));
                Arrays.fill(logW, 0.0);
                resamplings++;
            }
            Arrays.fill(beta, betas[k]);
            for (int m = 0; m < stepsPerLevel; m++) {
                s = kernel.step(density, s, beta, eps, rng, acc);
                for (double a : acc) {
                    accSum += a;
                }
                moves++;
                if (adapt) {
                    adapter.update(acc);
                    eps = adapter.stepSizes();
                }
            }
        }
        double acceptance = moves == 0 ? Double.NaN : accSum / ((double) moves * n);
        return new AnnealedResult(s.points(), logW, logZ, acceptance, resamplings, counter);
    }
}
