package org.girsanov.cli;

import org.girsanov.io.Json;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One subcommand of {@code girsanov}. Implement it (or use {@link #of}) and
 * {@link Cli#register register} it.
 *
 * <p>Contract for {@link #run}:
 * <ul>
 *   <li>return the exit code (0 on success);</li>
 *   <li>throw {@link UserError} for anything the user can fix (exit 1, message only), or
 *       {@link UsageException} for a bad command line (exit 2); any other exception is reported
 *       as an internal error (exit 3);</li>
 *   <li>results go to {@code out}; progress, tables meant for people and warnings go to
 *       {@code err}. If the command declares {@link Cli#JSON_FLAG} and it is given, {@code out}
 *       must receive exactly one JSON object ({@link Json}) and nothing else.</li>
 * </ul>
 * {@code --help} and {@code --debug} are handled by {@link Cli} and must not be declared.
 */
public interface Command {

    /** The subcommand's name: lower case, no spaces ({@code train}). */
    String name();

    /** One line for the command list ({@code "train a sampler on a target"}). */
    String summary();

    /**
     * The usage text shown by {@code girsanov help NAME}: a synopsis line without the program
     * name (e.g. {@code "train --target SPEC [--iters N] [--json]"}), optionally followed by a blank
     * line and paragraphs of explanation and examples. The flag table is appended automatically
     * from {@link #flags()}.
     */
    String usage();

    /** The flags this command accepts (besides {@code --help} and {@code --debug}). */
    default List<Flag> flags() {
        return List.of();
    }

    /**
     * Keys the {@code --json} object of this command adds when a signal stops it while it has no handler of its own
     * ({@link SignalReport}): e.g. the checkpoint it reads and that checkpoint's iteration. Called on the signal thread,
     * with the parsed arguments of the run; keep it cheap, and let it fail (the object then says so).
     */
    default Map<String, Object> stopContext(Args args) {
        return Map.of();
    }

    /** Runs the command; see the interface documentation for the contract. */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;

    /** The body of a command built with {@link #of}. */
    @FunctionalInterface
    interface Body {
        int run(Args args, PrintStream out, PrintStream err) throws Exception;
    }

    /** A command from its parts. */
    static Command of(String name, String summary, String usage, List<Flag> flags, Body body) {
        Objects.requireNonNull(body, "body");
        List<Flag> copy = List.copyOf(flags);
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public String usage() {
                return usage;
            }

            @Override
            public List<Flag> flags() {
                return copy;
            }

            @Override
            public int run(Args args, PrintStream out, PrintStream err) throws Exception {
                return body.run(args, out, err);
            }

            @Override
            public String toString() {
                return "Command[" + name + "]";
            }
        };
    }
}
