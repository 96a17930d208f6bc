package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.girsanov.autodiff.io.ParameterFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time-based checkpoint on a fake clock, and the training seconds a checkpoint carries across a resume. */
class CheckpointPolicyTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** A clock that moves one second forward on every read, starting at 0. */
    private static LongSupplier ticking() {
        AtomicLong reads = new AtomicLong();
        return () -> reads.getAndIncrement() * SECOND;
    }

    /** The tiny config of the training tests: {@code iterations} steps, iteration checkpoints every {@code every}. */
    private static TrainingConfig config(int iterations, int every) {
        return TrainingRunsTest.config(LossKind.LV, iterations).withBatch(8).withSteps(4).toBuilder().checkpointEvery(every).build();
    }

    /** Trains {@code t} on {@code policy}, recording every checkpoint as (iteration, its train_seconds). */
    private static List<String> train(Trainer t, Path file, CheckpointPolicy policy) throws IOException {
        List<String> seen = new ArrayList<>();
        t.train(new TrainingListener() {
            @Override
            public void checkpointed(long iteration, Path f) {
                try {
                    seen.add(iteration + "@" + ParameterFile.read(f).metadata().get("train_seconds"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, file, () -> false, policy);
        return seen;
    }

    @Test
    void dueOnlyOnceTheIntervalHasPassedAndNeverWhenOff() {
        CheckpointPolicy p = new CheckpointPolicy(2.5, () -> 0);
        assertFalse(p.due(2_499_999_999L, 0));
        assertTrue(p.due(2_500_000_000L, 0));
        assertTrue(p.due(10 * SECOND, 7 * SECOND));
        assertFalse(new CheckpointPolicy(0, () -> 0).due(Long.MAX_VALUE / 2, 0), "0 turns it off");
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY, CheckpointPolicy.MAX_SECONDS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointPolicy.everySeconds(bad));
            assertTrue(e.getMessage().contains("0 (off) to 86400"), e.getMessage());
        }
    }

    @Test
    void aCheckpointWheneverTheIntervalHasPassedBesidesTheIterationIntervalAndTheEnd() throws Exception {
        Path file = dir.resolve("a.ckpt");
        try (Trainer t = new Trainer(config(10, 0), TrainingRunsTest.GAUSS)) {
            // the clock reads 0 at the start and k seconds after iteration k; the end reads 11
            assertEquals(List.of("3@3.0", "6@6.0", "9@9.0", "10@11.0"), train(t, file, new CheckpointPolicy(3, ticking())));
            assertEquals(11.0, t.trainingSeconds());
        }
        try (Trainer t = new Trainer(config(10, 4), TrainingRunsTest.GAUSS)) {
            // an iteration checkpoint restarts the interval as well
            assertEquals(List.of("3@3.0", "4@4.0", "7@7.0", "8@8.0", "10@11.0"),
                    train(t, dir.resolve("b.ckpt"), new CheckpointPolicy(3, ticking())));
        }
        try (Trainer t = new Trainer(config(10, 4), TrainingRunsTest.GAUSS)) {
            assertEquals(List.of("4@4.0", "8@8.0", "10@11.0"), train(t, dir.resolve("c.ckpt"), new CheckpointPolicy(0, ticking())));
        }
    }

    @Test
    void trainingSecondsAccumulateAcrossResumesAndAnOlderCheckpointCountsFromZero() throws Exception {
        Path file = dir.resolve("run.ckpt");
        double[] straight;
        try (Trainer t = new Trainer(config(6, 0), TrainingRunsTest.GAUSS)) {
            t.train(new TrainingListener() { }, null, () -> false, new CheckpointPolicy(0, ticking()));
            straight = TrainingRunsTest.values(t);
        }
        try (Trainer t = new Trainer(config(6, 0), TrainingRunsTest.GAUSS)) {
            t.train(new TrainingListener() { }, file, () -> t.iteration() >= 2, new CheckpointPolicy(0, ticking()));
            assertEquals(3.0, t.trainingSeconds(), "reads 0, 1, 2 and the end's 3");
        }
        try (Trainer t = Trainer.resume(file, TrainingRunsTest.GAUSS, x -> x)) {
            assertEquals(3.0, t.trainingSeconds());
            assertEquals(0.0, t.segmentSeconds());
            assertEquals(List.of("6@8.0"), train(t, file, new CheckpointPolicy(0, ticking())));
            assertEquals(5.0, t.segmentSeconds());
            assertArrayEquals(straight, TrainingRunsTest.values(t), "the clock never changes the numbers");
        }
        ParameterFile.Contents read = ParameterFile.read(file);
        ParameterFile.Contents older = new ParameterFile.Contents(new java.util.LinkedHashMap<>(read.matrices()),
                new java.util.LinkedHashMap<>(read.metadata()), new java.util.LinkedHashMap<>(read.blobs()));
        older.metadata().remove("train_seconds");
        ParameterFile.write(file, older);
        try (Trainer t = Trainer.resume(file, TrainingRunsTest.GAUSS, x -> x)) {
            assertEquals(0.0, t.trainingSeconds(), "a checkpoint from before the key resumes from 0 s");
        }
    }
}
