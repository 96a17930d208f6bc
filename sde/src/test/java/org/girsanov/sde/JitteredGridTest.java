package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link TimeGrid#jittered}: end points kept, every step within {@code (1 ± 2a) T/N}, seeded, non-uniform. */
class JitteredGridTest {
    @Test
    void stepsStayWithinTheJitterBoundsAndTheEndPointsAreKept() {
        RandomStreams streams = new RandomStreams(3);
        double lo = 1;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            int steps = 1 + i % 37;
            double horizon = 0.5 + i % 5;
            TimeGrid g = TimeGrid.jittered(horizon, steps, streams.stream(i, 0, 1));
            assertEquals(steps, g.steps());
            assertEquals(0.0, g.start());
            assertEquals(horizon, g.end());
            for (int n = 0; n < steps; n++) {
                double r = g.dt(n) * steps / horizon;
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
            if (steps > 2) {
                assertFalse(g.isUniform(), "a jittered grid of " + steps + " steps came out uniform");
            }
        }
        double a = TimeGrid.JITTER;
        assertTrue(lo >= 1 - 2 * a - 1e-12 && hi <= 1 + 2 * a + 1e-12, "steps / (T/N) in [" + lo + ", " + hi + "]");
        // the bounds are reached up to sampling: the jitter is not silently narrower than documented
        assertTrue(lo < 1 - 1.5 * a && hi > 1 + 1.5 * a, "steps / (T/N) only in [" + lo + ", " + hi + "]");
    }

    @Test
    void theSameStreamGivesTheSameGridAndAnotherStreamAnother() {
        RandomStreams streams = new RandomStreams(11);
        TimeGrid a = TimeGrid.jittered(5.0, 25, streams.stream(4, 0, 19));
        assertEquals(a, TimeGrid.jittered(5.0, 25, streams.stream(4, 0, 19)));
        assertNotEquals(a, TimeGrid.jittered(5.0, 25, streams.stream(5, 0, 19)));
    }
}
