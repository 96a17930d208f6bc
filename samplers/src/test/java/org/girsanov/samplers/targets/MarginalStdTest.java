package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Target#marginalStd()}: the closed forms and quadratures against the exact samplers (sample variance within
 * 5 standard errors) and, for the funnel, whose sample variance converges too slowly, against a quadrature of the
 * law of total variance; decorators forward it.
 */
class MarginalStdTest {
    private static final int N = 100_000;

    private static void checkAgainstSamples(Target t, long seed) {
        double[] std = t.marginalStd().orElseThrow();
        assertEquals(t.dimension(), std.length, t.name());
        DMatrixRMaj x = t.sample(N, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        for (int j = 0; j < std.length; j++) {
            SampleMoments.assertVariance(t.name() + " coordinate " + j, x, j, std[j] * std[j], 5.0);
        }
    }

    @Test
    void mixturesGaussiansAndManyWellsMatchTheirExactSamplers() {
        checkAgainstSamples(GridMixture.gmm9(), 1L);
        checkAgainstSamples(Gmm40.create(), 2L);
        checkAgainstSamples(new GaussianMixture("unequal", new double[][] {{0, 0, 0}, {3, -1, 2}},
                new DMatrixRMaj[] {ExactSamplerMomentsTest.fullCov(), new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 0.3}})},
                new double[] {0.3, 0.7}), 3L);
        checkAgainstSamples(new GaussianTarget("g3", new double[] {1, -2, 0.5}, ExactSamplerMomentsTest.fullCov(), 0.0), 4L);
        checkAgainstSamples(ManyWell.mw5(), 5L);
        checkAgainstSamples(new ManyWell(4, 2, 1.0), 6L);
        checkAgainstSamples(new ManyWell(3, 3, -0.5), 7L);
    }

    @Test
    void gmm9HasTheGridVariance() {
        // modes on {−5, 0, 5}², variance 0.3: E[x²] = (2/3)·25 + 0.3, mean 0
        double[] std = GridMixture.gmm9().marginalStd().orElseThrow();
        assertArrayEquals(new double[] {Math.sqrt(50.0 / 3 + 0.3), Math.sqrt(50.0 / 3 + 0.3)}, std, 1e-12);
    }

    @Test
    void funnelStdIsTheLawOfTotalVariance() {
        for (double s : new double[] {3.0, 1.0, 0.5}) {
            Funnel f = new Funnel(4, s);
            double[] std = f.marginalStd().orElseThrow();
            assertEquals(s, std[0], 0.0);
            // Var x_i = E[e^{x₁}] = ∫ e^x N(x; 0, s²) dx, by quadrature
            double l = 12 * s + s * s;
            double ex = Quadrature.adaptiveSimpson(
                    x -> Math.exp(x - x * x / (2 * s * s)) / Math.sqrt(2 * Math.PI * s * s), -l, l, 1e-12);
            for (int j = 1; j < 4; j++) {
                assertEquals(Math.sqrt(ex), std[j], 1e-8 * Math.sqrt(ex), "s = " + s + ", coordinate " + j);
            }
        }
        DMatrixRMaj x = new Funnel(3, 0.5).sample(N, RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
        double[] std = new Funnel(3, 0.5).marginalStd().orElseThrow();
        for (int j = 0; j < 3; j++) {
            SampleMoments.assertVariance("funnel s = 0.5, coordinate " + j, x, j, std[j] * std[j], 5.0);
        }
    }

    @Test
    void decoratorsForwardAndOtherTargetsHaveNone() {
        assertArrayEquals(ManyWell.mw5().marginalStd().orElseThrow(),
                new CountingTarget(ManyWell.mw5()).marginalStd().orElseThrow(), 0.0);
        assertTrue(new EightSchools(EightSchools.Form.CENTRED).marginalStd().isEmpty());
    }
}
