package org.girsanov.cli;

import org.girsanov.io.Json;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The {@code --json} object of a command stopped by a signal while it had no handler of its own (evaluate, sample, bench
 * baselines, bench perf, check, reference, pde): installed by {@link Cli} around a command run with {@code --json}; on
 * SIGINT, SIGTERM or SIGHUP it writes {@code {"finished": false, "command", "signal", "exitCode", …}} — plus the keys of
 * {@link Command#stopContext}, e.g. the checkpoint read and its iteration — unless the command already wrote its object,
 * and ends the process at once with {@code 128 +} the signal's number (130, 143, 129), the code the JVM itself would have
 * exited with, now with the object. A command that stops gracefully ({@link Shutdown}, train and bench quality) replaces
 * these handlers while it runs and puts them back after.
 */
final class SignalReport implements AutoCloseable {
    private final String command;
    private final Supplier<Map<String, Object>> context;
    private final OneObjectOut out;
    private final PrintStream err;
    private final IntConsumer halt;
    private volatile boolean closed;
    private Map<String, Object> previous = Map.of();

    /** Package-private so tests can drive {@link #signal} without a real signal or halt. */
    SignalReport(String command, Supplier<Map<String, Object>> context, OneObjectOut out, PrintStream err, IntConsumer halt) {
        this.command = command;
        this.context = context;
        this.out = out;
        this.err = err;
        this.halt = halt;
    }

    /** Handles {@link Shutdown#SIGNALS} until {@link #close()}. */
    static SignalReport install(String command, Supplier<Map<String, Object>> context, OneObjectOut out, PrintStream err) {
        SignalReport r = new SignalReport(command, context, out, err, code -> Runtime.getRuntime().halt(code));
        r.previous = Signals.handle(List.copyOf(Shutdown.SIGNALS), r::signal);
        return r;
    }

    /** The stopped object for signal {@code name}, number {@code number}. */
    Json.Obj object(String name, int number) {
        Json.Obj o = Json.object().with("finished", false).with("command", command).with("signal", "SIG" + name)
                .with("exitCode", 128 + number);
        try {
            context.get().forEach(o::putIfAbsent);
        } catch (RuntimeException e) {
            o.with("context_error", Cli.oneLine(e));
        }
        return o.withAll(Build.info());
    }

    void signal(String name, int number) {
        if (closed) {
            return;
        }
        int code = 128 + number;
        synchronized (out) {
            if (!out.written()) {
                out.println(Json.write(object(name, number)));
            }
            out.flush();
        }
        err.println(Cli.PROGRAM + ": stopped by SIG" + name + " (exit " + code + ")");
        err.flush();
        halt.accept(code);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Signals.restore(previous);
        }
    }
}
