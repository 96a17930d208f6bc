package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.girsanov.samplers.ldvi.Ldvi;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.targets.GaussianMixture;
import org.junit.jupiter.api.Test;

/**
 * {@code girsanov train --sampler ldvi}: the factory builds LDVI with the KL (ELBO) loss by default; a short run on a
 * two-mode 2-D mixture raises the ELBO and the ESS; one and two threads give the same bits; a resumed run (learned
 * {@code h} and {@code γ} included) continues with the bits of an uninterrupted one; the config keeps its underdamped
 * fields and refuses what does not apply.
 */
class LdviTrainingTest {
    /** Two modes in 2-D, {@code Z = 1}. */
    static final GaussianMixture TWO = GaussianMixture.isotropic("two2d", new double[][] {{-1.5, 0.5}, {1.5, -0.5}}, 0.3,
            new double[] {0.35, 0.65});

    static TrainingConfig config(String loss, int iterations, int threads, boolean learn) {
        return TrainingConfig.defaults("two2d", SamplerKind.LDVI, LossKind.parse(loss)).toBuilder().steps(12).batch(128)
                .iterations(iterations).lr(1e-2).lrFinal(1e-3).emaDecay(0.0).width(32).layers(1).evalEvery(0)
                .evalPaths(2000).threads(threads).underdamped(new Underdamped(0.25, 1.0, learn)).build();
    }

    @Test
    void aShortRunRaisesTheElboAndTheEss() {
        for (boolean learn : new boolean[] {false, true}) {
            int iterations = 150;
            try (Trainer t = new Trainer(config("kl", iterations, 2, learn), TWO)) {
                assertTrue(t.model() instanceof Ldvi, "the factory must build LDVI, got " + t.model().name());
                assertTrue(t.loss() instanceof KlLoss, "ldvi trains the ELBO by default, got " + t.loss().name());
                PathBatch before = t.simulate(4000, 99, 0, false);
                for (int i = 0; i < iterations; i++) {
                    t.step();
                }
                PathBatch after = t.simulate(4000, 99, 0, false);
                assertEquals(2, after.endPoints().numCols, "end points are the positions");
                double essBefore = LogWeights.effectiveSampleSize(before.logWeights());
                double essAfter = LogWeights.effectiveSampleSize(after.logWeights());
                double elboBefore = LogWeights.logZLowerBound(before.logWeights());
                double elboAfter = LogWeights.logZLowerBound(after.logWeights());
                double logZ = LogWeights.logZImportance(after.logWeights());
                Ldvi m = (Ldvi) t.model();
                String msg = String.format(Locale.ROOT, "LDVI-KL learn=%s: untrained ESS %.3f, ELBO %.3f; %d it: ESS %.3f,"
                        + " ELBO %.3f, IS log Z %.4f (true 0); h %.4f, γ %.4f", learn, essBefore, elboBefore, iterations,
                        essAfter, elboAfter, logZ, m.step(), m.friction());
                System.out.println(msg);
                assertTrue(elboAfter > elboBefore + 0.05, msg);
                assertTrue(essAfter > 1.1 * essBefore, msg);
                assertEquals(0.0, logZ, 0.1, msg);
                assertTrue(learn == (m.step() != 0.25), "h moves iff it is learned: " + msg);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        for (String loss : new String[] {"kl", "lv"}) {
            double[] one;
            double[] two;
            double[] lossOne = new double[5];
            double[] lossTwo = new double[5];
            try (Trainer a = new Trainer(config(loss, 5, 1, true), TWO); Trainer b = new Trainer(config(loss, 5, 2, true), TWO)) {
                for (int i = 0; i < 5; i++) {
                    lossOne[i] = a.step().loss();
                    lossTwo[i] = b.step().loss();
                }
                one = a.simulate(300, 5, 0, false).logWeights();
                two = b.simulate(300, 5, 0, false).logWeights();
            }
            assertArrayEquals(lossOne, lossTwo, 0.0, loss + ": losses at 1 and 2 threads");
            assertArrayEquals(one, two, 0.0, loss + ": log-weights after 5 steps at 1 and 2 threads");
        }
    }

    @Test
    void aResumedRunContinuesWithTheSameBits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        double[] straight = new double[10];
        try (Trainer a = new Trainer(config("kl", 10, 2, true), TWO)) {
            for (int i = 0; i < 10; i++) {
                straight[i] = a.step().loss();
            }
        }
        java.nio.file.Path file = dir.resolve("ldvi.ckpt");
        try (Trainer b = new Trainer(config("kl", 10, 2, true), TWO)) {
            for (int i = 0; i < 6; i++) {
                b.step();
            }
            b.save(file);
        }
        try (Trainer c = Trainer.resume(file, TWO, x -> x)) {
            assertTrue(((Ldvi) c.model()).learnsCoefficients(), "the resumed config keeps learn_step");
            for (int i = 6; i < 10; i++) {
                assertEquals(Double.doubleToLongBits(straight[i]), Double.doubleToLongBits(c.step().loss()),
                        "iteration " + i + " after a resume at 6 (s_θ, log h, log γ and Adam restored)");
            }
        }
    }

    @Test
    void theConfigKeepsItsUnderdampedFieldsAndRefusesWhatDoesNotApply() {
        TrainingConfig c = config("lv", 3, 1, true);
        assertEquals(c, TrainingConfig.fromMap(c.toMap()));
        assertEquals("true", c.toMap().get("learn_step"));
        assertTrue(!TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toMap().containsKey("friction"),
                "other samplers' configs do not change");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig
                .defaults("gmm9", SamplerKind.CMCD, LossKind.LV).toBuilder().underdamped(new Underdamped(0.1, 2.0, false)).build());
        assertTrue(e.getMessage().startsWith("step = 0.1, friction = 2.0") && e.getMessage().contains("ldvi sampler only"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Underdamped(0.0, 1.0, false));
        assertTrue(e.getMessage().startsWith("step = 0.0; the leapfrog step h must be finite and > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Underdamped(0.1, -2.0, false));
        assertTrue(e.getMessage().startsWith("friction = -2.0; the friction γ must be finite and > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.toBuilder().replayEvery(2).build());
        assertTrue(e.getMessage().startsWith("replayEvery = 2; ldvi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.toBuilder().langevin(true).build());
        assertTrue(e.getMessage().startsWith("langevin = true; ldvi"), e.getMessage());
    }
}
