package org.girsanov.samplers.annealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.samplers.mcmc.Hmc;
import org.girsanov.samplers.mcmc.Mala;
import org.girsanov.samplers.mcmc.Ula;
import org.girsanov.samplers.targets.GaussianTarget;
import org.junit.jupiter.api.Test;

/** AIS on a Gaussian-to-Gaussian path: prior N(0, 4I), target Z · N((1, −1), 0.5 I) with log Z = 1.3. */
class AisTest {
    static final double LOG_Z = 1.3;

    static GaussianTarget target() {
        return GaussianTarget.isotropic("unnormalised-gaussian", new double[] {1, -1}, 0.5, LOG_Z);
    }

    /** mean of w/Z within k standard errors of 1. */
    static void assertUnbiased(String what, double[] logW, double k) {
        int n = logW.length;
        double s = 0;
        double s2 = 0;
        for (double lw : logW) {
            double w = Math.exp(lw - LOG_Z);
            s += w;
            s2 += w * w;
        }
        double mean = s / n;
        double se = Math.sqrt((s2 / n - mean * mean) / n);
        assertTrue(Math.abs(mean - 1) <= k * se, what + ": E[w]/Z = " + mean + " ± " + se);
    }

    @Test
    void malaAisIsUnbiasedForZ() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(61L);
        AnnealedResult r = new Ais(new Mala(), 2.0, BetaSchedule.linear(20), 2, 0.2).run(target(), 2000, rng);
        assertUnbiased("AIS-MALA", r.logWeights(), 5);
        assertEquals(LOG_Z, r.logZ(), 0.05);
        assertTrue(r.ess() > 0.5, "ESS " + r.ess());
        assertEquals(0, r.resamplings());
        assertTrue(r.acceptanceRate() > 0.4 && r.acceptanceRate() < 0.8, "acceptance " + r.acceptanceRate());
        // 2000 initial evaluations + 20 levels × 2 MALA steps
        assertEquals(2000L * (1 + 40), r.evaluations().densityEvaluations());
    }

    @Test
    void withoutTransitionsItIsImportanceSampling() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(62L);
        AnnealedResult r = new Ais(new Mala(), 2.0, BetaSchedule.linear(5), 0, 0.2).run(target(), 20000, rng);
        assertUnbiased("IS", r.logWeights(), 5);
    }

    @Test
    void hmcAndUlaTransitions() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(63L);
        AnnealedResult hmc = new Ais(new Hmc(3), 2.0, BetaSchedule.power(20, 2), 1, 0.2).run(target(), 2000, rng);
        assertUnbiased("AIS-HMC", hmc.logWeights(), 5);
        AnnealedResult ula = new Ais(new Ula(), 2.0, BetaSchedule.linear(20), 2, 0.01).run(target(), 2000, rng);
        assertEquals(LOG_Z, ula.logZ(), 0.1);
    }

    @Test
    void badScheduleIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ais(new Mala(), 1.0, new double[] {0, 0.5, 0.4, 1}, 1, 0.1));
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ais(new Mala(), 1.0, new double[] {0.1, 1}, 1, 0.1));
    }
}
