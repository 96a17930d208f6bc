package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Cmcd;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.targets.GaussianMixture;
import org.junit.jupiter.api.Test;

/**
 * {@code girsanov train --sampler cmcd}: the factory builds CMCD whose untrained drift is exactly 0 (unadjusted
 * Langevin annealing, AIS with ULA kernels), and a short LV run on a two-mode target raises the ESS well above it
 * and gets the mode weights right.
 */
class CmcdTrainingTest {
    static final GaussianMixture TWO = GaussianMixture.isotropic("two", new double[][] {{-2.0}, {2.0}}, 0.15,
            new double[] {0.3, 0.7});

    static TrainingConfig config(String loss, int iterations) {
        return TrainingConfig.defaults("two", SamplerKind.CMCD, LossKind.parse(loss)).toBuilder().steps(20).batch(128).iterations(iterations)
                .lr(1e-2).lrFinal(1e-3).emaDecay(0.0).width(32).layers(1).langevin(false).evalEvery(0).evalPaths(2000)
                .build();
    }

    static double rightModeWeight(PathBatch p) {
        DMatrixRMaj x = p.endPoints();
        double[] lw = p.logWeights();
        double lse = LogWeights.logSumExp(lw);
        double right = 0;
        for (int i = 0; i < x.numRows; i++) {
            right += x.get(i, 0) > 0 ? Math.exp(lw[i] - lse) : 0;
        }
        return right;
    }

    @Test
    void lvTrainingImprovesTheEssOfUnadjustedLangevinAnnealing() {
        try (Trainer t = new Trainer(config("lv", 200), TWO)) {
            assertTrue(t.model() instanceof Cmcd, "the factory must build CMCD, got " + t.model().name());
            PathBatch before = t.simulate(4000, 99, 0, false);
            double essBefore = LogWeights.effectiveSampleSize(before.logWeights());
            for (int i = 0; i < 200; i++) {
                t.step();
            }
            PathBatch after = t.simulate(4000, 99, 0, false);
            double essAfter = LogWeights.effectiveSampleSize(after.logWeights());
            double logZ = LogWeights.logZImportance(after.logWeights());
            double elboBefore = LogWeights.logZLowerBound(before.logWeights());
            double elboAfter = LogWeights.logZLowerBound(after.logWeights());
            String msg = String.format(Locale.ROOT,
                    "f = 0 (ULA annealing): ESS %.3f, ELBO %.3f; CMCD-LV 200 it: ESS %.3f, ELBO %.3f, IS log Z %.4f, "
                            + "right-mode mass %.3f (true 0.7)", essBefore, elboBefore, essAfter, elboAfter, logZ,
                    rightModeWeight(after));
            System.out.println(msg);
            assertTrue(essAfter > 2 * essBefore && essAfter > 0.5, msg);
            assertTrue(elboAfter > elboBefore, msg);
            assertEquals(0.0, logZ, 0.05, msg);
            assertEquals(0.7, rightModeWeight(after), 0.05, msg);
        }
    }

    /** KL (reparametrised, through the score along the path) and TB (learned log Z_θ) train CMCD too. */
    @Test
    void klAndTbTrainingImproveItToo() {
        for (String loss : new String[] {"kl", "tb"}) {
            try (Trainer t = new Trainer(config(loss, 80).toBuilder().logZLrScale(10).build(), TWO)) {
                double before = LogWeights.effectiveSampleSize(t.simulate(4000, 99, 0, false).logWeights());
                for (int i = 0; i < 80; i++) {
                    t.step();
                }
                double after = LogWeights.effectiveSampleSize(t.simulate(4000, 99, 0, false).logWeights());
                String msg = String.format(Locale.ROOT, "CMCD-%s 80 it: ESS %.3f -> %.3f", loss, before, after);
                System.out.println(msg);
                assertTrue(after > 1.5 * before, msg);
            }
        }
    }
}
