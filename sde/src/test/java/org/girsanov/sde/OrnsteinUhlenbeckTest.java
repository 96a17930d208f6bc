package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.ExactReversal;
import org.girsanov.sde.kernel.ExactTransition;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;
import org.girsanov.sde.rnd.LogWeight;
import org.junit.jupiter.api.Test;

/** Closed forms of the VP Ornstein–Uhlenbeck process (docs/math.md §7.7). */
class OrnsteinUhlenbeckTest {
    private static final VpLinearSchedule SCHEDULE = new VpLinearSchedule(1.3, 0.2, 3.0, 1.0);
    private static final VpOrnsteinUhlenbeck OU = new VpOrnsteinUhlenbeck(SCHEDULE,
            new IsotropicGaussian(new double[] {2.0, -1.0}, 0.3));

    /**
     * Euler–Maruyama for the linear SDE has closed-form moments: {@code m ← (1 − βΔt) m},
     * {@code v ← (1 − βΔt)² v + σ²Δt}. Their distance to the exact {@code a(s,t)}, {@code v(s,t)} is O(Δt).
     */
    @Test
    void exactTransitionIsTheLimitOfEulerMaruyama() {
        double s = 0.2;
        double t = 0.9;
        double prevErr = Double.NaN;
        for (int steps = 16; steps <= 1024; steps *= 4) {
            double h = (t - s) / steps;
            double a = 1;
            double v = 0;
            for (int n = 0; n < steps; n++) {
                double tn = s + n * h;
                double f = 1 - SCHEDULE.beta(tn) * h;
                a *= f;
                v = f * f * v + SCHEDULE.sigmaSquared(tn) * h;
            }
            double err = Math.abs(a - OU.meanFactor(s, t)) + Math.abs(v - OU.transitionVariance(s, t));
            if (!Double.isNaN(prevErr)) {
                assertTrue(err < prevErr / 3, "steps " + steps + ": error " + err + " did not fall ~4x from " + prevErr);
            }
            prevErr = err;
        }
        assertTrue(prevErr < 2e-3, "final error " + prevErr);
    }

    /** Marginals against Monte Carlo of the exact transitions, within 5 standard errors (false alarm ≈ 6e-7 per check). */
    @Test
    void marginalsMatchMonteCarlo() {
        var rng = TestSupport.rng(42);
        int k = 20000;
        TimeGrid grid = TimeGrid.cosine(1.0, 8);
        Tape tape = Tape.noGrad();
        Path p = PathSimulator.forward(tape, new ExactTransition(OU, grid), tape.constant(OU.initial().sample(k, rng)),
                NoiseSource.of(rng));
        for (int n : new int[] {3, 8}) {
            IsotropicGaussian m = OU.marginal(grid.time(n));
            DMatrixRMaj x = p.value(n);
            for (int j = 0; j < 2; j++) {
                double s1 = 0;
                double s2 = 0;
                for (int i = 0; i < k; i++) {
                    double y = x.get(i, j);
                    s1 += y;
                    s2 += y * y;
                }
                double mean = s1 / k;
                double var = s2 / k - mean * mean;
                assertEquals(m.mean(j), mean, 5 * Math.sqrt(m.variance() / k), "mean at t = " + grid.time(n));
                assertEquals(m.variance(), var, 5 * m.variance() * Math.sqrt(2.0 / k), "variance at t = " + grid.time(n));
            }
        }
    }

    @Test
    void stationaryLawIsInvariant() {
        VpOrnsteinUhlenbeck st = new VpOrnsteinUhlenbeck(SCHEDULE, IsotropicGaussian.centred(3, 1.3));
        IsotropicGaussian m = st.marginal(0.7);
        assertEquals(1.3 * 1.3, m.variance(), 1e-12);
        assertEquals(0.0, m.mean(1), 0.0);
    }

    /** Exact forward transitions with the exact Bayes reversal: {@code log w ≡ 0} (prior p_0, target p_T). */
    @Test
    void exactPairHasZeroLogWeight() {
        var rng = TestSupport.rng(5);
        TimeGrid grid = TimeGrid.power(1.0, 9, 1.5);
        Tape tape = Tape.noGrad();
        Path p = PathSimulator.forward(tape, new ExactTransition(OU, grid), tape.constant(OU.initial().sample(50, rng)),
                NoiseSource.of(rng));
        Var lw = LogWeight.of(tape, p, new ExactTransition(OU, grid), new ExactReversal(OU, grid), OU.initial(), OU.marginal(1.0));
        assertTrue(TestSupport.maxAbs(lw) < 1e-9, "max |log w| = " + TestSupport.maxAbs(lw));
    }

    @Test
    void schedulesIntegralsMatchQuadrature() {
        for (VpSchedule s : new VpSchedule[] {SCHEDULE, VpCosineSchedule.standard(0.8, 2.0)}) {
            double a = 0.1;
            double b = 1.7;
            int m = 20000;
            double h = (b - a) / m;
            double q = 0;
            double q2 = 0;
            for (int i = 0; i < m; i++) {
                double t = a + (i + 0.5) * h;
                q += s.beta(t) * h;
                q2 += s.sigmaSquared(t) * h;
            }
            assertEquals(q, s.betaIntegral(a, b), 1e-6 * Math.max(1, q), s.toString());
            assertEquals(q2, s.sigmaSquaredIntegral(a, b), 1e-6 * Math.max(1, q2), s.toString());
        }
        assertEquals(0.5, new ConstantSchedule(0.5).sigma(3.0), 0.0);
    }
}
