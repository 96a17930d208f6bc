package org.girsanov.samplers.metrics;

import static org.girsanov.samplers.metrics.LogWeightsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {
    private static final DMatrixRMaj MEANS = new DMatrixRMaj(new double[][] {{-5, 0}, {5, 0}, {0, 5}});
    private static final double[] EQUAL = {1, 1, 1};

    /** n0, n1, n2 samples placed near the three means. */
    private static DMatrixRMaj samples(int n0, int n1, int n2) {
        DMatrixRMaj s = new DMatrixRMaj(n0 + n1 + n2, 2);
        int r = 0;
        int[] n = {n0, n1, n2};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n[c]; i++, r++) {
                s.set(r, 0, MEANS.get(c, 0) + 0.1 * (i % 7 - 3));
                s.set(r, 1, MEANS.get(c, 1) - 0.1 * (i % 5 - 2));
            }
        }
        return s;
    }

    @Test
    void countsAndFraction() {
        ModeCoverage.Result r = ModeCoverage.compute(MEANS, EQUAL, samples(50, 50, 0));
        assertArrayEquals(new int[] {50, 50, 0}, r.counts());
        assertEquals(2, r.covered());
        assertEquals(2.0 / 3, r.fraction(), 1e-15);
    }

    /** {@code Σ_c |ŵ_c − w_c|}: every mode found but with the wrong weights still shows. */
    @Test
    void modeWeightError() {
        ModeCoverage.Result r = ModeCoverage.compute(MEANS, EQUAL, samples(50, 50, 0));
        assertEquals(2 * (0.5 - 1.0 / 3) + 1.0 / 3, r.weightError(EQUAL), 1e-15);
        double[] w = {0.2, 0.3, 0.5};
        assertEquals(0.0, ModeCoverage.compute(MEANS, w, samples(20, 30, 50)).weightError(w), 1e-15);
        ModeCoverage.Result all = ModeCoverage.compute(MEANS, w, samples(34, 33, 33));
        assertEquals(1.0, all.fraction(), "every mode covered");
        assertEquals(0.14 + 0.03 + 0.17, all.weightError(w), 1e-12, "yet the weights are equal, not 0.2/0.3/0.5");
    }

    @Test
    void onePercentOfExpectedShare() {
        // K = 1000, expected share 333.3, 1% of it = 3.33: 3 samples are not enough, 4 are
        assertEquals(2, ModeCoverage.compute(MEANS, EQUAL, samples(500, 497, 3)).covered());
        assertEquals(3, ModeCoverage.compute(MEANS, EQUAL, samples(500, 496, 4)).covered());
        // unnormalised weights: mode 2 expects 0.8·1000 → needs 8
        double[] w = {1, 1, 8};
        assertEquals(2, ModeCoverage.compute(MEANS, w, samples(500, 493, 7)).covered());
        assertEquals(3, ModeCoverage.compute(MEANS, w, samples(500, 492, 8)).covered());
    }

    @Test
    void suppliedAssignment() {
        ModeCoverage.Result r = ModeCoverage.compute(2, new double[] {1, 1}, samples(10, 20, 5),
                x -> x[0] < -2.5 ? 0 : 1, 0.01);
        assertArrayEquals(new int[] {10, 25}, r.counts());
        assertEquals(1.0, r.fraction(), 0.0);
    }

    @Test
    void badInput() {
        assertMessage(() -> ModeCoverage.compute(MEANS, new double[] {1, 1}, samples(1, 1, 1)), "weights");
        assertMessage(() -> ModeCoverage.compute(MEANS, new double[] {1, 0, 1}, samples(1, 1, 1)), "weights[1]");
        assertMessage(() -> ModeCoverage.compute(MEANS, EQUAL, new DMatrixRMaj(3, 3)), "columns");
        assertMessage(() -> ModeCoverage.compute(2, new double[] {1, 1}, samples(1, 1, 1), x -> 2, 0.01),
                "assignment");
    }
}
