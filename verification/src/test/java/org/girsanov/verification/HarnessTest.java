package org.girsanov.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness itself: failures print seed and instance, replay reproduces them, statistics are calibrated. */
class HarnessTest {

    @Test
    void failurePrintsSeedAndInstanceAndReplayReproducesIt() {
        Generator<Generators.Shape> gen = Generators.shapes(50, 5);
        Property.Check<Generators.Shape> check = (s, rng) ->
                new Verdict("small", s.rows() < 40, Map.of("rows", (double) s.rows()), "rows < 40");
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(gen, 200, 3, check));
        assertTrue(f.getMessage().contains("trialSeed = " + f.trialSeed()), f.getMessage());
        assertTrue(f.getMessage().contains("Shape[rows="), f.getMessage());
        PropertyFailure again = assertThrows(PropertyFailure.class, () -> Property.replay(gen, f.trialSeed(), check));
        assertEquals(f.getMessage().substring(f.getMessage().indexOf("instance")),
                again.getMessage().substring(again.getMessage().indexOf("instance")));
    }

    @Test
    void passingPropertyReturnsAllVerdicts() {
        assertEquals(25, Property.forAll(Generators.shapes(5, 5), 25, 1,
                (s, rng) -> new Verdict("positive", s.rows() > 0, Map.of(), "")).size());
    }

    @Test
    void meanAssertionHasTheStatedFalseAlarmRate() {
        // 2000 trials of a true null at k = 2: false alarms ~ Binomial(2000, 0.0455); accept within 5 sd.
        int alarms = 0;
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
        var z = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        for (int trial = 0; trial < 2000; trial++) {
            double[] x = new double[50];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 + z.sample();
            }
            if (!Statistics.meanWithin("null", x, 3, 2, 0).passed()) {
                alarms++;
            }
        }
        double p = Statistics.falseAlarmRate(2);
        assertEquals(0.0455, p, 1e-3);
        // t-distribution with 49 dof makes the true rate ≈ 0.051; band covers both.
        assertTrue(Math.abs(alarms - 2000 * 0.048) < 5 * Math.sqrt(2000 * 0.048), "alarms " + alarms);
        assertTrue(!Statistics.orderWithin("o", 0.2, 0.4, 2).passed());
    }
}
