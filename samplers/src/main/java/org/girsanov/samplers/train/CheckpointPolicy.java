package org.girsanov.samplers.train;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * When {@link Trainer#train(TrainingListener, java.nio.file.Path, java.util.function.BooleanSupplier, CheckpointPolicy)}
 * writes a checkpoint besides every {@link TrainingConfig.Run#checkpointEvery()} iterations and at the end: whenever at
 * least {@link #seconds()} of wall time have passed since the last checkpoint (or since training started), so a
 * crash loses at most about that much work however slow an iteration is. {@code 0} turns the time-based checkpoint
 * off. A run option, not part of the config: it never changes the numbers a run produces.
 *
 * <p>Time comes from a nanosecond clock ({@code System::nanoTime} unless one is injected, e.g. a fake clock in a
 * test); {@link Trainer} reads it once when training starts, once after every iteration and once at the end.
 */
public final class CheckpointPolicy {
    /** The default interval: a checkpoint at least every minute. */
    public static final double DEFAULT_SECONDS = 60;
    /** The iterations between two checkpoints of the default configs ({@link TrainingConfig.Run#checkpointEvery()}). */
    public static final int DEFAULT_EVERY = 500;
    /** The longest interval accepted: one day. */
    public static final double MAX_SECONDS = 86_400;

    private final double seconds;
    private final long intervalNanos;
    private final LongSupplier clock;

    /**
     * @param seconds   least wall time between two checkpoints, {@code 0} (off) to {@link #MAX_SECONDS}
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public CheckpointPolicy(double seconds, LongSupplier nanoClock) {
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("checkpoint seconds = " + seconds + "; must be 0 (off) to " + (long) MAX_SECONDS);
        }
        this.seconds = seconds;
        this.intervalNanos = Math.round(seconds * 1e9);
        this.clock = Objects.requireNonNull(nanoClock, "CheckpointPolicy: nanoClock must not be null");
    }

    /** A checkpoint at least every {@code seconds} of wall time ({@code 0}: off), on {@code System::nanoTime}. */
    public static CheckpointPolicy everySeconds(double seconds) {
        return new CheckpointPolicy(seconds, System::nanoTime);
    }

    /** A checkpoint at least every {@link #DEFAULT_SECONDS}, on {@code System::nanoTime}. */
    public static CheckpointPolicy defaults() {
        return everySeconds(DEFAULT_SECONDS);
    }

    /** The least wall time between two checkpoints, {@code 0} when the time-based checkpoint is off. */
    public double seconds() {
        return seconds;
    }

    /** The clock the trainer reads, in nanoseconds. */
    public LongSupplier clock() {
        return clock;
    }

    /** Whether a checkpoint is due at clock time {@code now}, the last one (or the start) having been at {@code last}. */
    public boolean due(long now, long last) {
        return intervalNanos > 0 && now - last >= intervalNanos;
    }
}
