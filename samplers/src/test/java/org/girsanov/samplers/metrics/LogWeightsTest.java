package org.girsanov.samplers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogWeightsTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void handComputedWeights() {
        // w = (1, 2, 3): Σw = 6, Σw² = 14, K = 3
        double[] l = {0.0, Math.log(2), Math.log(3)};
        assertEquals((Math.log(2) + Math.log(3)) / 3, LogWeights.logZLowerBound(l), 1e-15);
        assertEquals(Math.log(2), LogWeights.logZImportance(l), 1e-15);
        assertEquals(36.0 / (3 * 14), LogWeights.effectiveSampleSize(l), 1e-15);
        assertEquals(LogWeights.logZLowerBound(l), LogWeights.eubo(l), 0.0);
    }

    @Test
    void extremeLogWeightsDoNotOverflow() {
        double[] l = {1e5, -1e5, NEG_INF};
        assertEquals(1e5 - Math.log(3), LogWeights.logZImportance(l), 1e-9);
        assertEquals(1.0 / 3, LogWeights.effectiveSampleSize(l), 1e-15);
        assertEquals(0.0, LogWeights.logZLowerBound(new double[] {1e5, -1e5}), 0.0);

        double[] big = {1e5, 1e5 + Math.log(2), 1e5 + Math.log(3)};
        assertEquals(1e5 + Math.log(2), LogWeights.logZImportance(big), 1e-9);
        assertEquals(6.0 / 7, LogWeights.effectiveSampleSize(big), 1e-12);
        double[] small = {-1e5, -1e5 + Math.log(2), -1e5 + Math.log(3)};
        assertEquals(-1e5 + Math.log(2), LogWeights.logZImportance(small), 1e-9);
        assertEquals(6.0 / 7, LogWeights.effectiveSampleSize(small), 1e-12);
    }

    @Test
    void essOfEqualWeightsIsOneAndOfADominantWeightIsOneOverK() {
        double[] eq = new double[100];
        java.util.Arrays.fill(eq, -123.4);
        assertEquals(1.0, LogWeights.effectiveSampleSize(eq), 1e-14);
        assertEquals(-123.4, LogWeights.logZImportance(eq), 1e-12);
        double[] dom = new double[100];
        java.util.Arrays.fill(dom, -60.0);
        dom[17] = 0.0;
        assertEquals(0.01, LogWeights.effectiveSampleSize(dom), 1e-12);
    }

    @Test
    void zeroWeights() {
        assertEquals(Math.log(0.5), LogWeights.logZImportance(new double[] {0.0, NEG_INF}), 1e-15);
        assertEquals(0.5, LogWeights.effectiveSampleSize(new double[] {0.0, NEG_INF}), 1e-15);
        assertEquals(NEG_INF, LogWeights.logZImportance(new double[] {NEG_INF, NEG_INF}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogWeights.effectiveSampleSize(new double[] {NEG_INF, NEG_INF}));
        assertTrue(e.getMessage().contains("logW"), e.getMessage());
    }

    @Test
    void badInputNamesTheArgumentAndIndex() {
        assertMessage(() -> LogWeights.logZImportance(new double[] {0, 1, Double.NaN}), "logW[2]");
        assertMessage(() -> LogWeights.effectiveSampleSize(new double[] {Double.POSITIVE_INFINITY}), "logW[0]");
        assertMessage(() -> LogWeights.logZLowerBound(new double[] {0, NEG_INF}), "logW[1]");
        assertMessage(() -> LogWeights.eubo(new double[] {Double.NaN}), "logWBackward[0]");
        assertMessage(() -> LogWeights.logZLowerBound(new double[0]), "logW");
        assertMessage(() -> LogWeights.logZImportance(null), "logW");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable ex, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks " + fragment);
    }
}
