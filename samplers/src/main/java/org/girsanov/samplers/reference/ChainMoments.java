package org.girsanov.samplers.reference;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.mcmc.EffectiveSampleSize;
import org.girsanov.samplers.mcmc.Hmc;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.mcmc.McmcSampler;
import org.girsanov.samplers.mcmc.SplitRhat;
import org.girsanov.samplers.targets.Target;

/**
 * Posterior mean and standard deviation per coordinate from m long HMC chains ({@link Hmc}, step sizes adapted
 * per chain during warm-up, then frozen) run on the {@link WhitenedTarget} of the Laplace approximation and
 * mapped back to the target's coordinates, started over-dispersed at {@code z ~ N(0, 4 I)}. Per coordinate j:
 * the mean and standard deviation of all m·n draws, split {@link SplitRhat R̂}, {@link EffectiveSampleSize ESS}
 * and the Monte Carlo standard error of the mean {@code sd_j / √ESS_j} (Gelman et al., BDA3 §11.5).
 */
public final class ChainMoments {
    private final int chains;
    private final int warmup;
    private final int steps;
    private final int leapfrogSteps;

    /** The moments with their diagnostics (arrays of length d). */
    public record Result(double[] mean, double[] std, double[] rhat, double[] ess, double[] meanError, double acceptance,
                         String method) {

        public double maxRhat() {
            double m = 0;
            for (double r : rhat) {
                m = Math.max(m, r);
            }
            return m;
        }

        public double minEss() {
            double m = Double.POSITIVE_INFINITY;
            for (double e : ess) {
                m = Math.min(m, e);
            }
            return m;
        }
    }

    public ChainMoments(int chains, int warmup, int steps, int leapfrogSteps) {
        if (chains < 2 || warmup < 0 || steps < 4 || leapfrogSteps < 1) {
            throw new IllegalArgumentException("chain moments: need chains >= 2, warmup >= 0, steps >= 4, leapfrog >= 1;"
                    + " got " + chains + ", " + warmup + ", " + steps + ", " + leapfrogSteps);
        }
        this.chains = chains;
        this.warmup = warmup;
        this.steps = steps;
        this.leapfrogSteps = leapfrogSteps;
    }

    public Result run(Target target, LaplaceApproximation laplace, UniformRandomProvider rng) {
        WhitenedTarget w = new WhitenedTarget(target, laplace);
        int d = target.dimension();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj z0 = new DMatrixRMaj(chains, d);
        for (int k = 0; k < z0.data.length; k++) {
            z0.data[k] = 2 * g.sample();
        }
        McmcResult r = new McmcSampler(new Hmc(leapfrogSteps), 0.3, warmup, steps, 1).run(w, z0, rng);
        DMatrixRMaj x = w.toTarget(r.samples());
        int n = x.numRows / chains;
        double[] mean = new double[d];
        double[] std = new double[d];
        double[] rhat = new double[d];
        double[] ess = new double[d];
        double[] se = new double[d];
        for (int j = 0; j < d; j++) {
            double[][] c = new double[chains][n];
            double s = 0;
            double s2 = 0;
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < chains; k++) {
                    double v = x.data[(t * chains + k) * d + j];
                    c[k][t] = v;
                    s += v;
                }
            }
            mean[j] = s / (n * (double) chains);
            for (double[] ck : c) {
                for (double v : ck) {
                    s2 += (v - mean[j]) * (v - mean[j]);
                }
            }
            std[j] = Math.sqrt(s2 / (n * (double) chains - 1));
            rhat[j] = SplitRhat.of(c);
            ess[j] = EffectiveSampleSize.of(c);
            se[j] = std[j] / Math.sqrt(ess[j]);
        }
        String method = String.format(java.util.Locale.ROOT,
                "HMC(L=%d) on the Laplace-whitened target, %d chains × %d draws after %d warm-up, acceptance %.3f",
                leapfrogSteps, chains, steps, warmup, r.acceptanceRate());
        return new Result(mean, std, rhat, ess, se, r.acceptanceRate(), method);
    }
}
