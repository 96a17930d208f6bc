package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.check.ConsistencyReport;
import org.girsanov.sde.check.MarginalLogDensity;
import org.girsanov.sde.check.PairConsistency;
import org.junit.jupiter.api.Test;

/**
 * The Δt → 0 checker on the samplers themselves ({@link PairConsistency} on {@code sampler::withGrid}): errors of the
 * discrete log-weight fall at strong order ½ for a family with a continuous limit, not at all for one without; the
 * detailed-balance split tells a wrong score (Nelson fails) from a wrong {@code log Z_θ} (Nelson holds, Fokker–Planck
 * fails).
 */
class SamplerConsistencyTest {
    static final double[] MEAN = {0.8, -0.4};
    static final double VAR = 0.6;
    static final double LOG_Z = 0.7;
    static final GaussianTarget TARGET = TestPaths.gaussian(MEAN, VAR, LOG_Z);
    static final PairConsistency.Config CFG = new PairConsistency.Config(4, 2, 400, 3);

    static ConsistencyReport pis(double theta, MarginalLogDensity flows) {
        Pis pis = FollmerControl.optimalPis(MEAN, VAR, LOG_Z, TestPaths.SIGMA, TestPaths.HORIZON, 8, theta);
        return PairConsistency.check("pis", pis::withGrid, pis.grid(), flows, CFG);
    }

    static void falls(ConsistencyReport r) {
        for (int l = 1; l < r.levels().size(); l++) {
            assertTrue(r.levels().get(l).meanAbsError() < r.levels().get(l - 1).meanAbsError(), "errors must fall:\n" + r);
        }
    }

    @Test
    void pisLogWeightConvergesAtStrongOrderOneHalfOnAnyGridAndControl() {
        for (double theta : new double[] {0.0, 0.5}) {
            ConsistencyReport r = pis(theta, null);
            falls(r);
            assertTrue(Math.abs(r.fittedOrder() - 0.5) < 0.15, "order ½ expected:\n" + r);
        }
        Pis power = new Pis(TARGET, TimeGrid.power(TestPaths.HORIZON, 8, 2.0),
                new FollmerControl(MEAN, VAR, LOG_Z, TestPaths.SIGMA, TestPaths.HORIZON), TestPaths.SIGMA);
        ConsistencyReport r = PairConsistency.check("pis-power", power::withGrid, power.grid(), null, CFG);
        falls(r);
        assertTrue(Math.abs(r.fittedOrder() - 0.5) < 0.15, "order ½ on a non-uniform grid:\n" + r);
    }

    @Test
    void vpFamiliesConvergeToo() {
        for (Sampler s : new Sampler[] {
                new Dis(TARGET, TimeGrid.uniform(1.0, 8), ExactOptimumTest.perturbed("u", 2, 4), 1.0, 0.1, 10.0),
                new Dds(TARGET, TimeGrid.uniform(1.0, 8), ExactOptimumTest.perturbed("u", 2, 5), 1.0, 0.1, 10.0)}) {
            ConsistencyReport r = PairConsistency.check(s.name(), s::withGrid, s.grid(), null, CFG);
            falls(r);
            assertTrue(r.fittedOrder() > 0.3, s.name() + ":\n" + r);
        }
    }

    /**
     * CMCD's two Euler–Maruyama kernels discretise SDEs with the same diffusion {@code √2 σ}, so its log-weight has a
     * continuous limit (the controlled Crooks RND): strong order at least ½ with a smooth drift, on a uniform and a
     * power grid (measured 0.71 on the uniform one: the score enters as the trapezoid sum
     * {@code −½ Σ Δx·(∇log π(x_n) + ∇log π(x_{n+1}))}, which converges faster); with a perturbed network (time features up to ω = 100, far from resolved at T = 1) it still converges, slower,
     * like the VP families.
     */
    @Test
    void cmcdLogWeightConverges() {
        Control smooth = new CmcdKernelTest.Affine(0.5, new double[] {0.3, -0.2});
        for (TimeGrid grid : new TimeGrid[] {TimeGrid.uniform(1.0, 8), TimeGrid.power(1.0, 8, 1.5)}) {
            Cmcd cmcd = new Cmcd(TARGET, grid, smooth, 1.0, 1.0);
            ConsistencyReport r = PairConsistency.check("cmcd", cmcd::withGrid, cmcd.grid(), null, CFG);
            falls(r);
            assertTrue(r.fittedOrder() > 0.45, "order >= ½ expected:\n" + r);
        }
        Cmcd net = new Cmcd(TARGET, TimeGrid.uniform(1.0, 8), ExactOptimumTest.perturbed("f", 2, 8), 1.0, 1.0);
        ConsistencyReport r = PairConsistency.check("cmcd-net", net::withGrid, net.grid(), null, CFG);
        falls(r);
        assertTrue(r.fittedOrder() > 0.3, "cmcd-net:\n" + r);
    }

