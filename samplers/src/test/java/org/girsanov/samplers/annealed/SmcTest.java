package org.girsanov.samplers.annealed;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.samplers.mcmc.Mala;
import org.girsanov.samplers.metrics.LogWeights;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmcTest {

    @Test
    void logZOnTheGaussianPath() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(71L);
        AnnealedResult r = new Smc(new Mala(), 2.0, BetaSchedule.linear(10), 3, 0.2, 0.8).run(AisTest.target(), 2000, rng);
        assertTrue(r.resamplings() > 0, "no resampling happened");
        assertEquals(AisTest.LOG_Z, r.logZ(), 0.05);
    }

    /** Ẑ is unbiased: the mean of Ẑ/Z over independent small runs is within 5 standard errors of 1. */
    @Test
    void zHatIsUnbiasedAcrossRuns() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(72L);
        Smc smc = new Smc(new Mala(), 2.0, BetaSchedule.linear(6), 2, 0.2, 0.7);
        int runs = 200;
        double[] logZ = new double[runs];
        int resampled = 0;
        for (int i = 0; i < runs; i++) {
            AnnealedResult r = smc.run(AisTest.target(), 20, rng);
            logZ[i] = r.logZ();
            resampled += r.resamplings();
        }
        assertTrue(resampled > runs, "resamplings " + resampled);
        AisTest.assertUnbiased("SMC Ẑ", logZ, 5);
    }

    @Test
    void systematicResamplingKeepsFloorOrCeilCopies() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(73L);
        double[] logW = {Math.log(0.1), Math.log(0.45), Math.log(0.05), Math.log(0.4)};
        for (int rep = 0; rep < 100; rep++) {
            int[] idx = SystematicResampling.indices(logW, rng);
            int[] count = new int[4];
            for (int i : idx) {
                count[i]++;
            }
            double[] expected = {0.4, 1.8, 0.2, 1.6};
            for (int j = 0; j < 4; j++) {
                assertTrue(count[j] == Math.floor(expected[j]) || count[j] == Math.ceil(expected[j]),
                        "index " + j + " kept " + count[j] + " times");
            }
        }
        assertEquals(1.0, LogWeights.effectiveSampleSize(new double[] {3, 3, 3}), 1e-15);
        assertEquals(0.5, LogWeights.effectiveSampleSize(new double[] {0, 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}), 1e-15);
    }
}
