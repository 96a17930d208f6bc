package org.girsanov.benchmarks.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Graceful stop on SIGINT (Ctrl-C) / SIGTERM for long-running commands.
 *
 * <p>How it works. On a signal the JVM runs its shutdown hooks and halts when they return — while
 * the main thread keeps running. Our hook therefore (1) raises the {@link #isRequested() flag},
 * (2) runs the {@code onSignal} action (e.g. print "stopping after this iteration…"), and (3) waits,
 * at most {@code grace}, until the loop has {@link #close() closed} this object — giving it time to
 * finish the current iteration, write its checkpoint atomically and return. Typical use:
 * <pre>{@code
 * try (Shutdown stop = Shutdown.install(Duration.ofSeconds(30),
 *         () -> err.println("interrupted: stopping after the current iteration"))) {
 *     for (int it = start; it < iters; it++) {
 *         if (stop.isRequested()) {
 *             checkpoint.writeAtomically(...);
 *             return Cli.EXIT_INTERRUPTED;          // 130
 *         }
 *         step();
 *     }
 * }   // close(): releases a waiting hook; if no signal came, removes the hook
 * }</pre>
 *
 * <p>{@link #request()} raises the flag without a signal (a time budget, a test). A second Ctrl-C
 * does not kill the JVM while the hook waits (that is the JVM's behaviour); after {@code grace} the
 * JVM halts regardless, so a checkpoint must be written with {@link AtomicFiles} to never be torn.
 */
public final class Shutdown implements AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Runnable onSignal;
    private final Duration grace;
    private final Thread hook;

    /** Package-private so tests can drive {@link #onSignal()} without a real signal; see {@link #install}. */
    Shutdown(Duration grace, Runnable onSignal, boolean registerHook) {
        this.grace = Objects.requireNonNull(grace, "grace");
        this.onSignal = Objects.requireNonNull(onSignal, "onSignal");
        if (registerHook) {
            hook = new Thread(this::onSignal, "girsanov-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    /**
     * Registers a JVM shutdown hook for SIGINT/SIGTERM (and {@code System.exit}).
     *
     * @param grace how long the hook waits for the loop to {@link #close()} before the JVM halts
     * @param onSignal run once, on the hook thread, when the signal arrives (keep it short)
     */
    public static Shutdown install(Duration grace, Runnable onSignal) {
        return new Shutdown(grace, onSignal, true);
    }

    /** {@link #install} with 30 s grace and no action. */
    public static Shutdown install() {
        return install(Duration.ofSeconds(30), () -> {});
    }

    /** Whether a stop was requested (by a signal or {@link #request()}): poll it once per iteration. */
    public boolean isRequested() {
        return requested.get();
    }

    /** Requests a stop without a signal. */
    public void request() {
        requested.set(true);
    }

    /** Whether the stop came from a signal (then the JVM exits once the loop closes this). */
    public boolean isSignalled() {
        return signalled.get();
    }

    /**
     * The hook body: raise the flag, run the action once, wait up to {@code grace} for
     * {@link #close()}. Returns whether the loop closed in time.
     */
    boolean onSignal() {
        if (!signalled.compareAndSet(false, true)) {
            return closed.getCount() == 0;
        }
        requested.set(true);
        try {
            onSignal.run();
        } catch (RuntimeException e) {
            System.err.println("girsanov: shutdown action failed: " + Cli.oneLine(e));
        }
        try {
            return closed.await(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Marks the protected work finished: a waiting hook returns (and the JVM exits); if no signal
     * came, the hook is removed so a later signal kills the process normally. Idempotent.
     */
    @Override
    public void close() {
        closed.countDown();
        if (hook != null && !signalled.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the JVM is already exiting; the hook has been or will be released by countDown()
            }
        }
    }
}
