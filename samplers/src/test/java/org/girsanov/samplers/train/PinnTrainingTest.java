package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.pinn.Pinn;
import org.girsanov.samplers.pinn.PinnLoss;
import org.girsanov.samplers.targets.GaussianTarget;
import org.junit.jupiter.api.Test;

/**
 * {@code girsanov train --sampler pinn}: the factory builds the PINN sampler with the Fokker–Planck residual loss; a
 * short run on a 2-D Gaussian drives {@code E[R²]} down by three orders of magnitude, the importance weights of the trained
 * sampler (its Euler–Maruyama kernel ratio) give {@code log Z} within five delta-method standard errors
 * {@code se(log Ẑ) ≈ √((1/ESS − 1)/K)}, and the learned {@code c_φ} (0 untrained) approaches {@code log Z} (within 0.05); one and
 * two threads give the same bits, and a run resumed from a checkpoint continues with them.
 */
class PinnTrainingTest {
    static final GaussianTarget GAUSS = GaussianTarget.isotropic("gauss", new double[] {1.5, -1.0}, 0.4, Math.log(3.0));

    static TrainingConfig config(int iterations, int threads) {
        return TrainingConfig.defaults("gauss", SamplerKind.PINN, LossKind.PINN).toBuilder().steps(20).batch(128)
                .iterations(iterations).lr(1e-2).lrFinal(1e-3).emaDecay(0.0).width(32).layers(1).evalEvery(0)
                .evalPaths(2000).threads(threads).build();
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    @Test
    void aShortRunDrivesTheResidualDownAndGivesLogZWithinItsStandardError() {
        int iterations = 800;
        try (Trainer t = new Trainer(config(iterations, 2), GAUSS)) {
            assertTrue(t.model() instanceof Pinn, "the factory must build PINN, got " + t.model().name());
            assertTrue(t.loss() instanceof PinnLoss, "the default loss of pinn must be the residual, got " + t.loss().name());
            PathBatch before = t.simulate(4000, 99, 0, false);
            double[] losses = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                losses[i] = t.step().loss();
            }
            PathBatch after = t.simulate(4000, 99, 0, false);
            double[] lw = after.logWeights();
            int k = lw.length;
            double ess = LogWeights.effectiveSampleSize(lw);
            double logZ = LogWeights.logZImportance(lw);
            double tol = 5 * Math.sqrt((1 / ess - 1) / k);
            double learned = ((PinnLoss) t.loss()).learnedLogZ();
            String msg = String.format(Locale.ROOT, "E[R²] first 10 it %.4f, last 10 %.6f; ESS untrained %.3f, trained %.3f;"
                    + " IS log Z %.4f (true %.4f, tol %.4f); learned c_φ %.4f",
                    mean(losses, 0, 10), mean(losses, iterations - 10, iterations),
                    LogWeights.effectiveSampleSize(before.logWeights()), ess, logZ, Math.log(3.0), tol, learned);
            System.out.println(msg);
            assertTrue(mean(losses, iterations - 10, iterations) < 1e-3 * mean(losses, 0, 10), msg);
            assertEquals(Math.log(3.0), logZ, tol, msg);
            assertEquals(Math.log(3.0), learned, 0.05, "the learned c_φ (untrained: 0) must approach log Z: " + msg);
        }
    }

    @Test
    void aResumedRunContinuesWithTheSameBits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        double[] straight = new double[12];
        try (Trainer a = new Trainer(config(12, 2), GAUSS)) {
            for (int i = 0; i < 12; i++) {
                straight[i] = a.step().loss();
            }
        }
        java.nio.file.Path file = dir.resolve("pinn.ckpt");
        try (Trainer b = new Trainer(config(12, 2), GAUSS)) {
            for (int i = 0; i < 7; i++) {
                b.step();
            }
            b.save(file);
        }
        try (Trainer c = Trainer.resume(file, GAUSS, x -> x)) {
            for (int i = 7; i < 12; i++) {
                assertEquals(Double.doubleToLongBits(straight[i]), Double.doubleToLongBits(c.step().loss()),
                        "iteration " + i + " after a resume at 7 (buffer, θ, φ and Adam state restored)");
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        double[] one = new double[8];
        double[] two = new double[8];
        try (Trainer a = new Trainer(config(8, 1), GAUSS); Trainer b = new Trainer(config(8, 2), GAUSS)) {
            for (int i = 0; i < 8; i++) {
                one[i] = a.step().loss();
                two[i] = b.step().loss();
            }
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(Double.doubleToLongBits(one[i]), Double.doubleToLongBits(two[i]), "iteration " + i);
        }
    }
}
