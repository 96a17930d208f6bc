package org.girsanov.cli;

import org.girsanov.io.Json;

import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code girsanov} command: a registry of {@link Command}s and the dispatcher that runs one. picocli parses the
 * command line (global flags, the command, its flags and arguments; {@link CommandLines}), renders the help and
 * proposes the "did you mean" candidates; this class maps its outcome to the conventions below.
 *
 * <pre>
 *   girsanov [--debug] COMMAND [flags] [args]
 *   girsanov help [COMMAND]      girsanov COMMAND --help
 *   girsanov --version           girsanov version [--json]
 * </pre>
 *
 * <h2>Conventions every command follows</h2>
 * <ul>
 *   <li><b>Streams.</b> Results on stdout; progress, human-readable tables and warnings on stderr.</li>
 *   <li><b>{@code --json}.</b> A command that has a {@code --json} option ({@link #JSON_HELP}) and is run with it writes
 *       exactly one JSON object on stdout (pipe it to {@code jq}); everything for people still goes to
 *       stderr. If it fails, stdout receives {@code {"error": {"kind": …, "message": …, "exitCode": …}}}
 *       instead. Stopped by a signal, it receives the command's "stopped" object ({@code "finished": false}, the
 *       checkpoint and iteration where there is one, {@code exitCode}; {@link SignalReport}, {@link Shutdown}).</li>
 *   <li><b>Exit codes.</b> {@value #EXIT_OK} success; {@value #EXIT_USER_ERROR} bad input, found before any work
 *       starts: a {@link UserError} (message only) or a bad command line ({@link #EXIT_USAGE}, the same code;
 *       message and usage, {@code "kind": "usage"} in the JSON error);
 *       {@value #EXIT_INTERNAL} any other exception (one line plus "run with --debug for the stack
 *       trace"); stopped by a signal: 128 + its number ({@value #EXIT_INTERRUPTED} SIGINT, 143 SIGTERM, 129
 *       SIGHUP; {@link Shutdown}).</li>
 *   <li><b>{@code --debug}</b> anywhere before a {@code --} prints stack traces of errors.</li>
 * </ul>
 *
 * <p>A command is a picocli-annotated {@link Command}. A {@code Cli} holds its own registry (no static state):
 * <pre>{@code
 *   Cli cli = new Cli();              // has "help" and "version"
 *   cli.register(new TrainCommand());
 *   System.exit(cli.execute(args, System.out, System.err));
 *   // or: System.exit(Cli.run(args, System.out, System.err, List.of(new TrainCommand(), ...)));
 * }</pre>
 */
public final class Cli {

    public static final String PROGRAM = "girsanov";

    public static final int EXIT_OK = 0;
    public static final int EXIT_USER_ERROR = 1;
    /** A bad command line: the code of every bad input ({@link #EXIT_USER_ERROR}); the message adds the usage. */
    public static final int EXIT_USAGE = EXIT_USER_ERROR;
    public static final int EXIT_INTERNAL = 3;
    public static final int EXIT_INTERRUPTED = 130;

    /**
     * The help of the {@code --json} option a command declares to support the {@code --json} convention:
     * {@code @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP) boolean json;}.
     */
    public static final String JSON_HELP = "write one JSON object on stdout (human-readable text goes to stderr)";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final List<String> builtIns;

    /** A CLI with the built-in {@code help} and {@code version} commands. */
    public Cli() {
        register(new HelpCommand());
        register(new VersionCommand());
        builtIns = List.copyOf(commands.keySet());
    }

    /** A CLI with the built-ins and {@code extra}, in that order of registration. */
    public static Cli withCommands(Collection<? extends Command> extra) {
        Cli cli = new Cli();
        extra.forEach(cli::register);
        return cli;
    }

    /** Runs {@code args} on a CLI that has only the built-in commands. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new Cli().execute(args, out, err);
    }

    /** Runs {@code args} on a CLI with the built-ins plus {@code commands}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Collection<? extends Command> commands) {
        return withCommands(commands).execute(args, out, err);
    }

    /** Entry point with only the built-in commands (the real one is {@code org.girsanov.cli.Main}). */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Adds a command.
     *
     * @throws IllegalArgumentException if the name is taken or malformed, or its annotations are not a valid picocli
     *     command (e.g. it declares {@code --help} or {@code --debug}, which every command has)
     */
    public Cli register(Command command) {
        String name = command.name();
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad command name '" + name + "' (lower case, digits, dashes)");
        }
        if (commands.containsKey(name)) {
            throw new IllegalArgumentException("command '" + name + "' is already registered");
        }
        CommandLines.of(command); // its annotations, checked now rather than at the first command line
        commands.put(name, command);
        return this;
    }

    /**
     * {@code command} with {@code args} parsed into its flags, as {@link #execute} would before running it (for tests,
     * and for code that runs a command's logic without this dispatcher).
     *
     * @throws UsageException for a bad command line, with the message {@link #execute} prints
     */
    public static <C extends Command> C parsed(C command, String... args) {
        CommandLine line = CommandLines.of(command);
        try {
            command.bind(line.parseArgs(args.clone()));
            return command;
        } catch (CommandLine.ParameterException e) {
            throw CommandLines.usage(e, line.getCommandSpec());
        }
    }

    /** The command called {@code name}, if registered. */
    public Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** All commands, in registration order. */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    // ------------------------------------------------------------------ dispatch

    /** Parses and runs one command line; never throws, returns the exit code. */
    public int execute(String[] argv, PrintStream stdout, PrintStream err) {
        OneObjectOut out = OneObjectOut.of(stdout);
        List<String> tokens = Arrays.asList(argv.clone());
        List<String> flagPart = tokens.contains("--") ? tokens.subList(0, tokens.indexOf("--")) : tokens;
        boolean debug = flagPart.contains("--debug") || flagPart.contains("--debug=true");
        boolean json = flagPart.contains("--json") || flagPart.contains("--json=true");
        CommandSpec current = null;
        try {
            CommandLine line = commandLine();
            ParseResult parsed;
            try {
                parsed = line.parseArgs(argv.clone());
            } catch (CommandLine.ParameterException e) {
                CommandLine where = e.getCommandLine();
                if (where == null || where.getCommandSpec() == line.getCommandSpec()) {
                    throw topLevel(e);
                }
                current = where.getCommandSpec();
                throw CommandLines.usage(e, current);
            }
            if (parsed.isUsageHelpRequested()) {
                out.print(overview());
                return EXIT_OK;
            }
            if (parsed.isVersionHelpRequested()) {
                out.println(versionLine());
                return EXIT_OK;
            }
            if (!parsed.hasSubcommand()) {
                err.print(overview());
                return EXIT_USAGE;
            }
            ParseResult sub = parsed.subcommand();
            current = sub.commandSpec();
            if (sub.isUsageHelpRequested()) {
                out.print(CommandLines.help(current));
                return EXIT_OK;
            }
            Command command = (Command) current.userObject();
            command.bind(sub);
            // as parsed: --json false (picocli takes the value) is not the --json convention
            json = current.findOption("--json") != null && Boolean.TRUE.equals(sub.matchedOptionValue("--json", false));
            SignalReport stopped = json ? SignalReport.install(current.name(), command::stopContext, out, err) : null;
            try {
                return command.run(out, err);
            } finally {
                if (stopped != null) {
                    stopped.close();
                }
            }
        } catch (UsageException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            if (current != null) {
                err.println("usage: " + PROGRAM + " " + CommandLines.synopsis(current));
                err.println("run '" + PROGRAM + " help " + current.name() + "' for all flags");
            } else {
                err.println("run '" + PROGRAM + " help' for the list of commands");
            }
            return fail(e, "usage", e.exitCode(), debug, json, out, err);
        } catch (UserError e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return fail(e, "user", e.exitCode(), debug, json, out, err);
        } catch (FileSystemException | java.io.UncheckedIOException e) {
            FileSystemException f = e instanceof FileSystemException x ? x
                    : e.getCause() instanceof FileSystemException x ? x : null;
            if (f == null) {
                return internal(e, debug, json, out, err);
            }
            UserError u = new UserError("cannot write or read " + f.getFile() + ": "
                    + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName().replace("Exception", "")), f);
            err.println(PROGRAM + ": " + u.getMessage());
            return fail(u, "user", EXIT_USER_ERROR, debug, json, out, err);
        } catch (Throwable t) { // a CLI reports everything, including OutOfMemoryError
            return internal(t, debug, json, out, err);
        }
    }

    /**
     * The picocli command line of this registry: the global flags, and one subcommand per command object (the program's
     * own first), each parsed by its annotations.
     */
    private CommandLine commandLine() {
        CommandSpec top = CommandSpec.create().name(PROGRAM);
        top.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("show this help").build());
        top.addOption(OptionSpec.builder("--version", "-V").versionHelp(true).description("print the version").build());
        top.addOption(OptionSpec.builder("--debug").arity("0..1").type(boolean.class)
                .description("print stack traces of errors (also accepted after the command)").build());
        CommandLine line = new CommandLine(top);
        for (Command c : ordered()) {
            line.addSubcommand(c.name(), new CommandLine(c));
        }
        return CommandLines.configure(line); // the settings and converters reach every subcommand
    }

    /** A parse error before the command: an unknown global flag or an unknown command. */
    private UsageException topLevel(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String token = u.getUnmatched().get(0);
            if (!u.isUnknownOption()) {
                String guess = CommandLines.suggestion(u.getSuggestions(), token, commands.keySet(), "");
                return new UsageException("unknown command '" + token + "'"
                        + (guess != null ? " (did you mean '" + guess + "'?)" : "")
                        + "; commands: " + String.join(", ", commands.keySet()));
            }
            return new UsageException("unknown option " + token + " before the command; global flags: --help, --version, --debug");
        }
        return new UsageException(e.getMessage() + "; global flags: --help, --version, --debug");
    }

    /** The commands as listed: the program's own, then the built-ins. */
    private List<Command> ordered() {
        List<Command> ordered = new ArrayList<>();
        commands.values().stream().filter(c -> !builtIns.contains(c.name())).forEach(ordered::add);
        commands.values().stream().filter(c -> builtIns.contains(c.name())).forEach(ordered::add);
        return ordered;
    }

    private static int internal(Throwable t, boolean debug, boolean json, OneObjectOut out, PrintStream err) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String hint = t instanceof OutOfMemoryError ? " — give the JVM more heap, e.g. GIRSANOV_JAVA_OPTS=-Xmx8g" : "";
        err.println(PROGRAM + ": internal error: " + oneLine(t) + hint);
        if (!debug) {
            err.println("(run with --debug for the stack trace)");
        }
        return fail(t, "internal", EXIT_INTERNAL, debug, json, out, err);
    }

    private static int fail(Throwable t, String kind, int code, boolean debug, boolean json, OneObjectOut out,
            PrintStream err) {
        if (debug) {
            t.printStackTrace(err);
        }
        synchronized (out) {
            if (json && !out.written()) { // a command that already wrote its object keeps it as the one object
                out.println(Json.write(Json.object().with("error", Json.object().with("kind", kind)
                        .with("message", t.getMessage() == null ? t.getClass().getName() : t.getMessage())
                        .with("exitCode", code))));
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    static String oneLine(Throwable t) {
        String msg = t.getMessage();
        String s = t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " / ");
    }

    /** The full help of one command: synopsis, explanation, flag table (rendered by picocli). */
    public String help(Command c) {
        return CommandLines.help(CommandLines.of(c).getCommandSpec());
    }

    /** The top-level help: commands, global flags, conventions. */
    public String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append(PROGRAM).append(' ').append(Build.version())
                .append(" — diffusion-based samplers, trained and checked in pure Java\n\n");
        sb.append("usage: ").append(PROGRAM).append(" <command> [flags]\n");
        sb.append("       ").append(PROGRAM).append(" help <command>      flags and examples of a command\n\n");
        CommandLine line = commandLine();
        CommandLine.Help help = line.getHelp();
        sb.append("commands:\n").append(help.commandList());
        sb.append("\nglobal flags:\n").append(CommandLines.optionList(line.getCommandSpec()));
        sb.append("\nconventions:\n");
        sb.append("  results go to stdout; progress, tables for people and warnings go to stderr.\n");
        sb.append("  --json (where offered): exactly one JSON object on stdout, human text on stderr;\n");
        sb.append("         on failure the object is {\"error\": {\"kind\", \"message\", \"exitCode\"}}.\n");
        sb.append("  exit codes: 0 ok, 1 bad input (a user error or a bad command line), 3 internal error; stopped by a signal\n");
        sb.append("         (checkpoint kept): 128 + its number: 130 SIGINT (Ctrl-C), 143 SIGTERM, 129 SIGHUP.\n");
        sb.append("  JVM options: GIRSANOV_JAVA_OPTS (default -Xmx4g).\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------ version

    static String versionLine() {
        return PROGRAM + " " + Build.version() + " (commit " + Build.commit() + ", Java " + Runtime.version() + ", " + System.getProperty("java.vm.name")
                + ")";
    }

    // ------------------------------------------------------------------ built-in commands

    @CommandLine.Command(name = "help", header = "show the list of commands, or the flags and examples of one",
            customSynopsis = "help [COMMAND]")
    private final class HelpCommand extends Command {
        @CommandLine.Parameters(arity = "0..1", paramLabel = "COMMAND", hidden = true)
        private String name;

        @Override
        public int run(PrintStream out, PrintStream err) {
            if (name == null) {
                out.print(overview());
                return EXIT_OK;
            }
            Command c = commands.get(name);
            if (c == null) {
                String guess = Suggest.closest(name, commands.keySet());
                throw new UsageException("no command '" + name + "'"
                        + (guess != null ? " (did you mean '" + guess + "'?)" : "")
                        + "; commands: " + String.join(", ", commands.keySet()));
            }
            out.print(help(c));
            return EXIT_OK;
        }
    }
}
