package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ConsistencyReport;
import org.girsanov.sde.check.ProcessPair;
import org.girsanov.sde.check.ProcessPairs;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.process.ScaledBrownianMotion;
import org.junit.jupiter.api.Test;

/** The consistency checker in both directions: matched pairs converge with Nelson → 0, a wrong score does not. */
class ConsistencyCheckerTest {
    private static final ConsistencyChecker.Config CFG = new ConsistencyChecker.Config(4, 5, 2, 200, 17);

    @Test
    void matchedPairsConvergeAndSatisfyNelson() {
        for (String name : List.of("ou-exact-reversal", "brownian")) {
            ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named(name), CFG);
            List<ConsistencyReport.Level> l = r.levels();
            System.out.println(r);
            // strong order ½ of the Itô integrals in log w (a σ or drift evaluated one step off falls out of the band)
            assertTrue(Math.abs(r.fittedOrder() - 0.5) < 0.15, name + ": fitted order " + r.fittedOrder() + "\n" + r);
            assertTrue(l.get(l.size() - 1).meanAbsError() < 0.5 * l.get(0).meanAbsError(), name + "\n" + r);
            assertTrue(l.get(l.size() - 1).nelson() < 0.25 * l.get(0).nelson(), name + ": Nelson part must vanish\n" + r);
            assertTrue(l.get(l.size() - 1).fokkerPlanck() < 0.25 * l.get(0).fokkerPlanck(), name + "\n" + r);
        }
    }

    @Test
    void mismatchedPairReportsNonVanishingNelsonPart() {
        ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named("ou-mismatched"), CFG);
        List<ConsistencyReport.Level> l = r.levels();
        double last = l.get(l.size() - 1).nelson();
        assertTrue(last > 1.0, "Nelson part should stay away from 0\n" + r);
        assertTrue(last > 0.9 * l.get(l.size() - 2).nelson(), "Nelson part should not decay\n" + r);
        // The discrete log-weight still converges to the continuous RND (Thm 1 holds for any pair).
        assertTrue(r.fittedOrder() > 0.4, r.toString());
    }

    static double logNormal(double x, double m, double v) {
        return -0.5 * Math.log(2 * Math.PI * v) - (x - m) * (x - m) / (2 * v);
    }

    /**
     * {@code δ_n = V_n(x_n) + log p→_n(x_{n+1}|x_n) − V_{n+1}(x_{n+1}) − log p←_n(x_n|x_{n+1})} by hand, for Brownian
     * motion from {@code N(0, 0.5)} ({@code V_t = log N(0, 0.5 + t)}, {@code μ←(x, t) = x/(0.5 + t)}) on two steps of 0.5.
     */
    @Test
    void residualIsTheFormulaPointwise() {
        ScaledBrownianMotion bm = new ScaledBrownianMotion(new ConstantSchedule(1.0), new IsotropicGaussian(new double[] {0}, 0.5));
        ProcessPair pair = ProcessPairs.exactReversal("bm", bm, 1.0);
        TimeGrid g = TimeGrid.uniform(1.0, 2);
        org.girsanov.autodiff.Tape t = org.girsanov.autodiff.Tape.noGrad();
        double x1 = -0.2;
        double x2 = 0.4;
        for (int n = 0; n < 2; n++) {
            double xn = n == 0 ? 0.3 : x1;
            double xNext = n == 0 ? x1 : x2;
            double tn = g.time(n);
            double t1 = g.time(n + 1);
            double expected = logNormal(xn, 0, 0.5 + tn) + logNormal(xNext, xn, 0.5) - logNormal(xNext, 0, 0.5 + t1)
                    - logNormal(xn, xNext - xNext / (0.5 + t1) * 0.5, 0.5);
            double got = ConsistencyChecker.residual(t, pair, new EulerMaruyamaForward(pair.forward(), g),
                    new EulerMaruyamaBackward(pair.backward(), g), n, t.constant(new org.ejml.data.DMatrixRMaj(1, 1, true, xn)),
                    t.constant(new org.ejml.data.DMatrixRMaj(1, 1, true, xNext))).data[0];
            org.junit.jupiter.api.Assertions.assertEquals(expected, got, 1e-12, "step " + n);
        }
    }

    @Test
    void reportPrintsAsATable() {
        ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named("brownian"), new ConsistencyChecker.Config(2, 2, 1, 10, 1));
        assertTrue(r.toString().contains("fitted strong order"));
        assertTrue(r.toTable().contains("fokker-planck"));
        org.junit.jupiter.api.Assertions.assertEquals(2, r.levels().size());
    }

    @Test
    void unknownPairNamesTheAllowedValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessPairs.named("nope"));
        assertTrue(e.getMessage().contains("ou-exact-reversal"), e.getMessage());
    }
}
