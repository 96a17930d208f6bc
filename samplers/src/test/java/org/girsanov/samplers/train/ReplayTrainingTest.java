package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.targets.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer with a replay buffer: backward iterations happen, the buffer fills, resume is exact. */
class ReplayTrainingTest {
    @TempDir
    Path dir;

    private static TrainingConfig config(int iterations) {
        return TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.TB).withBatch(16).withSteps(5).withIterations(iterations)
                .toBuilder().exploration(1.5).build().toBuilder().replayEvery(2).build();
    }

    @Test
    void replayAlternatesBackwardIterationsAndFillsTheBuffer() {
        Target t = GridMixture.gmm9();
        try (Trainer tr = new Trainer(config(6), t)) {
            assertTrue(tr.behaviour(0).forward());
            tr.step();
            assertEquals(16, tr.exploration().buffer().size());
            assertFalse(tr.behaviour(1).forward(), "iteration 1 trains on backward paths from the buffer");
            for (int i = 1; i < 6; i++) {
                tr.step();
            }
            assertEquals(48, tr.exploration().buffer().size());
        }
    }

    @Test
    void resumeWithReplayIsBitwiseExact() throws Exception {
        Target t = GridMixture.gmm9();
        double[] full;
        try (Trainer a = new Trainer(config(7), t)) {
            for (int i = 0; i < 7; i++) {
                a.step();
            }
            full = flatten(a);
        }
        Path ck = dir.resolve("c.girsanov");
        try (Trainer b = new Trainer(config(7), t)) {
            for (int i = 0; i < 3; i++) {
                b.step();
            }
            b.save(ck);
        }
        try (Trainer c = Trainer.resume(ck, t, x -> x)) {
            assertEquals(32, c.exploration().buffer().size(), "buffer restored with its 32 states");
            while (c.iteration() < 7) {
                c.step();
            }
            assertArrayEquals(full, flatten(c));
        }
    }

    @Test
    void replayNeedsAnOffPolicyLoss() {
        assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.KL).toBuilder().replayEvery(2).build());
    }

    private static double[] flatten(Trainer t) {
        return t.parameters().stream().map(Parameter::value).flatMapToDouble(m -> java.util.Arrays.stream(m.data, 0,
                m.getNumElements())).toArray();
    }
}
