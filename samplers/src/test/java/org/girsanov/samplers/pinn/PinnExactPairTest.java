package org.girsanov.samplers.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;
import org.junit.jupiter.api.Test;

/**
 * At the exact pair {@code (b, u = log p_t)} of a Gaussian transport the backward drift {@code b − σ²∇u} is the exact
 * time reversal of the forward SDE, so every path's log-weight is {@code log Z} up to the Euler–Maruyama error:
 * {@code Var(log w)} falls like {@code 1/N}. {@code E[w] = Z} holds for any backward kernel and cannot see a wrong
 * backward drift (its sign, its σ²); this zero-variance property can.
 */
class PinnExactPairTest {
    private static final GaussianTransport GAUSS = FokkerPlanckResidualTest.GAUSS;
    private static final double LOG_Z = Math.log(1.5);

    private static double[] logWeights(int steps) {
        GaussianTarget target = GaussianTarget.isotropic("gauss", GAUSS.mean(), GAUSS.variance(), LOG_Z);
        Pinn p = new Pinn(target, TimeGrid.uniform(1.0, steps), GAUSS.transport(0), GAUSS.logDensity(), GAUSS.sigma(),
                GAUSS.priorStd());
        return StreamedPaths.logWeights(p, 4000, Behaviour.onPolicy(), null,
                RandomSource.XO_RO_SHI_RO_128_PP.create(11L)).logWeights();
    }

    @Test
    void atTheExactPairTheLogWeightIsLogZUpToTheDiscretisation() {
        double[] coarse = logWeights(25);
        double[] fine = logWeights(200);
        double vCoarse = variance(coarse);
        double vFine = variance(fine);
        System.out.printf("PINN at the exact Gaussian pair: Var(log w) %.5f (N = 25), %.5f (N = 200); mean %.4f (log Z %.4f)%n",
                vCoarse, vFine, mean(fine), LOG_Z);
        assertTrue(vFine < 0.02, "Var(log w) at N = 200: " + vFine);
        assertTrue(vFine < vCoarse / 4, "Var(log w) must fall with the step: " + vCoarse + " -> " + vFine);
        assertEquals(LOG_Z, mean(fine), 0.02);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double variance(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return s / (a.length - 1);
    }
}
