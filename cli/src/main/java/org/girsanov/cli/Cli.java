package org.girsanov.cli;

import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code girsanov} command: a registry of {@link Command}s and the dispatcher that runs one.
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
 *   <li><b>{@code --json}.</b> A command that declares {@link #JSON_FLAG} and is run with it writes
 *       exactly one JSON object on stdout (pipe it to {@code jq}); everything for people still goes to
 *       stderr. If it fails, stdout receives {@code {"error": {"kind": …, "message": …, "exitCode": …}}}
 *       instead. Stopped by a signal, it receives the command's "stopped" object ({@code "finished": false}, the
 *       checkpoint and iteration where there is one, {@code exitCode}; {@link SignalReport}, {@link Shutdown}).</li>
 *   <li><b>Exit codes.</b> {@value #EXIT_OK} success; {@value #EXIT_USER_ERROR} a {@link UserError}
 *       (message only); {@value #EXIT_USAGE} a bad command line (message and usage);
 *       {@value #EXIT_INTERNAL} any other exception (one line plus "run with --debug for the stack
 *       trace"); stopped by a signal: 128 + its number ({@value #EXIT_INTERRUPTED} SIGINT, 143 SIGTERM, 129
 *       SIGHUP; {@link Shutdown}).</li>
 *   <li><b>{@code --debug}</b> anywhere before a {@code --} prints stack traces of errors.</li>
 * </ul>
 *
 * <p>A {@code Cli} holds its own registry (no static state):
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
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;
    public static final int EXIT_INTERRUPTED = 130;

    /** Declare this flag to support the {@code --json} convention. */
    public static final Flag JSON_FLAG =
            Flag.toggle("json", "write one JSON object on stdout (human-readable text goes to stderr)");

    static final Flag HELP_FLAG = Flag.toggle("help", "show this help");
    static final Flag DEBUG_FLAG = Flag.toggle("debug", "print stack traces of errors");

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
     * @throws IllegalArgumentException if the name is taken, malformed, or a flag clashes with
     *     {@code --help}/{@code --debug}
     */
    public Cli register(Command command) {
        String name = command.name();
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad command name '" + name + "' (lower case, digits, dashes)");
        }
        if (commands.containsKey(name)) {
            throw new IllegalArgumentException("command '" + name + "' is already registered");
        }
        for (Flag f : command.flags()) {
            if (f.name().equals(HELP_FLAG.name()) || f.name().equals(DEBUG_FLAG.name())) {
                throw new IllegalArgumentException("command '" + name + "' must not declare --" + f.name()
                        + " (Cli provides it)");
            }
        }
        commands.put(name, command);
        return this;
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
        Command current = null;
        try {
            int i = 0;
            while (i < tokens.size() && tokens.get(i).startsWith("-")) {
                switch (tokens.get(i)) {
                    case "--help", "-h" -> {
                        out.print(overview());
                        return EXIT_OK;
                    }
                    case "--version", "-V" -> {
                        out.println(versionLine());
                        return EXIT_OK;
                    }
                    case "--debug", "--debug=true" -> i++;
                    default -> throw new UsageException("unknown option " + tokens.get(i)
                            + " before the command; global flags: --help, --version, --debug");
                }
            }
            if (i == tokens.size()) {
                err.print(overview());
                return EXIT_USAGE;
            }
            String name = tokens.get(i);
            current = commands.get(name);
            if (current == null) {
                String guess = Suggest.closest(name, commands.keySet());
                throw new UsageException("unknown command '" + name + "'"
                        + (guess != null ? " (did you mean '" + guess + "'?)" : "")
                        + "; commands: " + String.join(", ", commands.keySet()));
            }
            List<String> rest = tokens.subList(i + 1, tokens.size());
            List<String> restFlags = rest.contains("--") ? rest.subList(0, rest.indexOf("--")) : rest;
            if (restFlags.contains("--help") || restFlags.contains("-h")) {
                out.print(help(current));
                return EXIT_OK;
            }
            Args args = Args.parse(rest, flagsOf(current));
            Command running = current;
            SignalReport stopped = json ? SignalReport.install(name, () -> running.stopContext(args), out, err) : null;
            try {
                return current.run(args, out, err);
            } finally {
                if (stopped != null) {
                    stopped.close();
                }
            }
        } catch (UsageException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            if (current != null) {
                err.println("usage: " + PROGRAM + " " + synopsis(current));
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

    private static List<Flag> flagsOf(Command c) {
        List<Flag> all = new ArrayList<>(c.flags());
        all.add(DEBUG_FLAG);
        return all;
    }

    // ------------------------------------------------------------------ help text

    /** The first line of a command's usage. */
    static String synopsis(Command c) {
        String u = c.usage().strip();
        int nl = u.indexOf('\n');
        return nl < 0 ? u : u.substring(0, nl).strip();
    }

    /** The full help of one command: synopsis, explanation, flag table. */
    public String help(Command c) {
        StringBuilder sb = new StringBuilder();
        String u = c.usage().strip();
        int nl = u.indexOf('\n');
        sb.append("usage: ").append(PROGRAM).append(' ').append(synopsis(c)).append("\n\n");
        sb.append(c.summary()).append('\n');
        if (nl >= 0 && !u.substring(nl).isBlank()) {
            sb.append('\n').append(u.substring(nl + 1).stripTrailing()).append('\n');
        }
        List<Flag> flags = new ArrayList<>(c.flags());
        flags.add(HELP_FLAG);
        flags.add(DEBUG_FLAG);
        sb.append("\nflags:\n");
        table(sb, flags.stream().map(f -> new String[] {f.synopsis(), f.describe()}).toList());
        return sb.toString();
    }

    /** The top-level help: commands, global flags, conventions. */
    public String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append(PROGRAM).append(' ').append(Build.version())
                .append(" — diffusion-based samplers, trained and checked in pure Java\n\n");
        sb.append("usage: ").append(PROGRAM).append(" <command> [flags]\n");
        sb.append("       ").append(PROGRAM).append(" help <command>      flags and examples of a command\n\n");
        sb.append("commands:\n");
        List<Command> ordered = new ArrayList<>();
        commands.values().stream().filter(c -> !builtIns.contains(c.name())).forEach(ordered::add);
        commands.values().stream().filter(c -> builtIns.contains(c.name())).forEach(ordered::add);
        table(sb, ordered.stream().map(c -> new String[] {c.name(), c.summary()}).toList());
        sb.append("\nglobal flags:\n");
        table(sb, List.of(new String[] {"--help, -h", "show this help"},
                new String[] {"--version, -V", "print the version"},
                new String[] {"--debug", "print stack traces of errors (also accepted after the command)"}));
        sb.append("\nconventions:\n");
        sb.append("  results go to stdout; progress, tables for people and warnings go to stderr.\n");
        sb.append("  --json (where offered): exactly one JSON object on stdout, human text on stderr;\n");
        sb.append("         on failure the object is {\"error\": {\"kind\", \"message\", \"exitCode\"}}.\n");
        sb.append("  exit codes: 0 ok, 1 user error, 2 bad command line, 3 internal error; stopped by a signal\n");
        sb.append("         (checkpoint kept): 128 + its number: 130 SIGINT (Ctrl-C), 143 SIGTERM, 129 SIGHUP.\n");
        sb.append("  JVM options: GIRSANOV_JAVA_OPTS (default -Xmx4g).\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<String[]> rows) {
        int width = 0;
        for (String[] r : rows) {
            width = Math.max(width, r[0].length());
        }
        width = Math.min(width, 24);
        for (String[] r : rows) {
            sb.append("  ").append(r[0]);
            if (r[0].length() > width) {
                sb.append('\n').append(" ".repeat(width + 2));
            } else {
                sb.append(" ".repeat(width - r[0].length()));
            }
            sb.append("   ").append(r[1]).append('\n');
        }
    }

    // ------------------------------------------------------------------ version

    static String versionLine() {
        return PROGRAM + " " + Build.version() + " (commit " + Build.commit() + ", Java " + Runtime.version() + ", " + System.getProperty("java.vm.name")
                + ")";
    }

    // ------------------------------------------------------------------ built-in commands

    private final class HelpCommand implements Command {
        @Override
        public String name() {
            return "help";
        }

        @Override
        public String summary() {
            return "show the list of commands, or the flags and examples of one";
        }

        @Override
        public String usage() {
            return "help [COMMAND]";
        }

        @Override
        public int run(Args args, PrintStream out, PrintStream err) {
            args.requireAtMostPositionals(1);
            if (args.positionals().isEmpty()) {
                out.print(overview());
                return EXIT_OK;
            }
            String name = args.positionals().get(0);
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
