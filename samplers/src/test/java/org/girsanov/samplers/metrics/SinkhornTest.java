package org.girsanov.samplers.metrics;

import static org.girsanov.samplers.metrics.LogWeightsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SinkhornTest {
    private static final double EPS = 1e-3;

    /** Exact W1 of two equal-size 1-D samples: mean |x_(i) − y_(i)| of the sorted samples. */
    private static double exactW1(DMatrixRMaj x, DMatrixRMaj y) {
        double[] a = Arrays.copyOf(x.data, x.numRows);
        double[] b = Arrays.copyOf(y.data, y.numRows);
        Arrays.sort(a);
        Arrays.sort(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    /**
     * Entropic bias bound: the entropic plan P_ε satisfies ⟨C,P_ε⟩ + ε KL(P_ε‖a⊗b) ≤ ⟨C,P*⟩ + ε KL(P*‖a⊗b),
     * and an optimal assignment has KL = log K, so 0 ≤ ⟨C,P_ε⟩ − OT ≤ ε log K (plus the marginal error
     * times the largest cost, for a plan converged only to the tolerance).
     */
    private static double entropicBias(int k, SinkhornResult r, double maxCost) {
        return EPS * Math.log(k) + r.marginalError() * maxCost;
    }

    @Test
    void oneDimensionalMatchesExactW1() {
        DMatrixRMaj x = TestData.gaussian(200, 1, 0.0, 1.0, 1);
        DMatrixRMaj y = TestData.gaussian(200, 1, 0.5, 1.3, 2);
        SinkhornResult r = new Sinkhorn().compute(x, y);
        double w1 = exactW1(x, y);
        assertTrue(r.converged());
        assertEquals(200, r.k());
        assertEquals(EPS, r.epsilon());
        assertTrue(r.marginalError() < Sinkhorn.DEFAULT_TOLERANCE);
        assertEquals(w1, r.cost(), 0.01 * w1, () -> r + " vs W1 " + w1);
        assertEquals(w1, r.cost(), entropicBias(200, r, 10.0), () -> r + " vs W1 " + w1);
    }

    @Test
    void unequalSizes() {
        // y repeated twice: the same measure, so the same W1
        DMatrixRMaj x = TestData.gaussian(100, 1, 0.0, 1.0, 3);
        DMatrixRMaj y = TestData.gaussian(100, 1, 1.0, 0.5, 4);
        DMatrixRMaj yy = new DMatrixRMaj(200, 1);
        System.arraycopy(y.data, 0, yy.data, 0, 100);
        System.arraycopy(y.data, 0, yy.data, 100, 100);
        SinkhornResult r = new Sinkhorn().compute(x, yy);
        assertTrue(r.converged());
        double w1 = exactW1(x, y);
        assertEquals(w1, r.cost(), 0.01 * w1, () -> r + " vs W1 " + w1);
    }

    @Test
    void symmetric() {
        DMatrixRMaj x = TestData.gaussian(150, 3, 0.0, 1.0, 5);
        DMatrixRMaj y = TestData.gaussian(150, 3, 0.3, 1.0, 6);
        SinkhornResult xy = new Sinkhorn().compute(x, y);
        SinkhornResult yx = new Sinkhorn().compute(y, x);
        assertTrue(xy.converged() && yx.converged());
        assertEquals(xy.cost(), yx.cost(), 1e-3 * xy.cost(), () -> xy + " vs " + yx);
    }

    @Test
    void identicalSetsGiveTheEntropicBiasOnly() {
        DMatrixRMaj x = TestData.gaussian(200, 2, 0.0, 1.0, 7);
        SinkhornResult r = new Sinkhorn().compute(x, x);
        assertTrue(r.converged());
        assertTrue(r.cost() >= 0);
        double bound = entropicBias(200, r, 10.0); // ≈ 5.3e-3 + 1e-3
        assertTrue(r.cost() <= bound, () -> r + " exceeds " + bound);
    }

    @Test
    void invariantToSampleOrder() {
        DMatrixRMaj x = TestData.gaussian(150, 2, 0.0, 1.0, 8);
        DMatrixRMaj y = TestData.gaussian(150, 2, 1.0, 2.0, 9);
        double c = new Sinkhorn().compute(x, y).cost();
        double cp = new Sinkhorn().compute(TestData.permuteRows(x, 1), TestData.permuteRows(y, 2)).cost();
        assertEquals(c, cp, 1e-4 * c);
    }

    @Test
    void bitwiseIdenticalForAnyThreadCountAndWithOrWithoutCache() {
        DMatrixRMaj x = TestData.gaussian(333, 4, 0.0, 1.0, 10); // 11 blocks, the last one partial
        DMatrixRMaj y = TestData.gaussian(301, 4, 0.5, 1.5, 11);
        SinkhornResult ref = new Sinkhorn().withThreads(1).compute(x, y);
        assertTrue(ref.converged());
        for (int t : new int[] {1, 2, 3}) {
            for (long cache : new long[] {0L, Sinkhorn.DEFAULT_CACHE_LIMIT}) {
                SinkhornResult r = new Sinkhorn().withThreads(t).withCacheLimit(cache).compute(x, y);
                assertEquals(ref, r, "threads " + t + ", cache limit " + cache);
                assertEquals(Double.doubleToRawLongBits(ref.cost()), Double.doubleToRawLongBits(r.cost()));
            }
        }
    }

    @Test
    void twoDimensionalMatchesBruteForceAssignment() {
        final int k = 7;
        DMatrixRMaj x = TestData.gaussian(k, 2, 0.0, 2.0, 12);
        DMatrixRMaj y = TestData.gaussian(k, 2, 1.0, 2.0, 13);
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = Math.hypot(x.get(i, 0) - y.get(j, 0), x.get(i, 1) - y.get(j, 1));
            }
        }
        double best = bestAssignment(c, new int[k], new boolean[k], 0, 0.0) / k;
        SinkhornResult r = new Sinkhorn().compute(x, y);
        assertTrue(r.converged());
        assertEquals(best, r.cost(), entropicBias(k, r, 20.0), () -> r + " vs exact " + best);
        assertTrue(r.cost() >= best - r.marginalError() * 20.0, () -> r + " below exact " + best);
    }

    /** Minimum of Σ_i c[i][σ(i)] over all permutations σ, by enumeration. */
    private static double bestAssignment(double[][] c, int[] perm, boolean[] used, int i, double acc) {
        if (i == c.length) {
            return acc;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[i] = j;
                best = Math.min(best, bestAssignment(c, perm, used, i + 1, acc + c[i][j]));
                used[j] = false;
            }
        }
        return best;
    }

    /**
     * The default tolerance (L1 marginal error 1e-4) gives a cost converged to a relative accuracy of
     * 5e-4: compared with a run to 1e-6. Measured at K = 1000 (relative cost error / tolerance): ≈ 2.4
     * on gmm9 (separated modes, the slowest and most sensitive case), 0.04 for a Gaussian in d = 10,
     * 0.004 for Many-Well in d = 50; the error shrinks in proportion to the tolerance.
     */
    @Test
    void convergedCostAgreesWithTighterTolerance() {
        org.girsanov.samplers.targets.Target t = org.girsanov.samplers.targets.GridMixture.gmm9();
        org.apache.commons.rng.UniformRandomProvider rng = TestData.rng(16);
        DMatrixRMaj x = t.sample(300, rng);
        DMatrixRMaj y = t.sample(300, rng);
        SinkhornResult r = new Sinkhorn().compute(x, y);
        SinkhornResult tight = new Sinkhorn().withTolerance(1e-6).compute(x, y);
        assertTrue(r.converged() && tight.converged());
        assertTrue(tight.iterations() > r.iterations());
        assertEquals(tight.cost(), r.cost(), 5e-4 * tight.cost(), () -> r + " vs " + tight);
        DMatrixRMaj u = TestData.gaussian(300, 10, 0.0, 1.0, 17);
        DMatrixRMaj v = TestData.gaussian(300, 10, 0.0, 1.0, 18);
        SinkhornResult g = new Sinkhorn().compute(u, v);
        SinkhornResult gt = new Sinkhorn().withTolerance(1e-6).compute(u, v);
        assertEquals(gt.cost(), g.cost(), 5e-4 * gt.cost(), () -> g + " vs " + gt);
    }

    @Test
    void reportsNonConvergenceAtTheCap() {
        DMatrixRMaj x = TestData.gaussian(100, 2, 0.0, 1.0, 14);
        DMatrixRMaj y = TestData.gaussian(100, 2, 0.0, 1.0, 15);
        SinkhornResult r = new Sinkhorn().withMaxIterations(5).compute(x, y);
        assertTrue(!r.converged());
        assertEquals(5, r.iterations());
        assertTrue(Double.isFinite(r.cost()) && Double.isFinite(r.marginalError()));
    }

    @Test
    void badInput() {
        DMatrixRMaj x = new DMatrixRMaj(3, 2);
        assertMessage(() -> Sinkhorn.cost(x, new DMatrixRMaj(3, 3)), "x and y");
        DMatrixRMaj y = new DMatrixRMaj(3, 2);
        y.set(1, 0, Double.NaN);
        assertMessage(() -> Sinkhorn.cost(x, y), "y(1, 0)");
        assertMessage(() -> Sinkhorn.cost(new DMatrixRMaj(0, 2), x), "x must have");
        assertMessage(() -> new Sinkhorn().withEpsilon(0), "epsilon");
        assertMessage(() -> new Sinkhorn().withThreads(0), "threads");
        assertMessage(() -> new Sinkhorn().withScaling(1.0), "scaling");
        assertMessage(() -> new Sinkhorn().withOverRelaxation(2.0), "omega");
    }
}
