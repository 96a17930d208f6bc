package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.girsanov.samplers.families.Mcd;
import org.girsanov.samplers.metrics.LogWeights;
import org.junit.jupiter.api.Test;

/**
 * {@code girsanov train --sampler mcd}: untrained (learned backward drift 0) it is unadjusted Langevin annealing, path
 * by path the same log-weights as untrained CMCD; training its backward kernels alone (the forward has no parameters)
 * with LV or KL raises the ELBO and the ESS on a two-mode target.
 */
class McdTrainingTest {
    static TrainingConfig config(SamplerKind kind, String loss, int iterations) {
        return CmcdTrainingTest.config(loss, iterations).toBuilder().sampler(kind).build();
    }

    @Test
    void untrainedMcdIsUnadjustedAnnealingLikeUntrainedCmcd() {
        try (Trainer m = new Trainer(config(SamplerKind.MCD, "lv", 1), CmcdTrainingTest.TWO);
             Trainer c = new Trainer(config(SamplerKind.CMCD, "lv", 1), CmcdTrainingTest.TWO)) {
            assertTrue(m.model() instanceof Mcd, "the factory must build MCD, got " + m.model().name());
            assertArrayEquals(c.simulate(500, 7, 0, false).logWeights(), m.simulate(500, 7, 0, false).logWeights(), 1e-12);
        }
    }

    @Test
    void trainingTheBackwardKernelsRaisesTheElboAndTheEss() {
        for (String loss : new String[] {"lv", "kl"}) {
            try (Trainer t = new Trainer(config(SamplerKind.MCD, loss, 150), CmcdTrainingTest.TWO)) {
                PathBatch before = t.simulate(4000, 99, 0, false);
                for (int i = 0; i < 150; i++) {
                    t.step();
                }
                PathBatch after = t.simulate(4000, 99, 0, false);
                double essBefore = LogWeights.effectiveSampleSize(before.logWeights());
                double essAfter = LogWeights.effectiveSampleSize(after.logWeights());
                double elboBefore = LogWeights.logZLowerBound(before.logWeights());
                double elboAfter = LogWeights.logZLowerBound(after.logWeights());
                double logZ = LogWeights.logZImportance(after.logWeights());
                String msg = String.format(Locale.ROOT, "MCD-%s: g = 0: ESS %.3f, ELBO %.3f; 150 it: ESS %.3f, ELBO %.3f, IS log Z %.4f",
                        loss, essBefore, elboBefore, essAfter, elboAfter, logZ);
                System.out.println(msg);
                assertTrue(elboAfter > elboBefore + 0.05, msg);
                assertTrue(essAfter > 1.2 * essBefore, msg);
                assertEquals(0.0, logZ, 0.1, msg);
            }
        }
    }
}
