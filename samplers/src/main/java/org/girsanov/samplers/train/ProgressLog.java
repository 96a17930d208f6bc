package org.girsanov.samplers.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A ready {@link TrainingListener} for library users: one line at most every {@code interval} — iteration of total,
 * iterations per second, time left, loss, and the last progress evaluation's ESS and {@code log Z} bounds — plus
 * every message and checkpoint, so that a run from Java is not silent for minutes:
 * <pre>
 *   trainer.train(ProgressLog.to(System.err), checkpoint, () -&gt; false);
 * </pre>
 * The last iteration is always reported. Deterministic given its clock ({@link #ProgressLog(PrintStream, long,
 * LongSupplier)}); it never changes the run.
 */
public final class ProgressLog implements TrainingListener {
    private final PrintStream out;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastPrint = Long.MIN_VALUE;
    private long firstIteration = -1;
    private String evaluation = "";

    /** @param intervalMillis the least time between two progress lines; @param nanoClock e.g. {@code System::nanoTime} */
    public ProgressLog(PrintStream out, long intervalMillis, LongSupplier nanoClock) {
        this.out = Objects.requireNonNull(out, "ProgressLog: out must not be null");
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("ProgressLog: intervalMillis = " + intervalMillis + "; must be >= 0");
        }
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.clock = Objects.requireNonNull(nanoClock, "ProgressLog: nanoClock must not be null");
        this.start = nanoClock.getAsLong();
    }

    /** A line at most every 10 seconds on {@code out}. */
    public static ProgressLog to(PrintStream out) {
        return new ProgressLog(out, 10_000, System::nanoTime);
    }

    @Override
    public void step(long iteration, long total, double loss, int excludedPaths) {
        if (firstIteration < 0) {
            firstIteration = iteration - 1;
        }
        long now = clock.getAsLong();
        boolean last = iteration >= total;
        if (!last && lastPrint != Long.MIN_VALUE && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        long done = iteration - firstIteration;
        double rate = seconds > 0 ? done / seconds : Double.NaN;
        String eta = rate > 0 ? clockTime((total - iteration) / rate) : "?";
        out.println(String.format(Locale.ROOT, "iter %d/%d  loss %.4g  %.2f it/s  ETA %s%s%s", iteration, total, loss,
                rate, eta, evaluation, excludedPaths > 0 ? "  (" + excludedPaths + " non-finite paths left out)" : ""));
    }

    @Override
    public void evaluated(long iteration, double ess, double logZLowerBound, double logZImportance) {
        evaluation = String.format(Locale.ROOT, "  ess %.3f  logZ_lb %.4g  logZ_is %.4g", ess, logZLowerBound, logZImportance);
    }

    @Override
    public void checkpointed(long iteration, java.nio.file.Path file) {
        out.println("checkpoint at iteration " + iteration + ": " + file);
    }

    @Override
    public void message(String text) {
        out.println(text);
    }

    private static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
