package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManyWellTest {

    @Test
    void quadratureLogZMatchesReference() {
        assertEquals(-0.541056, ManyWell.mw5().logZ().getAsDouble(), 1e-5);
        assertEquals(42.817243, ManyWell.mw50().logZ().getAsDouble(), 1e-5);
    }

    @Test
    void quadratureIsExactOnAGaussian() {
        assertEquals(Math.sqrt(Math.PI), Quadrature.adaptiveSimpson(x -> Math.exp(-x * x), -12, 12, 1e-13), 1e-12);
    }

    /** δ = 4 and 2 use the shifted envelope, δ = 0 and −1 the centred one: moments against quadrature. */
    @ParameterizedTest
    @ValueSource(doubles = {4.0, 2.0, 0.5, 0.0, -1.0})
    void doubleWellSamplerMatchesQuadratureMoments(double delta) {
        DoubleWell well = new DoubleWell(delta);
        assertTrue(well.acceptanceRate() > 0.3, "acceptance " + well.acceptanceRate());
        ManyWell mw = new ManyWell(2, 1, delta);
        DMatrixRMaj x = mw.sample(100_000, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        String what = "double well δ=" + delta;
        SampleMoments.assertExpectation(what, x, 0, v -> v, 0.0, 5);
        SampleMoments.assertExpectation(what, x, 0, v -> v * v, well.expectation(v -> v * v), 5);
        SampleMoments.assertExpectation(what, x, 0, v -> v * v * v * v, well.expectation(v -> v * v * v * v), 5);
        SampleMoments.assertExpectation(what, x, 0, v -> v > 0.5 * Math.sqrt(Math.max(delta, 0)) + 0.3 ? 1 : 0,
                well.expectation(v -> v > 0.5 * Math.sqrt(Math.max(delta, 0)) + 0.3 ? 1 : 0), 5);
        SampleMoments.assertVariance(what, x, 1, 1.0, 5);
    }

    @Test
    void mw50GaussianCoordinatesAreStandardNormal() {
        DMatrixRMaj x = ManyWell.mw50().sample(20_000, RandomSource.XO_RO_SHI_RO_128_PP.create(12L));
        for (int j = 5; j < 50; j += 11) {
            SampleMoments.assertMean("mw50", x, j, 0, 5);
            SampleMoments.assertVariance("mw50", x, j, 1, 5);
        }
    }

    @Test
    void invalidParametersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ManyWell(3, 5, 1.0));
        assertTrue(e.getMessage().contains("manywell") && e.getMessage().contains("w"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ManyWell(3, 1, Double.NaN));
    }
}
