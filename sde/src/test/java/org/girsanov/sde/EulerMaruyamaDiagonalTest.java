package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.sde.kernel.EulerMaruyamaDiagonal;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.junit.jupiter.api.Test;

/** One Euler–Maruyama step with a state-dependent diagonal diffusion: {@code x + μ(x) Δt + s(x) ⊙ √Δt z}. */
class EulerMaruyamaDiagonalTest {

    @Test
    void geometricStepIsDriftPlusStateScaledNoise() {
        double r = 0.05;
        double s = 0.4;
        TimeGrid grid = TimeGrid.uniform(1, 4);
        EulerMaruyamaDiagonal k = new EulerMaruyamaDiagonal((tape, x, t) -> tape.scale(x, r), DiagonalDiffusion.geometric(s), grid);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.0, 2.0}, {0.5, 3.0}});
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{0.3, -1.0}, {2.0, 0.1}});
        Tape t = Tape.noGrad();
        DMatrixRMaj next = k.step(t, t.constant(x), 1, z).value();
        for (int i = 0; i < 4; i++) {
            double xi = x.data[i];
            assertEquals(xi + r * xi * 0.25 + s * xi * 0.5 * z.data[i], next.data[i], 1e-14);
        }
    }

    @Test
    void constantDiffusionMatchesTheScalarEulerMaruyamaKernel() {
        TimeGrid grid = TimeGrid.uniform(2, 5);
        Drift drift = (tape, x, t) -> tape.scale(x, -1);
        EulerMaruyamaDiagonal k = new EulerMaruyamaDiagonal(drift, DiagonalDiffusion.constant(0.7), grid);
        EulerMaruyamaForward f = new EulerMaruyamaForward(new Sde(drift, new ConstantSchedule(0.7)), grid);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.0, -2.0}});
        DMatrixRMaj next = new DMatrixRMaj(new double[][] {{0.2, 0.9}});
        Tape t = Tape.noGrad();
        assertEquals(f.logDensity(t, t.constant(next), t.constant(x), 2).value().data[0],
                k.logDensity(t, t.constant(next), t.constant(x), 2).value().data[0], 1e-12);
    }
}
