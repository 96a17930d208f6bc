package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** {@link Sigmoid} against {@code 1/(1 + e^{−x})} in {@link Math#exp}, and its vector loop against its scalar one. */
class SigmoidTest {

    /** The textbook stable form, branching on the sign, in {@link Math#exp}. */
    private static double reference(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    @Test
    void withinFourUlpsOfTheStableFormWhereverSigmaIsAboveTheClamp() {
        UniformRandomProvider rng = TestData.rng(7);
        double worst = 0;
        for (int i = 0; i < 100_000; i++) {
            double x = (2 * rng.nextDouble() - 1) * (i % 2 == 0 ? 8 : 700);
            double want = reference(x);
            worst = Math.max(worst, Math.abs(Sigmoid.of(x) - want) / Math.ulp(want));
        }
        assertTrue(worst <= 4.0, "max error " + worst + " ulp");
        assertEquals(0.5, Sigmoid.of(0.0), 0.0);
        assertEquals(1.0, Sigmoid.of(800), 0.0, "saturates to 1");
        assertTrue(Sigmoid.of(-800) >= 0 && Sigmoid.of(-800) < 1e-300, "below the clamp: under 1e-300, not NaN");
        assertEquals(1.0, Sigmoid.of(Double.POSITIVE_INFINITY), 0.0);
        assertTrue(Sigmoid.of(Double.NEGATIVE_INFINITY) < 1e-300);
        assertTrue(Double.isNaN(Sigmoid.of(Double.NaN)));
        // σ(x) + σ(−x) = 1 to rounding
        for (double x : new double[] {0.1, 1.7, 6, 30}) {
            assertEquals(1.0, Sigmoid.of(x) + Sigmoid.of(-x), Math.ulp(1.0), "σ(" + x + ") + σ(−" + x + ")");
        }
    }

    @Test
    void inPlaceIsTheScalarFormulaBitForBitOnARangeOffTheVectorWidth() {
        UniformRandomProvider rng = TestData.rng(9);
        int len = 10_001;
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            x[i] = i < 50 ? -720 + 29 * i : (2 * rng.nextDouble() - 1) * (i % 3 == 0 ? 40 : 3);
        }
        double[] in = x.clone();
        Sigmoid.inPlace(in, 3, len - 5);
        for (int i = 0; i < len; i++) {
            assertEquals(i >= 3 && i < len - 5 ? Sigmoid.of(x[i]) : x[i], in[i], 0.0, "Sigmoid.inPlace at " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Sigmoid.inPlace(in, 2, len + 1));
        assertThrows(IllegalArgumentException.class, () -> Sigmoid.inPlace(in, 5, 4));
    }
}
