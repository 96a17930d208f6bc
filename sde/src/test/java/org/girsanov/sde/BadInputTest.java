package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.rnd.LogWeight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails fast with an IllegalArgumentException naming the argument and the allowed values. */
class BadInputTest {
    private static final Sde SDE = new Sde(Drift.zero(), new ConstantSchedule(1.0));
    private static final TimeGrid GRID = TimeGrid.uniform(1.0, 4);

    private static void fails(Executable e, String... words) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String w : words) {
            assertTrue(ex.getMessage().contains(w), "message '" + ex.getMessage() + "' lacks '" + w + "'");
        }
    }

    @Test
    void nonPositiveSigma() {
        fails(() -> new ConstantSchedule(0.0), "sigma", "> 0");
        fails(() -> new ConstantSchedule(-1.0), "sigma", "> 0");
        fails(() -> new ConstantSchedule(Double.NaN), "sigma");
        fails(() -> new VpLinearSchedule(1.0, 0.0, 1.0, 1.0), "betaMin", "> 0");
        fails(() -> new VpLinearSchedule(-1.0, 0.1, 1.0, 1.0), "stationarySigma");
        fails(() -> new VpCosineSchedule(1.0, 0.008, 2.0, 1.0), "endPhase");
        fails(() -> new IsotropicGaussian(new double[] {0}, -1), "variance");
    }

    @Test
    void mismatchedDimensions() {
        Tape t = Tape.noGrad();
        var k = new EulerMaruyamaForward(SDE, GRID);
        fails(() -> k.logDensity(t, t.constant(new DMatrixRMaj(3, 2)), t.constant(new DMatrixRMaj(3, 1)), 0), "next", "prev", "same shape");
        fails(() -> k.step(t, t.constant(new DMatrixRMaj(3, 2)), 0, new DMatrixRMaj(3, 1)), "z", "3x2");
        fails(() -> k.step(t, t.constant(new DMatrixRMaj(3, 2)), 4, new DMatrixRMaj(3, 2)), "step n = 4", "[0, 3]");
        fails(() -> IsotropicGaussian.centred(2, 1).apply(t, t.constant(new DMatrixRMaj(1, 3))), "columns", "2");
    }

    @Test
    void nonFiniteStates() {
        Tape t = Tape.noGrad();
        DMatrixRMaj x0 = new DMatrixRMaj(2, 2);
        x0.set(1, 0, Double.NaN);
        fails(() -> PathSimulator.forward(t, new EulerMaruyamaForward(SDE, GRID), t.constant(x0),
                NoiseSource.of(TestSupport.rng(1))), "x0", "row 1", "finite");
        x0.set(1, 0, Double.POSITIVE_INFINITY);
        fails(() -> PathSimulator.backward(t, new EulerMaruyamaBackward(SDE, GRID), t.constant(x0),
                NoiseSource.of(TestSupport.rng(1))), "xN", "finite");
    }

    @Test
    void gridsThatDoNotMatchAPath() {
        Tape t = Tape.noGrad();
        Path p = PathSimulator.forward(t, new EulerMaruyamaForward(SDE, GRID), t.constant(new DMatrixRMaj(2, 1)),
                NoiseSource.of(TestSupport.rng(2)));
        TimeGrid other = GRID.refine();
        fails(() -> LogWeight.of(t, p, new EulerMaruyamaForward(SDE, other), new EulerMaruyamaBackward(SDE, other),
                (tt, x) -> tt.sumCols(x), (tt, x) -> tt.sumCols(x)), "grid", "does not match");
        fails(() -> new Path(other, p.states()), "5 states", "9");
        fails(() -> NoiseSource.of(BrownianPath.sample(GRID, 2, 1, 3), other), "grid", "does not match");
        fails(() -> LogWeight.of(t, p, new EulerMaruyamaBackward(SDE, GRID), new EulerMaruyamaBackward(SDE, GRID),
                (tt, x) -> tt.sumCols(x), (tt, x) -> tt.sumCols(x)), "direction", "FORWARD");
        fails(() -> TimeGrid.of(0, 1, 1), "strictly increasing");
        fails(() -> TimeGrid.uniform(1, 0), "steps", ">= 1");
    }
}
