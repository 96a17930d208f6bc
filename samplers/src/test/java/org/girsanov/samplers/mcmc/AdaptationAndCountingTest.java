package org.girsanov.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.LogDensityTarget;
import org.girsanov.samplers.targets.ManyWell;
import org.junit.jupiter.api.Test;

class AdaptationAndCountingTest {

    @Test
    void malaAdaptsTowardsOptimalAcceptance() {
        GaussianTarget g = GaussianTarget.standard(10);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(41L);
        for (boolean perChain : new boolean[] {true, false}) {
            McmcResult r = new McmcSampler(new Mala(), 5.0, 400, 200, 10, perChain).run(g, g.sample(50, rng), rng);
            assertEquals(Mala.OPTIMAL_ACCEPTANCE, r.acceptanceRate(), 0.06, "perChain=" + perChain);
        }
    }

    @Test
    void hmcAdaptsTowardsItsTarget() {
        GaussianTarget g = GaussianTarget.standard(10);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        McmcResult r = new McmcSampler(new Hmc(4), 0.01, 400, 200, 10).run(g, g.sample(50, rng), rng);
        assertEquals(0.65, r.acceptanceRate(), 0.06);
    }

    @Test
    void evaluationsAreCountedPerPoint() {
        int n = 7;
        int warm = 3;
        int steps = 5;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(43L);
        ManyWell mw = ManyWell.mw5();
        DMatrixRMaj x0 = mw.sample(n, rng);
        EvaluationCounter mala = new McmcSampler(new Mala(), 0.01, warm, steps, 1).run(mw, x0, rng).evaluations();
        assertEquals(n * (1 + warm + steps), mala.densityEvaluations());
        assertEquals(n * (1 + warm + steps), mala.gradientEvaluations());
        EvaluationCounter hmc = new McmcSampler(new Hmc(4), 0.01, warm, steps, 1).run(mw, x0, rng).evaluations();
        assertEquals(n * (1 + warm + steps), hmc.densityEvaluations());
        assertEquals(n * (1 + 4 * (warm + steps)), hmc.gradientEvaluations());
        // an autodiff target: density and gradient come from one tape, counted once each
        LogDensityTarget ad = new LogDensityTarget("mw5-ad", 5, mw::logDensity);
        EvaluationCounter ula = new McmcSampler(new Ula(), 0.001, 0, steps, 1).run(ad, x0, rng).evaluations();
        assertEquals(n * (1 + steps), ula.densityEvaluations());
        assertEquals(n * (1 + steps), ula.gradientEvaluations());
    }

    @Test
    void divergedUlaNamesTargetAndPoint() {
        // log ρ = −x⁴: ULA with a huge step explodes to ±∞ and then NaN
        LogDensityTarget quartic = new LogDensityTarget("quartic", 1, (t, x) -> t.neg(t.square(t.square(x))));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(44L);
        DMatrixRMaj x0 = new DMatrixRMaj(new double[][] {{3.0}});
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new McmcSampler(new Ula(), 10.0, 0, 20, 1).run(quartic, x0, rng));
        assertTrue(e.getMessage().contains("quartic") && e.getMessage().contains("x = ["), e.getMessage());
    }

    @Test
    void dimensionMismatchIsNamed() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(45L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new McmcSampler(new Mala(), 0.1, 0, 1, 1).run(ManyWell.mw5(), new DMatrixRMaj(2, 3), rng));
        assertTrue(e.getMessage().contains("mw5") && e.getMessage().contains("2x3"), e.getMessage());
    }
}
