package org.girsanov.samplers.metrics;

import static org.girsanov.samplers.metrics.LogWeightsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MmdTest {
    private final DMatrixRMaj x = TestData.gaussian(400, 2, 0.0, 1.0, 11);
    private final DMatrixRMaj y = TestData.gaussian(400, 2, 0.0, 1.0, 12);
    private final DMatrixRMaj shifted = TestData.gaussian(400, 2, 1.0, 1.0, 13);

    @Test
    void sameDistributionNearZeroShiftedClearlyPositive() {
        double same = Mmd.unbiased(x, y);
        double diff = Mmd.unbiased(x, shifted);
        assertTrue(Math.abs(same) < 0.01, "same: " + same);
        assertTrue(diff > 0.05, "shifted: " + diff);
        assertTrue(Mmd.biased(x, shifted) > 0.05);
    }

    @Test
    void matchesClosedFormForGaussians() {
        // N(0,I) vs N(δ,I), kernel exp(−r²/(2h²)), d = 2:
        // MMD² = 2 (h²/(h²+2))^{d/2} (1 − exp(−|δ|²/(2(h²+2)))), here |δ|² = 2, h = 1.5
        double h = 1.5;
        double exact = 2 * (h * h / (h * h + 2)) * (1 - Math.exp(-2.0 / (2 * (h * h + 2))));
        assertEquals(exact, Mmd.unbiased(x, shifted, h), 0.02);
    }

    @Test
    void symmetricAndBiasedAboveUnbiased() {
        assertEquals(Mmd.unbiased(x, shifted), Mmd.unbiased(shifted, x), 1e-12);
        assertEquals(Mmd.biased(x, y), Mmd.biased(y, x), 1e-12);
        assertTrue(Mmd.biased(x, y) >= 0);
        assertTrue(Mmd.biased(x, y, 1.0) > Mmd.unbiased(x, y, 1.0));
    }

    @Test
    void medianHeuristic() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{0}, {1}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{3}});
        assertEquals(2.0, Mmd.medianHeuristic(a, b), 0.0); // distances 1, 3, 2
        DMatrixRMaj big = TestData.gaussian(900, 3, 0.0, 1.0, 5);
        double h = Mmd.medianHeuristic(big, big);          // 1800 pooled points: subsampled
        assertEquals(h, Mmd.medianHeuristic(big, big), 0.0);
        assertEquals(Math.sqrt(2 * 3), h, 0.3);            // median of |z−z'| for N(0,I₃) ≈ √(2·2.37)
    }

    @Test
    void badInput() {
        assertMessage(() -> Mmd.unbiased(x, new DMatrixRMaj(5, 3)), "columns");
        assertMessage(() -> Mmd.unbiased(x, new DMatrixRMaj(1, 2)), "y");
        assertMessage(() -> Mmd.unbiased(x, y, 0.0), "h");
    }
}
