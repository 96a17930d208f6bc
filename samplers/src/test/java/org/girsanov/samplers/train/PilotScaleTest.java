package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.CountingTarget;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.targets.Target;
import org.junit.jupiter.api.Test;

/** {@link PilotScale}: the estimator against closed forms, and the annealed kinds' prior built from it on request. */
class PilotScaleTest {
    @Test
    void theRmsStdIsTheRootOfTheMeanUnbiasedVariance() {
        // column 0: 1, 2, 3, 4 (variance 5/3); column 1: 0, 0, 0, 8 (variance 16)
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {2, 0}, {3, 0}, {4, 8}});
        assertEquals(Math.sqrt((5.0 / 3 + 16) / 2), PilotScale.rmsStd(x), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> PilotScale.rmsStd(new DMatrixRMaj(1, 3)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PilotScale.rmsStd(new DMatrixRMaj(5, 2)));
        assertTrue(e.getMessage().contains("give the prior std explicitly"), e.getMessage());
    }

    @Test
    void thePilotFindsTheScaleOfTargetsItHasNotBeenToldAbout() {
        // gmm9 against the coordinate std its marginalStd states (law of total variance); a wide Gaussian
        Target gmm9 = GridMixture.gmm9();
        double want = gmm9.marginalStd().orElseThrow()[0];
        assertEquals(want, PilotScale.estimate(gmm9, 1), 0.1 * want, "gmm9 (coordinate std " + want + ")");
        Target wide = GaussianTarget.isotropic("wide", new double[] {0, 0, 0}, 9.0, 0.0);
        assertEquals(3.0, PilotScale.estimate(wide, 1), 0.3, "N(0, 9 I)");
        assertEquals(PilotScale.estimate(gmm9, 5), PilotScale.estimate(gmm9, 5), 0.0, "the same seed, the same bits");
    }

    @Test
    void askedForThePilotTheAnnealedKindsStartFromItsScaleAndCountItsEvaluations() {
        Target gmm9 = GridMixture.gmm9();
        double s = PilotScale.estimate(gmm9, 0);
        for (SamplerKind k : List.of(SamplerKind.CMCD, SamplerKind.MCD, SamplerKind.NETS, SamplerKind.LDVI, SamplerKind.PINN)) {
            TrainingConfig base = TrainingConfig.defaults("gmm9", k, k.defaultLoss()).toBuilder().steps(4).build();
            TrainingConfig c = base.toBuilder().priorStd(TrainingConfig.Discretisation.PILOT).build();
            assertEquals(c, TrainingConfig.fromMap(c.toMap()), k + ": prior_std = pilot written and read back");
            assertEquals("pilot", c.toMap().get("prior_std"));
            CountingTarget counted = new CountingTarget(gmm9);
            Sampler m = SamplerFactory.model(c, counted);
            assertTrue(counted.total() > 100_000, k + ": the pilot's evaluations count (" + counted.total() + ")");
            assertEquals(s, priorStdOf(m), 0.05 * s, k + ": the prior's std (of the positions) is the pilot's");
            CountingTarget plain = new CountingTarget(gmm9);
            assertEquals(1.0, priorStdOf(SamplerFactory.model(base, plain)), 0.05, k + ": the default prior N(0, I)");
            assertEquals(0, plain.total(), k + ": no pilot unless asked for");
        }
    }

    private static double priorStdOf(Sampler m) {
        DMatrixRMaj x = m.prior().sample(4000, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        double ss = 0;
        for (int i = 0; i < 4000; i++) {
            ss += x.get(i, 0) * x.get(i, 0);
        }
        return Math.sqrt(ss / 4000);
    }
}
