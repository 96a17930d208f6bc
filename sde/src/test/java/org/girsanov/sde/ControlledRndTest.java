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

/** The controlled forward-Itô form of the RND agrees with the backward-Itô form as Δt → 0 (MATH §5). */
class ControlledRndTest {
    private static final ControlledSde C = new ControlledSde(
            (t, x, s) -> t.scale(x, -0.5),
            TestSupport.tanhDrift(0.8, 0.2, 1.0),
            (t, x, s) -> t.scale(t.sin(x), 0.6),
            new ConstantSchedule(0.9));
    private static final IsotropicGaussian PRIOR = IsotropicGaussian.centred(2, 1.0);
    private static final LogDensity TARGET = (t, x) -> t.scale(t.sumCols(t.square(x)), -0.3);

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
        double hutch = ControlledRnd.of(t, p, C, C.u(), PRIOR, TARGET,
                DivergenceEstimator.hutchinson(300, Probe.RADEMACHER, TestSupport.rng(3))).get(0, 0);
        assertEquals(exact, hutch, 0.1); // ≈ 4 standard errors of the 300-probe estimate
        // Gradient-free tape gives the same number.
        Tape none = Tape.noGrad();
        Path q = new Path(g, p.states().stream().map(v -> none.constant(v.value())).toList());
        assertEquals(exact, ControlledRnd.of(none, q, C, C.u(), PRIOR, TARGET, DivergenceEstimator.exact()).get(0, 0), 1e-12);
    }
}
