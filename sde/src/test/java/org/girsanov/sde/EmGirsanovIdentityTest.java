package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.rnd.BackwardItoRnd;
import org.girsanov.sde.rnd.LogWeight;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/math.md §7.1: for constant σ the Euler–Maruyama kernel ratio equals the discretised backward-Itô Girsanov sum. */
class EmGirsanovIdentityTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void emRatioEqualsDiscretisedGirsanovPathByPath(long seed) {
        var rng = TestSupport.rng(seed);
        double sigma = 0.3 + rng.nextDouble();
        int d = 1 + rng.nextInt(3);
        TimeGrid grid = seed % 2 == 0 ? TimeGrid.uniform(1.0, 20) : TimeGrid.power(1.5, 17, 1.7);
        Sde fwd = new Sde(TestSupport.tanhDrift(1.3, 0.4, 2.0), new ConstantSchedule(sigma));
        Sde bwd = new Sde(TestSupport.tanhDrift(-0.7, -0.9, -1.0), new ConstantSchedule(sigma));
        IsotropicGaussian prior = IsotropicGaussian.centred(d, 1.2);
        LogDensity target = (t, x) -> t.scale(t.sumCols(t.square(t.sin(x))), -1.0);
        Tape tape = Tape.noGrad();
        Path path = PathSimulator.forward(tape, new EulerMaruyamaForward(fwd, grid), tape.constant(prior.sample(64, rng)),
                NoiseSource.of(rng));
        Var lw = LogWeight.of(tape, path, new EulerMaruyamaForward(fwd, grid), new EulerMaruyamaBackward(bwd, grid), prior, target);
        Var rnd = BackwardItoRnd.of(tape, path, fwd, bwd, prior, target);
        for (int i = 0; i < 64; i++) {
            double a = -lw.get(i, 0);
            double b = rnd.get(i, 0);
            assertTrue(Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(a)), "path " + i + ": -log w = " + a + ", Girsanov = " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7})
    void identityFailsForAWrongDriftSoTheTestCanFail(long seed) {
        var rng = TestSupport.rng(seed);
        TimeGrid grid = TimeGrid.uniform(1.0, 10);
        Sde fwd = new Sde(TestSupport.tanhDrift(1.3, 0.4, 2.0), new ConstantSchedule(0.8));
        Sde bwd = new Sde(TestSupport.tanhDrift(-0.7, -0.9, -1.0), new ConstantSchedule(0.8));
        Sde other = new Sde(TestSupport.tanhDrift(-0.6, -0.9, -1.0), new ConstantSchedule(0.8));
        IsotropicGaussian prior = IsotropicGaussian.centred(2, 1.0);
        Tape tape = Tape.noGrad();
        Path path = PathSimulator.forward(tape, new EulerMaruyamaForward(fwd, grid), tape.constant(prior.sample(8, rng)),
                NoiseSource.of(rng));
        Var lw = LogWeight.of(tape, path, new EulerMaruyamaForward(fwd, grid), new EulerMaruyamaBackward(bwd, grid), prior, prior);
        Var rnd = BackwardItoRnd.of(tape, path, fwd, other, prior, prior);
        assertTrue(Math.abs(lw.get(0, 0) + rnd.get(0, 0)) > 1e-6);
    }
}
