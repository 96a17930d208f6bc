package org.girsanov.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.GridMixture;
import org.junit.jupiter.api.Test;

public class ParallelTemperingTest {

    /** Share of samples nearest to each component mean. */
    public static double[] modeShares(GaussianMixture m, DMatrixRMaj x) {
        DMatrixRMaj mu = m.means();
        double[] share = new double[mu.numRows];
        for (int i = 0; i < x.numRows; i++) {
            int best = 0;
            double bd = Double.POSITIVE_INFINITY;
            for (int k = 0; k < mu.numRows; k++) {
                double dd = 0;
                for (int j = 0; j < x.numCols; j++) {
                    double v = x.get(i, j) - mu.get(k, j);
                    dd += v * v;
                }
                if (dd < bd) {
                    bd = dd;
                    best = k;
                }
            }
            share[best] += 1.0 / x.numRows;
        }
        return share;
    }

    @Test
    void visitsEveryModeOfGmm9FromOneMode() {
        GaussianMixture gmm9 = GridMixture.gmm9();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(51L);
        DMatrixRMaj x0 = new DMatrixRMaj(8, 2); // all chains start in the central mode
        ParallelTempering pt = new ParallelTempering(new Mala(), 10, 0.01, null, 0.1, 300, 1500, 1);
        McmcResult r = pt.run(gmm9, x0, rng);
        double[] share = modeShares(gmm9, r.samples());
        for (int k = 0; k < share.length; k++) {
            assertTrue(share[k] > 0.03, "mode " + k + " share " + share[k] + " of " + Arrays.toString(share));
        }
        assertEquals(9, r.swapRates().length);
        for (double s : r.swapRates()) {
            assertTrue(s > 0.1 && s <= 1, "swap rates " + Arrays.toString(r.swapRates()));
        }
        assertTrue(r.acceptanceRate() > 0.3, "acceptance " + r.acceptanceRate());
    }

    @Test
    void withoutSwapsMalaStaysInOneMode() {
        // the same budget without tempering: the test above is not trivially satisfied
        GaussianMixture gmm9 = GridMixture.gmm9();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(52L);
        McmcResult r = new McmcSampler(new Mala(), 0.1, 300, 1500, 1).run(gmm9, new DMatrixRMaj(8, 2), rng);
        double[] share = modeShares(gmm9, r.samples());
        assertTrue(share[4] > 0.95, Arrays.toString(share));
    }

    @Test
    void geometricLadder() {
        double[] b = ParallelTempering.geometricLadder(5, 0.0625);
        assertEquals(1.0, b[0]);
        assertEquals(0.5, b[1], 1e-15);
        assertEquals(0.0625, b[4], 1e-15);
    }
}
