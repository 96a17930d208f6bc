package org.girsanov.samplers.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.TestPaths;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.path.Behaviour;
import org.junit.jupiter.api.Test;

/** Paths with a non-finite log-weight are left out and counted; when none is left, a NonFiniteException. */
class NanGuardTest {

    /**
     * A Gaussian whose log-density is NaN on a scattered set of about {@code fraction} of the points (where the
     * fractional part of {@code 100 x_0} is below {@code fraction}), wherever the sampler puts them.
     */
    public static Target planted(double fraction) {
        GaussianTarget g = TestPaths.gaussian(new double[] {1.0, -0.5}, 0.5, 0.0);
        return new Target() {
            @Override
            public String name() {
                return "nan-planted";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public Var logDensity(Tape t, Var x) {
                DMatrixRMaj mask = new DMatrixRMaj(x.rows(), 1);
                for (int i = 0; i < x.rows(); i++) {
                    double v = 100 * x.value().get(i, 0);
                    mask.data[i] = v - Math.floor(v) < fraction ? Double.NaN : 0.0;
                }
                return t.add(g.logDensity(t, x), t.constant(mask));
            }
        };
    }

    @Test
    void offPolicyLossesReportExcludedPathsAndKeepFiniteGradients() {
        for (Loss loss : new Loss[] {new LogVarianceLoss(), new TrajectoryBalanceLoss(),
                new DetailedBalanceLoss(Fixtures.flow(2, 16, 2)), new SubTrajectoryBalanceLoss(Fixtures.flow(2, 16, 3), 0.9)}) {
            Pis m = Fixtures.pis(planted(0.2), 8, 16, 1);
            LossValue v = Fixtures.evaluate(m, loss, 128, 32, 4, 2, 1, Behaviour.onPolicy());
            assertTrue(v.excluded() > 0 && v.excluded() < 128, loss.name() + ": excluded = " + v.excluded());
            assertTrue(Double.isFinite(v.loss()), loss.name() + ": loss = " + v.loss());
            int nan = 0;
            for (double w : v.logWeights()) {
                nan += Double.isNaN(w) ? 1 : 0;
            }
            assertEquals(v.excluded(), nan, loss.name());
            for (double g : Fixtures.grads(Fixtures.all(m, loss))) {
                assertTrue(Double.isFinite(g), loss.name() + ": gradient not finite");
            }
        }
    }

    @Test
    void allPathsNonFiniteIsANonFiniteExceptionNamingIterationAndQuantity() {
        for (Loss loss : new Loss[] {new LogVarianceLoss(), new KlLoss(), new DetailedBalanceLoss(Fixtures.flow(2, 16, 2))}) {
            Pis m = Fixtures.pis(planted(1.0), 8, 16, 1);
            NonFiniteException e = assertThrows(NonFiniteException.class,
                    () -> Fixtures.evaluate(m, loss, 64, 32, 4, 17, 1, Behaviour.onPolicy()));
            assertEquals(17, e.iteration(), loss.name());
            assertTrue(e.getMessage().contains("iteration 17") && e.getMessage().contains(e.quantity()), e.getMessage());
        }
    }
}
