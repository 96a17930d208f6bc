package org.girsanov.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.girsanov.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * One subcommand of {@code girsanov}: a class annotated with picocli's {@link CommandLine.Command @Command} — its
 * {@code name}, a one-line {@code header} (the summary in the command list), a {@code customSynopsis} (the usage line)
 * and a {@code description} (paragraphs and examples) — whose flags are {@link Option @Option} fields, converted by
 * picocli with this program's strict rules (integers also as {@code 100_000} or an exact {@code 1e5}; plain decimal
 * numbers; a switch also as {@code --json=no}). {@link Cli#register Register} an instance.
 *
 * <p>A field's initial value is the flag's default (the help shows it); a flag whose default depends on other flags is
 * a boxed field left {@code null}. Whether a flag was given at all is {@link #given}, whatever its value.
 *
 * <p>Contract for {@link #run}:
 * <ul>
 *   <li>return the exit code (0 on success);</li>
 *   <li>throw {@link UserError} for anything the user can fix (exit 1, message only), or
 *       {@link UsageException} for a bad command line (exit 1 with the usage line); any other exception is reported
 *       as an internal error (exit 3);</li>
 *   <li>results go to {@code out}; progress, tables meant for people and warnings go to
 *       {@code err}. If the command has a {@code --json} option ({@link Cli#JSON_HELP}) and it is given, {@code out}
 *       must receive exactly one JSON object ({@link Json}) and nothing else.</li>
 * </ul>
 * {@code --help} and {@code --debug} are declared here for every command.
 */
public abstract class Command {
    @Option(names = {"--help", "-h"}, usageHelp = true, description = "show this help")
    private boolean helpRequested;

    @Option(names = "--debug", arity = "0..1", description = "print stack traces of errors")
    private boolean debug;

    /** The parse of the running command line; set by {@link Cli} before {@link #run}. */
    private ParseResult parsed;

    /** Runs the command; see the class documentation for the contract. */
    public abstract int run(PrintStream out, PrintStream err) throws Exception;

    /**
     * Keys the {@code --json} object of this command adds when a signal stops it while it has no handler of its own
     * ({@link SignalReport}): e.g. the checkpoint it reads and that checkpoint's iteration. Called on the signal thread,
     * after the parse; keep it cheap, and let it fail (the object then says so).
     */
    public Map<String, Object> stopContext() {
        return Map.of();
    }

    /** The command's name, from its {@code @Command} annotation. */
    public final String name() {
        CommandLine.Command c = getClass().getAnnotation(CommandLine.Command.class);
        if (c == null) {
            throw new IllegalStateException(getClass().getName() + " has no @Command annotation");
        }
        return c.name();
    }

    /** Whether {@code flag} ({@code "--batch"}) was given on the command line, with any value. */
    public final boolean given(String flag) {
        return parsed != null && parsed.hasMatchedOption(flag);
    }

    /** The text given for {@code flag} (its last value; {@code "true"} for a bare switch), or {@code null}. */
    public final String typed(String flag) {
        OptionSpec o = parsed == null ? null : parsed.matchedOption(flag);
        if (o == null) {
            return null;
        }
        List<String> v = o.originalStringValues();
        return v.isEmpty() ? "true" : v.get(v.size() - 1);
    }

    /** The flags given, in the order of the command's options (each {@code --name}). */
    public final List<String> givenFlags() {
        return parsed == null ? List.of() : parsed.matchedOptions().stream().map(OptionSpec::longestName).distinct().toList();
    }

    void bind(ParseResult result) {
        this.parsed = result;
    }
}
