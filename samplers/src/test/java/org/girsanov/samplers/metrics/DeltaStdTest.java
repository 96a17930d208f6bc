package org.girsanov.samplers.metrics;

import static org.girsanov.samplers.metrics.LogWeightsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DeltaStdTest {
    private static final DMatrixRMaj S = new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}});
    private static final double SD = Math.sqrt(5.0 / 3); // std of 1,2,3,4 with divisor K−1

    @Test
    void columnStdUsesBesselCorrection() {
        assertArrayEquals(new double[] {SD, 2 * SD}, DeltaStd.columnStd(S), 1e-15);
    }

    @Test
    void againstKnownStd() {
        assertEquals(((SD - 1) + (2 * SD - 2)) / 2, DeltaStd.compute(S, new double[] {1, 2}), 1e-15);
        assertEquals(0.0, DeltaStd.compute(S, new double[] {SD, 2 * SD}), 1e-15);
    }

    @Test
    void againstReferenceSample() {
        assertEquals(0.0, DeltaStd.compute(S, S), 0.0);
        DMatrixRMaj ref = new DMatrixRMaj(new double[][] {{0, 0}, {0, 0}, {0, 3}, {0, 3}}); // stds 0 and √3
        assertEquals((SD + Math.abs(2 * SD - Math.sqrt(3))) / 2, DeltaStd.compute(S, ref), 1e-15);
    }

    @Test
    void badInput() {
        assertMessage(() -> DeltaStd.compute(S, new double[] {1}), "trueStd");
        assertMessage(() -> DeltaStd.compute(S, new double[] {1, -1}), "trueStd[1]");
        assertMessage(() -> DeltaStd.compute(S, new DMatrixRMaj(3, 3)), "columns");
        assertMessage(() -> DeltaStd.compute(new DMatrixRMaj(1, 2), S), "samples");
        DMatrixRMaj bad = S.copy();
        bad.set(2, 1, Double.NaN);
        assertMessage(() -> DeltaStd.compute(bad, S), "samples(2, 1)");
    }
}
