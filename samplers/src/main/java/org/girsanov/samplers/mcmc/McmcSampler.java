package org.girsanov.samplers.mcmc;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;

/**
 * Runs {@code n} chains of an {@link McmcKernel} on a target: {@code warmup} steps with step-size
 * adaptation ({@link StepSizeAdapter}, towards the kernel's target acceptance; none for unadjusted
 * kernels), then {@code steps} steps with the step sizes frozen, keeping every {@code thin}-th state of
 * every chain. Immutable; one instance can run many times.
 *
 * <pre>{@code
 *   McmcResult r = new McmcSampler(new Mala(), 0.1, 500, 2000, 10).run(target, x0, rng);
 * }</pre>
 */
public final class McmcSampler {
    private final McmcKernel kernel;
    private final double initialStepSize;
    private final int warmup;
    private final int steps;
    private final int thin;
    private final boolean perChain;

    /** With per-chain adaptation. */
    public McmcSampler(McmcKernel kernel, double initialStepSize, int warmup, int steps, int thin) {
        this(kernel, initialStepSize, warmup, steps, thin, true);
    }

    /**
     * @param perChain adapt one step size per chain (true) or one global step size from the mean
     *                 acceptance (false)
     */
    public McmcSampler(McmcKernel kernel, double initialStepSize, int warmup, int steps, int thin, boolean perChain) {
        if (warmup < 0 || steps < 1 || thin < 1) {
            throw new IllegalArgumentException("MCMC: need warmup >= 0, steps >= 1, thin >= 1; got " + warmup + ", "
                    + steps + ", " + thin);
        }
        if (!(initialStepSize > 0)) {
            throw new IllegalArgumentException("MCMC: step size must be positive, got " + initialStepSize);
        }
        this.kernel = kernel;
        this.initialStepSize = initialStepSize;
        this.warmup = warmup;
        this.steps = steps;
        this.thin = thin;
        this.perChain = perChain;
    }

    /** Runs the chains from the rows of {@code x0} (not modified). */
    public McmcResult run(Target target, DMatrixRMaj x0, UniformRandomProvider rng) {
        EvaluationCounter counter = new EvaluationCounter();
        TemperedDensity density = new TemperedDensity(target, null, counter);
        int n = x0.numRows;
        double[] beta = new double[n];
        Arrays.fill(beta, 1.0);
        StepSizeAdapter adapter = new StepSizeAdapter(n, initialStepSize, kernel.adjusted() ? kernel.targetAcceptance() : 0.5,
                perChain);
        double[] eps = adapter.stepSizes();
        double[] acc = new double[n];
        ChainState s = density.evaluate(x0.copy());
        for (int t = 0; t < warmup; t++) {
            s = kernel.step(density, s, beta, eps, rng, acc);
            if (kernel.adjusted()) {
                adapter.update(acc);
                eps = adapter.stepSizes();
            }
        }
        SampleCollector out = new SampleCollector((steps / thin) * n, target.dimension());
        double accSum = 0;
        for (int t = 1; t <= steps; t++) {
            s = kernel.step(density, s, beta, eps, rng, acc);
            for (double a : acc) {
                accSum += a;
            }
            if (t % thin == 0) {
                out.add(s.points(), 0, n);
            }
        }
        return new McmcResult(out.result(), s, accSum / ((double) steps * n), eps, new double[0], counter);
    }
}
