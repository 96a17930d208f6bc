package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Brownian-bridge refinement: exact sums, right variances, independent halves, same path at every level. */
class BrownianPathTest {

    private static TimeGrid randomGrid(long seed) {
        var rng = TestSupport.rng(seed);
        double horizon = 0.1 + 3 * rng.nextDouble();
        int steps = 1 + rng.nextInt(12);
        return switch (rng.nextInt(3)) {
            case 0 -> TimeGrid.uniform(horizon, steps);
            case 1 -> TimeGrid.power(horizon, steps, 0.5 + 2 * rng.nextDouble());
            default -> TimeGrid.cosine(horizon, steps);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void refinedIncrementsSumToTheCoarseIncrement(long seed) {
        TimeGrid grid = randomGrid(seed);
        BrownianPath coarse = BrownianPath.sample(grid, 7, 3, seed);
        BrownianPath fine = coarse.refine();
        for (int n = 0; n < grid.steps(); n++) {
            DMatrixRMaj c = coarse.increment(n);
            DMatrixRMaj a = fine.increment(2 * n);
            DMatrixRMaj b = fine.increment(2 * n + 1);
            for (int k = 0; k < c.getNumElements(); k++) {
                double err = Math.abs(a.data[k] + b.data[k] - c.data[k]);
                assertTrue(err <= 1e-15 * (Math.abs(a.data[k]) + Math.abs(b.data[k])),
                        "seed " + seed + " step " + n + ": " + a.data[k] + " + " + b.data[k] + " != " + c.data[k]);
            }
        }
        // W at coarse times is the same on every level.
        BrownianPath finer = fine.refine();
        for (int n = 0; n <= grid.steps(); n++) {
            assertArrayEquals(coarse.value(n).data, finer.value(4 * n).data, 1e-13);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void refinedIncrementsHaveVarianceDtAndIndependentHalves(long seed) {
        TimeGrid grid = randomGrid(seed);
        BrownianPath p = BrownianPath.sample(grid, 4000, 2, seed).refine().refine();
        // Z = ΔW/√Δt should be N(0,1): check mean and variance within 5 standard errors (false alarm ~ 6e-7 each).
        double s1 = 0;
        double s2 = 0;
        double cross = 0;
        long count = 0;
        long pairs = 0;
        for (int n = 0; n < p.grid().steps(); n++) {
            DMatrixRMaj z = p.standardNormal(n);
            DMatrixRMaj z2 = n % 2 == 0 ? p.standardNormal(n + 1) : null;
            for (int k = 0; k < z.getNumElements(); k++) {
                s1 += z.data[k];
                s2 += z.data[k] * z.data[k];
                count++;
                if (z2 != null) {
                    cross += z.data[k] * z2.data[k];
                    pairs++;
                }
            }
        }
        double mean = s1 / count;
        double var = s2 / count - mean * mean;
        assertTrue(Math.abs(mean) < 5 / Math.sqrt(count), "mean " + mean);
        assertTrue(Math.abs(var - 1) < 5 * Math.sqrt(2.0 / count), "variance " + var);
        assertTrue(Math.abs(cross / pairs) < 5 / Math.sqrt(pairs), "correlation of halves " + cross / pairs);
    }

    @ParameterizedTest
    @ValueSource(longs = {31})
    void sameSeedSamePathDifferentSeedDifferentPath(long seed) {
        TimeGrid grid = TimeGrid.uniform(1, 4);
        assertArrayEquals(BrownianPath.sample(grid, 2, 2, seed).refine().increment(3).data,
                BrownianPath.sample(grid, 2, 2, seed).refine().increment(3).data, 0.0);
        assertTrue(BrownianPath.sample(grid, 2, 2, seed).increment(0).data[0]
                != BrownianPath.sample(grid, 2, 2, seed + 1).increment(0).data[0]);
    }
}
