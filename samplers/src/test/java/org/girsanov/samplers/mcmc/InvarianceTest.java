package org.girsanov.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.SampleMoments;
import org.junit.jupiter.api.Test;

/**
 * MALA and HMC leave a Gaussian invariant: chains started at exact samples are, after any number of
 * steps, still exact samples (first two moments within 5 standard errors). ULA is not: its stationary
 * variance on N(0, 1) is 1/(1 − ε/2), which the same band detects.
 */
class InvarianceTest {
    private static final int CHAINS = 4000;

    static GaussianTarget target() {
        DMatrixRMaj cov = new DMatrixRMaj(new double[][] {{2.0, 0.6, -0.3}, {0.6, 1.0, 0.2}, {-0.3, 0.2, 0.5}});
        return new GaussianTarget("g3", new double[] {1, -2, 0.5}, cov, 2.0);
    }

    private static void checkInvariant(McmcKernel kernel, double eps, long seed) {
        GaussianTarget g = target();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        DMatrixRMaj x0 = g.sample(CHAINS, rng);
        McmcResult r = new McmcSampler(kernel, eps, 0, 25, 25).run(g, x0, rng);
        assertEquals(CHAINS, r.samples().numRows);
        double[] var = {2.0, 1.0, 0.5};
        SampleMoments.assertMeanAndVariance(kernel.name(), r.samples(), g.mean(), var, 5);
        assertTrue(r.acceptanceRate() > 0.3 && r.acceptanceRate() < 0.99, "acceptance " + r.acceptanceRate());
    }

    @Test
    void malaLeavesGaussianInvariant() {
        checkInvariant(new Mala(), 0.4, 31L);
    }

    @Test
    void hmcLeavesGaussianInvariant() {
        checkInvariant(new Hmc(5), 0.35, 32L);
    }

    @Test
    void ulaHasItsKnownBiasAndMalaRemovesIt() {
        GaussianTarget g = GaussianTarget.standard(1);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(33L);
        double eps = 0.5;
        DMatrixRMaj x0 = g.sample(CHAINS, rng);
        DMatrixRMaj ula = new McmcSampler(new Ula(), eps, 0, 40, 40).run(g, x0, rng).samples();
        SampleMoments.assertMeanAndVariance("ULA", ula, new double[] {0}, new double[] {1 / (1 - eps / 2)}, 5);
        DMatrixRMaj mala = new McmcSampler(new Mala(), eps, 0, 40, 40).run(g, x0, rng).samples();
        SampleMoments.assertMeanAndVariance("MALA", mala, new double[] {0}, new double[] {1}, 5);
    }
}
