package org.girsanov.benchmarks.baselines;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.annealed.AnnealedResult;
import org.girsanov.samplers.annealed.Ais;
import org.girsanov.samplers.annealed.BetaSchedule;
import org.girsanov.samplers.annealed.Smc;
import org.girsanov.samplers.annealed.SystematicResampling;
import org.girsanov.samplers.mcmc.Hmc;
import org.girsanov.samplers.mcmc.Mala;
import org.girsanov.samplers.mcmc.McmcKernel;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.mcmc.McmcSampler;
import org.girsanov.samplers.mcmc.ParallelTempering;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;

/**
 * The classical methods and their allocation, in one place for the baseline table ({@link BaselineBenchmark}) and
 * the efficiency curves ({@link EfficiencyCurves}): MALA 500 chains (20% warm-up); HMC 500 chains, L = 10; PT 10
 * rungs (β_min = 0.01, MALA moves) × 100 chains; AIS and SMC 1000 particles, one MALA transition per level,
 * {@code β_k = (k/K)²}, SMC resampling at ESS &lt; 0.5. Every method starts from the same prior {@code N(0, σ²I)}.
 */
final class BaselineMethods {
    /** MCMC chains of MALA and HMC. */
    static final int CHAINS = 500;
    /** Leapfrog steps of HMC. */
    static final int LEAPFROG = 10;
    /** Temperature rungs of PT. */
    static final int RUNGS = 10;
    /** Chains per rung of PT. */
    static final int PT_CHAINS = 100;
    /** Particles of AIS and SMC. */
    static final int PARTICLES = 1000;

    private BaselineMethods() {
    }

    /** A method run with {@code units} steps (MCMC: steps with 20% warm-up; PT: rounds; AIS, SMC: levels). */
    record Method(String name, Budgets.Run run) {
    }

    /**
     * Every method, keeping {@code samples} states after warm-up (MCMC, thinned evenly).
     *
     * @param sigma the prior's {@code σ}
     */
    static List<Method> all(Target target, double sigma, int samples) {
        IsotropicGaussian prior = IsotropicGaussian.centred(target.dimension(), sigma);
        return List.of(
                new Method("MALA", (u, r) -> mcmc(new Mala(), u, samples).run(target, prior.sample(CHAINS, r), r)),
                new Method("HMC(L=10)", (u, r) -> mcmc(new Hmc(LEAPFROG), u, samples).run(target, prior.sample(CHAINS, r), r)),
                new Method("PT(K=10)", (u, r) -> new ParallelTempering(new Mala(), RUNGS, 0.01, null, 0.1, (int) (u / 5),
                        (int) (u - u / 5), thin(u - u / 5, PT_CHAINS, samples)).run(target, prior.sample(PT_CHAINS, r), r)),
                new Method("AIS-MALA", (u, r) -> new Ais(new Mala(), sigma, BetaSchedule.power((int) u, 2.0), 1, 0.1)
                        .run(target, PARTICLES, r)),
                new Method("SMC-MALA", (u, r) -> new Smc(new Mala(), sigma, BetaSchedule.power((int) u, 2.0), 1, 0.1, 0.5)
                        .run(target, PARTICLES, r)));
    }

    /** The method of {@link #all} named {@code name}. */
    static Method named(String name, Target target, double sigma, int samples) {
        return all(target, sigma, samples).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no baseline method named " + name));
    }

    /**
     * A result's unweighted samples: MCMC, the last {@code k} states; annealed, every particle systematically
     * resampled by its weight ({@code rng} draws the resampling).
     */
    static DMatrixRMaj samples(Object result, int k, UniformRandomProvider rng) {
        if (result instanceof McmcResult m) {
            DMatrixRMaj x = m.samples();
            return x.numRows <= k ? x : rows(x, x.numRows - k, k);
        }
        AnnealedResult a = (AnnealedResult) result;
        int[] idx = SystematicResampling.indices(a.logWeights(), rng);
        DMatrixRMaj x = a.samples();
        DMatrixRMaj s = new DMatrixRMaj(idx.length, x.numCols);
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x.data, idx[i] * x.numCols, s.data, i * x.numCols, x.numCols);
        }
        return s;
    }

    /** Rows {@code from … from + k − 1} of {@code x}. */
    static DMatrixRMaj rows(DMatrixRMaj x, int from, int k) {
        DMatrixRMaj s = new DMatrixRMaj(k, x.numCols);
        System.arraycopy(x.data, from * x.numCols, s.data, 0, k * x.numCols);
        return s;
    }

    private static McmcSampler mcmc(McmcKernel kernel, long units, int samples) {
        return new McmcSampler(kernel, 0.1, (int) (units / 5), (int) (units - units / 5),
                thin(units - units / 5, CHAINS, samples));
    }

    private static int thin(long steps, int chains, int samples) {
        long perChain = Math.max(1, samples / chains);
        return (int) Math.max(1, steps / perChain);
    }
}
