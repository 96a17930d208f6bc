package org.girsanov.cli;

import org.girsanov.io.AtomicFiles;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Graceful stop on SIGINT (Ctrl-C), SIGTERM and SIGHUP for long-running commands.
 *
 * <p>How it works. While installed, the signals are handled in the process instead of shutting the JVM
 * down: the first one raises the {@link #isRequested() flag} and runs {@code onSignal} (e.g. print
 * "stopping after this iteration…"); the loop polls the flag, writes its checkpoint atomically, reports
 * (the {@code --json} object too) and returns {@link #exitCode()}, which the program exits with:
 * {@code 128 + the signal's number} — 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP — the shell's
 * convention. A second signal means "now": {@code onSecondSignal} runs (the last report) and the JVM halts
 * at once with {@code 128 + its number}; a checkpoint written with {@link AtomicFiles} is never torn by it.
 * <pre>{@code
 * try (Shutdown stop = Shutdown.install(() -> err.println("stopping after the current iteration"),
 *         code -> out.println(lastReport()))) {
 *     for (int it = start; it < iters && !stop.isRequested(); it++) {
 *         step();
 *     }
 *     checkpoint.writeAtomically(...);
 *     return stop.isRequested() ? stop.exitCode() : 0;
 * }   // close(): puts the previous signal handlers back
 * }</pre>
 *
 * <p>{@link #request()} raises the flag without a signal (a time budget, {@code --stop-after}, a test);
 * {@link #exitCode()} is then {@link Cli#EXIT_INTERRUPTED} (130). Where the JVM offers no signal API
 * ({@code sun.misc.Signal}) or reserves the signals ({@code -Xrs}), its own handling stays: a signal
 * ends the process with the same code but without the last report.
 */
public final class Shutdown implements AutoCloseable {

    /** The signals handled while installed. */
    public static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<String> signal = new AtomicReference<>();
    private volatile int signalNumber;
    private volatile boolean closed;
    private final Runnable onSignal;
    private final IntConsumer onSecondSignal;
    private final IntConsumer halt;
    private Map<String, Object> previous = Map.of();

    /** Package-private so tests can drive {@link #signal} without a real signal or halt; see {@link #install}. */
    Shutdown(Runnable onSignal, IntConsumer onSecondSignal, IntConsumer halt) {
        this.onSignal = Objects.requireNonNull(onSignal, "onSignal");
        this.onSecondSignal = Objects.requireNonNull(onSecondSignal, "onSecondSignal");
        this.halt = Objects.requireNonNull(halt, "halt");
    }

    /**
     * Handles {@link #SIGNALS} until {@link #close()}.
     *
     * @param onSignal run once, on the signal thread, at the first signal (keep it short)
     * @param onSecondSignal run at a second signal with the exit code, just before the JVM halts with it
     */
    public static Shutdown install(Runnable onSignal, IntConsumer onSecondSignal) {
        Shutdown s = new Shutdown(onSignal, onSecondSignal, code -> Runtime.getRuntime().halt(code));
        s.previous = Signals.handle(SIGNALS, s::signal);
        return s;
    }

    /**
     * A stop flag with no signal handlers: only {@link #request()} raises it. For runs inside a process whose signals
     * belong to someone else (an executor of a cluster engine), and for several runs at once in one JVM.
     */
    public static Shutdown withoutSignals() {
        return new Shutdown(() -> { }, code -> { }, code -> { });
    }

    /** {@link #install} with no actions. */
    public static Shutdown install() {
        return install(() -> { }, code -> { });
    }

    /** Whether a stop was requested (by a signal or {@link #request()}): poll it once per iteration. */
    public boolean isRequested() {
        return requested.get();
    }

    /** Requests a stop without a signal. */
    public void request() {
        requested.set(true);
    }

    /** Whether the stop came from a signal. */
    public boolean isSignalled() {
        return signal.get() != null;
    }

    /** The name of the first signal received ({@code "TERM"}), if any. */
    public Optional<String> signalName() {
        return Optional.ofNullable(signal.get());
    }

    /** The exit code of a stopped run: {@code 128 + n} for signal number {@code n}; 130 without a signal. */
    public int exitCode() {
        return isSignalled() ? 128 + signalNumber : Cli.EXIT_INTERRUPTED;
    }

    /** The handler body: the first signal requests a stop; a second one reports and halts. */
    void signal(String name, int number) {
        if (closed) {
            return;
        }
        if (signal.get() == null) {
            signalNumber = number;
            if (signal.compareAndSet(null, name)) {
                requested.set(true);
                runQuietly(onSignal);
                return;
            }
        }
        int code = 128 + number;
        runQuietly(() -> onSecondSignal.accept(code));
        System.out.flush();
        System.err.flush();
        halt.accept(code);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.err.println("girsanov: signal action failed: " + Cli.oneLine(e));
        }
    }

    /** Puts the previous signal handlers back; later signals act as without this object. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Signals.restore(previous);
        }
    }
}
