package org.girsanov.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Progress lines for a training loop, on stderr, throttled:
 * <pre>
 * iter 1200/5000  loss 1.234e-02  12.3 it/s  ETA 0:05:12  ess 0.91  logZ -0.003
 * </pre>
 * A line is printed by {@link #update} when at least {@code minInterval} has passed since the last
 * one, when the iteration is a multiple of {@code everyIterations} (if positive), and always for the
 * first and the last iteration. {@link #finish()} prints a summary:
 * <pre>
 * done: 5000/5000 iterations in 0:06:51 (12.2 it/s)  loss 1.002e-02  ess 0.95  logZ -0.001
 * </pre>
 * The speed is the rate over the interval since the previous line, smoothed exponentially (factor
 * 0.3, as tqdm), so JIT warm-up fades out of the ETA; below 1 it/s it is shown as s/it.
 *
 * <p>The clock is injected ({@code System::nanoTime} in production) so tests are deterministic.
 * Not thread-safe: call it from the training loop's thread.
 */
public final class ProgressReporter {

    private static final double SMOOTHING = 0.3;

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private final long total;
    private final long minIntervalNanos;
    private final long everyIterations;
    private final long startNanos;

    private long lastPrintNanos;
    private long lastPrintIteration;
    private boolean printedAny;
    private double smoothedRate = Double.NaN;
    private long lastIteration;
    private double lastLoss = Double.NaN;
    private Map<String, ? extends Number> lastMetrics = Map.of();
    private boolean finished;

    /**
     * @param err where lines go (stderr)
     * @param nanoClock monotonic nanoseconds, e.g. {@code System::nanoTime}
     * @param totalIterations planned iterations; {@code <= 0} if unknown (no ETA then)
     * @param minInterval least time between lines
     * @param everyIterations also print every this many iterations; {@code <= 0} for never
     */
    public ProgressReporter(PrintStream err, LongSupplier nanoClock, long totalIterations, Duration minInterval,
            long everyIterations) {
        this.err = Objects.requireNonNull(err, "err");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.total = totalIterations;
        this.minIntervalNanos = minInterval.toNanos();
        this.everyIterations = everyIterations;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /** At most one line a second, real clock. */
    public ProgressReporter(PrintStream err, LongSupplier nanoClock, long totalIterations) {
        this(err, nanoClock, totalIterations, Duration.ofSeconds(1), 0);
    }

    /** At most one line a second on {@code System.err}, real clock. */
    public static ProgressReporter toStderr(long totalIterations) {
        return new ProgressReporter(System.err, System::nanoTime, totalIterations);
    }

    /** Records iteration {@code iteration} (1-based, counting completed iterations). */
    public boolean update(long iteration, double loss) {
        return update(iteration, loss, Map.of());
    }

    /**
     * Records iteration {@code iteration} (1-based: the number of completed iterations) with its loss
     * and further metrics (printed in the map's order; use a {@link LinkedHashMap} or {@code Map.of}
     * with one entry), and prints a line if one is due.
     *
     * @return whether a line was printed
     */
    public boolean update(long iteration, double loss, Map<String, ? extends Number> metrics) {
        long now = nanoClock.getAsLong();
        lastIteration = iteration;
        lastLoss = loss;
        lastMetrics = metrics;
        boolean due = !printedAny
                || (total > 0 && iteration >= total)
                || now - lastPrintNanos >= minIntervalNanos
                || (everyIterations > 0 && iteration % everyIterations == 0);
        if (!due) {
            return false;
        }
        double dt = (now - lastPrintNanos) * 1e-9;
        long di = iteration - lastPrintIteration;
        if (dt > 0 && di > 0) {
            double rate = di / dt;
            smoothedRate = Double.isNaN(smoothedRate) ? rate : SMOOTHING * rate + (1 - SMOOTHING) * smoothedRate;
        }
        lastPrintNanos = now;
        lastPrintIteration = iteration;
        printedAny = true;
        err.println(line(iteration, loss, metrics));
        return true;
    }

    private String line(long iteration, double loss, Map<String, ? extends Number> metrics) {
        StringBuilder sb = new StringBuilder();
        sb.append("iter ").append(iteration);
        if (total > 0) {
            sb.append('/').append(total);
        }
        sb.append("  loss ").append(sci(loss));
        if (!Double.isNaN(smoothedRate)) {
            sb.append("  ").append(rate(smoothedRate));
            if (total > 0 && iteration < total) {
                sb.append("  ETA ").append(duration((total - iteration) / smoothedRate));
            }
        }
        appendMetrics(sb, metrics);
        return sb.toString();
    }

    private static void appendMetrics(StringBuilder sb, Map<String, ? extends Number> metrics) {
        for (Map.Entry<String, ? extends Number> e : metrics.entrySet()) {
            Number v = e.getValue();
            sb.append("  ").append(e.getKey()).append(' ');
            if (v instanceof Integer || v instanceof Long) {
                sb.append(v);
            } else {
                sb.append(compact(v == null ? Double.NaN : v.doubleValue()));
            }
        }
    }

    /**
     * Prints the summary line ({@code done:} if the planned total was reached, {@code stopped:}
     * otherwise) with the last values seen. Later calls do nothing.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        double seconds = (nanoClock.getAsLong() - startNanos) * 1e-9;
        StringBuilder sb = new StringBuilder();
        boolean complete = total <= 0 || lastIteration >= total;
        sb.append(complete ? "done: " : "stopped: ").append(lastIteration);
        if (total > 0) {
            sb.append('/').append(total);
        }
        sb.append(" iterations in ").append(duration(seconds));
        if (seconds > 0 && lastIteration > 0) {
            sb.append(" (").append(rate(lastIteration / seconds)).append(')');
        }
        if (lastIteration > 0) {
            sb.append("  loss ").append(sci(lastLoss));
            appendMetrics(sb, lastMetrics);
        }
        err.println(sb);
    }

    // ------------------------------------------------------------------ formatting

    /** {@code 1.234e-02}; NaN, Infinity as such. */
    static String sci(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return String.format(Locale.ROOT, "%.3e", x);
    }

    /**
     * Short human form: up to 4 significant digits without trailing zeros for magnitudes in
     * [1e-3, 1e5) ({@code 0.91}, {@code -0.003}, {@code 1235} for 1234.5), scientific otherwise.
     */
    static String compact(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a < 1e-3 || a >= 1e5) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** {@code 123 it/s}, {@code 12.3 it/s}, {@code 1.23 it/s}, {@code 4.5 s/it}. */
    static String rate(double itPerSecond) {
        if (itPerSecond >= 1) {
            String fmt = itPerSecond >= 100 ? "%.0f" : itPerSecond >= 10 ? "%.1f" : "%.2f";
            return String.format(Locale.ROOT, fmt + " it/s", itPerSecond);
        }
        double secondsPerIt = 1 / itPerSecond;
        return String.format(Locale.ROOT, secondsPerIt >= 10 ? "%.0f s/it" : "%.1f s/it", secondsPerIt);
    }

    /** {@code H:MM:SS} (hours unbounded), rounded to the second; {@code ?} if not finite. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
