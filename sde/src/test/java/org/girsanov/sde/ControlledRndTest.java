package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.rnd.BackwardItoRnd;
import org.girsanov.sde.rnd.ControlledRnd;
import org.girsanov.sde.rnd.ControlledSde;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.junit.jupiter.api.Test;

/** The controlled forward-Itô form of the RND agrees with the backward-Itô form as Δt → 0 (docs/math.md §5). */
class ControlledRndTest {
    private static final ControlledSde C = new ControlledSde(
            (t, x, s) -> t.scale(x, -0.5),
            TestSupport.tanhDrift(0.8, 0.2, 1.0),
            ControlledRndTest::mixedSine,
            new ConstantSchedule(0.9));
    private static final IsotropicGaussian PRIOR = IsotropicGaussian.centred(2, 1.0);
    private static final LogDensity TARGET = (t, x) -> t.scale(t.sumCols(t.square(x)), -0.3);

    /** {@code v(x) = 0.6 sin(M x)} with {@code M = [[1, 0.7], [−0.5, 1]]}: a Jacobian that is not diagonal. */
    static Var mixedSine(Tape t, Var x, double s) {
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(2, 2, true, 1.0, -0.5, 0.7, 1.0);
        return t.scale(t.sin(t.matmul(x, t.constant(m))), 0.6);
    }

    private static double meanGap(int steps) {
        TimeGrid fine = TimeGrid.uniform(1.0, steps);
        BrownianPath bm = BrownianPath.sample(TimeGrid.uniform(1.0, 8), 100, 2, 12);
        while (bm.grid().steps() < steps) {
            bm = bm.refine();
        }
        Tape t = Tape.noGrad();
        Path p = PathSimulator.forward(t, new EulerMaruyamaForward(C.forward(), fine),
                t.constant(PRIOR.sample(100, TestSupport.rng(3))), NoiseSource.of(bm, fine));
        Var a = BackwardItoRnd.of(t, p, C.forward(), C.backward(), PRIOR, TARGET);
        Var b = ControlledRnd.of(t, p, C, C.u(), PRIOR, TARGET, DivergenceEstimator.exact());
        double gap = 0;
        for (int i = 0; i < 100; i++) {
            gap += Math.abs(a.get(i, 0) - b.get(i, 0)) / 100;
        }
        return gap;
    }

    @Test
    void controlledFormConvergesToBackwardItoForm() {
        double coarse = meanGap(16);
        double fine = meanGap(1024);
        assertTrue(fine < 0.25 * coarse && fine < 0.1, "gap 16 steps: " + coarse + ", 1024 steps: " + fine);
    }

    @Test
    void hutchinsonDivergenceIsUnbiasedForTheRnd() {
        TimeGrid g = TimeGrid.uniform(1.0, 8);
        Tape t = new Tape();
        Path p = PathSimulator.forward(t, new EulerMaruyamaForward(C.forward(), g), t.constant(PRIOR.sample(20, TestSupport.rng(1))),
                NoiseSource.of(TestSupport.rng(2)));
        double exact = ControlledRnd.of(t, p, C, C.u(), PRIOR, TARGET, DivergenceEstimator.exact()).get(0, 0);
        // single-probe estimates over independent probe streams: their mean within 4 standard errors of the exact
        // value, and a non-zero spread (a diagonal Jacobian would make Rademacher probes exact)
        int seeds = 400;
        double[] h = new double[seeds];
        for (int k = 0; k < seeds; k++) {
            h[k] = ControlledRnd.of(t, p, C, C.u(), PRIOR, TARGET,
                    DivergenceEstimator.hutchinson(1, Probe.RADEMACHER, TestSupport.rng(100 + k))).get(0, 0);
        }
        double mean = 0;
        for (double v : h) {
            mean += v / seeds;
        }
        double var = 0;
        for (double v : h) {
            var += (v - mean) * (v - mean) / (seeds - 1);
        }
        double se = Math.sqrt(var / seeds);
        assertTrue(se > 1e-3, "the probes must matter: se = " + se);
        assertEquals(exact, mean, 4 * se, "Hutchinson mean " + mean + " ± " + se + " vs exact " + exact);
        // Gradient-free tape gives the same number.
        Tape none = Tape.noGrad();
        Path q = new Path(g, p.states().stream().map(v -> none.constant(v.value())).toList());
        assertEquals(exact, ControlledRnd.of(none, q, C, C.u(), PRIOR, TARGET, DivergenceEstimator.exact()).get(0, 0), 1e-12);
    }
}
