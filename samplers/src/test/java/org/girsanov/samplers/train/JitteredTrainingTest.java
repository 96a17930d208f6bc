package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a fresh jittered grid every iteration ({@code grid = jittered}): the grid of iteration {@code i} is a
 * function of {@code (seed, i)} only, so resume and thread count change nothing; the model itself stays on the
 * uniform grid it is evaluated on.
 */
class JitteredTrainingTest {
    static TrainingConfig config() {
        return TrainingRunsTest.config(LossKind.LV, 6).withBatch(64).withSteps(8).withGrid(GridSpec.JITTERED);
    }

    @Test
    void everyIterationHasItsOwnGridAndTheModelKeepsTheUniformOne() {
        try (Trainer t = new Trainer(config(), TrainingRunsTest.GAUSS)) {
            assertTrue(t.model().grid().isUniform());
            assertEquals(8, t.model().grid().steps());
            assertFalse(t.trainedOn(0).grid().isUniform());
            assertEquals(t.trainedOn(0).grid(), t.trainedOn(0).grid());
            assertNotEquals(t.trainedOn(0).grid(), t.trainedOn(1).grid());
        }
        try (Trainer t = new Trainer(config().withGrid(GridSpec.UNIFORM), TrainingRunsTest.GAUSS)) {
            assertEquals(t.model().grid(), t.trainedOn(3).grid());
        }
    }

    @Test
    void resumedAndOneThreadRunsAreBitwiseTheUninterruptedTwoThreadRun(@TempDir Path dir) throws Exception {
        double[] straight;
        try (Trainer t = new Trainer(config(), TrainingRunsTest.GAUSS)) {
            TrainingRunsTest.steps(t, 6);
            straight = TrainingRunsTest.values(t);
        }
        double[] uniform;
        try (Trainer t = new Trainer(config().withGrid(GridSpec.UNIFORM), TrainingRunsTest.GAUSS)) {
            TrainingRunsTest.steps(t, 6);
            uniform = TrainingRunsTest.values(t);
        }
        assertFalse(java.util.Arrays.equals(straight, uniform), "the jittered grids changed nothing");
        Path file = dir.resolve("jit.ckpt");
        try (Trainer t = new Trainer(config().withThreads(1), TrainingRunsTest.GAUSS)) {
            TrainingRunsTest.steps(t, 3);
            t.save(file);
        }
        try (Trainer t = Trainer.resume(file, TrainingRunsTest.GAUSS, c -> c.withThreads(2))) {
            TrainingRunsTest.steps(t, 3);
            assertArrayEquals(straight, TrainingRunsTest.values(t));
        }
    }
}
