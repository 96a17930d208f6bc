package org.girsanov.samplers.schrodinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.TimeGrid;
import org.junit.jupiter.api.Test;

/**
 * {@link ReciprocalProjection}: paths of one reference projected onto another keep their end points and pass the other's
 * {@link ReciprocalCheck} (which they failed before), on a non-uniform grid; the pinned weights over a sub-interval
 * ({@link OuReference#pinnedStartWeight(double, double)}) are checked through it.
 */
class ReciprocalProjectionTest {
    @Test
    void projectedPathsHaveTheTargetReferencesBridgesAndTheirOwnEnds() {
        TimeGrid grid = TimeGrid.power(1.0, 12, 2.0);
        OuReference from = new OuReference(1.5, 2.0);
        List<DMatrixRMaj> x = ReciprocalCheckTest.referencePaths(from, grid, 6);
        for (OuReference onto : new OuReference[] {new OuReference(1.5, 0.0), new OuReference(0.8, -1.0)}) {
            ReciprocalCheck.Pinned before = ReciprocalCheck.of(onto, x, grid).get(5);
            assertTrue(Math.abs(before.varianceRatio() - 1) > 0.15 || before.weightError() > 0.1, "seen before: " + before);
            List<DMatrixRMaj> y = ReciprocalProjection.of(onto, x, grid, RandomSource.XO_RO_SHI_RO_128_PP.create(7));
            assertSame(x.get(0), y.get(0));
            assertSame(x.get(12), y.get(12));
            for (ReciprocalCheck.Pinned p : ReciprocalCheck.of(onto, y, grid)) {
                assertEquals(p.referenceStartWeight(), p.startWeight(), 0.02, "A_t at " + p.time());
                assertEquals(p.referenceEndWeight(), p.endWeight(), 0.02, "B_t at " + p.time());
                assertEquals(1.0, p.varianceRatio(), 0.04, "s_t^2 at " + p.time());
            }
        }
    }

    /** On {@code [0, h]} the pinned weights are those of {@code [0, 1]} for the time-rescaled process at {@code α = 0}. */
    @Test
    void pinnedWeightsOverAnIntervalOfLengthH() {
        OuReference b = new OuReference(1.5, 0.0);
        assertEquals(b.pinnedVariance(0.25), b.pinnedVariance(0.5, 2.0) / 2.0, 1e-15);
        assertEquals(b.pinnedEndWeight(0.25), b.pinnedEndWeight(0.5, 2.0), 1e-15);
        OuReference q = new OuReference(1.5, 2.0);
        assertEquals(q.pinnedStartWeight(0.3), q.pinnedStartWeight(0.3, 1.0), 0.0);
        assertEquals(0.0, q.pinnedVariance(0.7, 0.7), 1e-15);
        assertEquals(1.0, q.pinnedEndWeight(0.7, 0.7), 1e-15);
    }

    @Test
    void badInputIsNamed() {
        TimeGrid grid = TimeGrid.uniform(1.0, 4);
        List<DMatrixRMaj> x = ReciprocalCheckTest.referencePaths(new OuReference(1, 0), grid, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReciprocalProjection.of(
                new OuReference(1, 0), x.subList(0, 3), grid, RandomSource.XO_RO_SHI_RO_128_PP.create(1)));
        assertTrue(e.getMessage().contains("path has 3 states; the grid has 5 times"), e.getMessage());
    }
}