    @Test
    void learnedForwardVariancesHaveNoContinuousLimit() {
        Gfn gfn = new Gfn(TARGET, TimeGrid.uniform(TestPaths.HORIZON, 8), ExactOptimumTest.perturbed("u", 2, 6),
                ExactOptimumTest.perturbed("c", 2, 7), TestPaths.SIGMA);
        ConsistencyReport r = PairConsistency.check("gfn", gfn::withGrid, gfn.grid(), null, CFG);
        // each step keeps a variance-ratio term of size O(1) whatever Δt, so log w grows like N: the "errors" against
        // the finest level are of the order of N_R itself and fall slower than the order ½ of a convergent family
        int last = CFG.levels() - 1;
        assertTrue(r.levels().get(last).meanAbsError() > 100 && r.fittedOrder() < 0.4,
                "a variance ratio ≠ 1 makes log w diverge as Δt → 0, no convergence:\n" + r);
    }

    /**
     * The losses themselves converge as Δt → 0 (Berner et al. 2025, Thm 1): on one family of Brownian paths seen at
     * N = 4 … 256 steps, the LV loss {@code Var(log w)} and the TB loss {@code mean (log Z_θ − log w)²} of a PIS with a
     * non-optimal control (the Föllmer drift perturbed by θ = 0.5) have differences to their finest values that shrink level by level.
     */
    @Test
    void logVarianceAndTrajectoryBalanceLossesConvergeAsTheGridIsRefined() {
        Pis pis = FollmerControl.optimalPis(MEAN, VAR, LOG_Z, TestPaths.SIGMA, TestPaths.HORIZON, 4, 0.5);
        double[][] lw = PairConsistency.logWeights(pis::withGrid, pis.grid(), 7, 2000, 5);
        double[] lv = new double[lw.length];
        double[] tb = new double[lw.length];
        for (int l = 0; l < lw.length; l++) {
            lv[l] = TestPaths.variance(lw[l]);
            double s = 0;
            for (double v : lw[l]) {
                s += (0.3 - v) * (0.3 - v) / lw[l].length;
            }
            tb[l] = s;
        }
        String msg = "LV by level " + java.util.Arrays.toString(lv) + ", TB " + java.util.Arrays.toString(tb);
        int last = lw.length - 1;
        for (int l = 1; l < last - 1; l++) {
            assertTrue(Math.abs(lv[l] - lv[last]) < Math.abs(lv[l - 1] - lv[last]), msg);
            assertTrue(Math.abs(tb[l] - tb[last]) < Math.abs(tb[l - 1] - tb[last]), msg);
        }
        assertTrue(Math.abs(lv[last - 1] - lv[last]) < 0.1 * Math.abs(lv[0] - lv[last]), msg);
    }

    @Test
    void detailedBalanceSplitSeparatesNelsonFromFokkerPlanck() {
        FollmerControl c = new FollmerControl(MEAN, VAR, LOG_Z, TestPaths.SIGMA, TestPaths.HORIZON);
        MarginalLogDensity exact = (t, x, time) -> c.logFlow().apply(t, x, time);
        // Nelson holds (the gradient is right), Fokker–Planck fails: log Z_θ off by 0.5, V = log h + 0.5 (1 − t/T)
        MarginalLogDensity wrongLogZ = (t, x, time) -> t.addScalar(exact.apply(t, x, time), 0.5 * (1 - time / TestPaths.HORIZON));
        // Nelson fails: V = log h + 0.3 Σ_j x_j (a wrong score), boundaries kept
        MarginalLogDensity wrongScore = (t, x, time) -> time == 0 || time == TestPaths.HORIZON ? exact.apply(t, x, time)
                : t.add(exact.apply(t, x, time), t.scale(t.sumCols(x), 0.3));
        ConsistencyReport right = pis(0.0, exact);
        ConsistencyReport fp = pis(0.0, wrongLogZ);
        ConsistencyReport nelson = pis(0.0, wrongScore);
        System.out.println(right + "\n" + fp + "\n" + nelson);
        int last = CFG.levels() - 1;
        double nL = right.levels().get(last).nelson();
        assertTrue(nL < 1e-3, "matched flows: Nelson's part vanishes:\n" + right);
        for (int l = 1; l <= last; l++) {
            assertTrue(right.levels().get(l).fokkerPlanck() < right.levels().get(l - 1).fokkerPlanck(),
                    "matched flows: the Fokker–Planck part falls with Δt:\n" + right);
        }
        assertTrue(fp.levels().get(last).nelson() < 1.05 * nL + 1e-12, "a log Z offset leaves Nelson's part:\n" + fp);
        double expected = 0.5 / TestPaths.HORIZON;
        assertTrue(Math.abs(fp.levels().get(last).fokkerPlanck() - expected) < 0.2 * expected,
                "Fokker–Planck part → 0.5/T = " + expected + ":\n" + fp);
        // the odd part is 0.3 σ Σ_j ΔW_j per step: nelson → 0.3 σ √d = 0.19 whatever Δt
        double wrong = 0.3 * TestPaths.SIGMA * Math.sqrt(2);
        for (ConsistencyReport.Level l : nelson.levels()) {
            assertTrue(Math.abs(l.nelson() - wrong) < 0.2 * wrong, "a wrong score shows in Nelson's part:\n" + nelson);
        }
    }

}
