package org.girsanov.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Split R̂ and ESS against their closed forms on independent and AR(1) chains. */
class ChainDiagnosticsTest {

    /** m AR(1) chains {@code x_t = φ x_{t−1} + √(1 − φ²) ξ_t}, stationary N(shift_c, 1). */
    static double[][] ar1(int m, int n, double phi, double[] shift, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] c = new double[m][n];
        for (int k = 0; k < m; k++) {
            double x = g.sample();
            for (int t = 0; t < n; t++) {
                x = phi * x + Math.sqrt(1 - phi * phi) * g.sample();
                c[k][t] = x + shift[k];
            }
        }
        return c;
    }

    @Test
    void independentDraws() {
        double[][] c = ar1(4, 5000, 0.0, new double[4], 1);
        assertEquals(1.0, SplitRhat.of(c), 0.005);
        assertEquals(20000, EffectiveSampleSize.of(c), 0.1 * 20000);
    }

    @Test
    void autocorrelatedDrawsHaveTheAr1Ess() {
        for (double phi : new double[] {0.5, 0.9}) {
            double[][] c = ar1(4, 20000, phi, new double[4], 2);
            double expected = 80000 * (1 - phi) / (1 + phi);
            assertEquals(expected, EffectiveSampleSize.of(c), 0.15 * expected, "φ = " + phi);
            assertTrue(SplitRhat.of(c) < 1.01);
        }
    }

    @Test
    void chainsThatDisagreeHaveLargeRhat() {
        double[][] c = ar1(4, 2000, 0.3, new double[] {0, 0, 0, 1.5}, 3);
        assertTrue(SplitRhat.of(c) > 1.1, "R̂ = " + SplitRhat.of(c));
        // a trend within each chain is caught by splitting
        double[][] trend = new double[2][1000];
        for (int t = 0; t < 1000; t++) {
            trend[0][t] = t / 100.0;
            trend[1][t] = t / 100.0;
        }
        assertTrue(SplitRhat.of(trend) > 1.5);
        assertThrows(IllegalArgumentException.class, () -> SplitRhat.of(new double[][] {{1, 2, 3, 4}, {1, 2}}));
    }
}
