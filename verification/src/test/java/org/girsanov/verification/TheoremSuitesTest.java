package org.girsanov.verification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.Sde;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ProcessPair;
import org.girsanov.sde.check.ProcessPairs;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;
import org.junit.jupiter.api.Test;

/** The theorem checks of docs/math.md §7.1, §7.2 and §7.7 over random instances. */
class TheoremSuitesTest {

    @Test
    void emRatioEqualsDiscretisedGirsanovOverRandomPairs() {
        Property.forAll(Generators.nonlinearPairs(4), 30, 701, (pair, rng) -> {
            IsotropicGaussian prior = IsotropicGaussian.centred(pair.dimension(), 1.0);
            LogDensity target = (t, x) -> t.scale(t.sumCols(t.square(t.sin(x))), -1.0);
            return EmGirsanovIdentity.check(pair.forward(), pair.backward(), prior, target, pair.grid(), 16, rng, 1e-10);
        });
    }

    @Test
    void emIdentityCheckCanFail() {
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        Sde f = new Sde(Generators.tanh(1, 1, 1), new ConstantSchedule(1));
        Sde b = new Sde(Generators.tanh(1, 1, 1), new ConstantSchedule(2)); // σ differs: not the constant-σ identity
        IsotropicGaussian p = IsotropicGaussian.centred(2, 1);
        assertFalse(EmGirsanovIdentity.check(f, b, p, p, org.girsanov.sde.TimeGrid.uniform(1, 5), 8, rng, 1e-10).passed());
    }

    @Test
    void logWeightIsConsistentOverRandomOuInstances() {
        Property.forAll(Generators.ouInstances(3, 2, 2), 4, 702, (inst, rng) -> {
            VpOrnsteinUhlenbeck ou = inst.process();
            ProcessPair pair = ProcessPairs.exactReversal("random-ou", ou, 1.0);
            return LogWeightConsistency.check(pair, new ConsistencyChecker.Config(4, 4, 2, 150, rng.nextLong()), 0.4, 3.0);
        });
    }

    @Test
    void logWeightIsConsistentForAMismatchedPairToo() {
        ProcessPair pair = ProcessPairs.named("ou-mismatched");
        Verdict v = LogWeightConsistency.check(pair, new ConsistencyChecker.Config(4, 4, 2, 150, 9), 0.4, 3.0);
        assertTrue(v.passed(), v.toString());
        assertTrue(v.numbers().get("nelson_finest") > 1.0, v.toString());
    }

    @Test
    void ouClosedFormsHoldOverRandomParametersSchedulesAndGrids() {
        List<Verdict> vs = Property.forAll(Generators.ouInstances(3, 1, 12), 20, 703,
                (inst, rng) -> OuClosedForms.check(inst.process(), inst.grid(), 3000, 5.0, rng));
        assertTrue(vs.size() == 20);
    }

    @Test
    void ouClosedFormsDetectAWrongReversal() {
        // A deliberately wrong forward drift (+x instead of −βx) with the true marginals: the forward
        // Fokker–Planck residual cannot vanish.
        VpOrnsteinUhlenbeck ou = new VpOrnsteinUhlenbeck(new org.girsanov.sde.VpLinearSchedule(1, 1, 1, 1),
                new IsotropicGaussian(new double[] {1.0}, 0.2));
        Drift wrong = (t, x, s) -> t.scale(x, 1.0);
        var pts = ou.marginal(0.5).sample(8, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        double[] r = OuClosedForms.fokkerPlanckResiduals(ou, wrong, ou.reversalDrift(), ou.schedule(), 0.5, pts);
        double[] right = OuClosedForms.fokkerPlanckResiduals(ou, ou.sde().drift(), ou.reversalDrift(), ou.schedule(), 0.5, pts);
        assertTrue(right[0] < 1e-6 && right[1] < 1e-6, "matched residuals " + right[0] + ", " + right[1]);
        assertTrue(r[0] > 1e-2, "forward residual " + r[0]);
    }
}
