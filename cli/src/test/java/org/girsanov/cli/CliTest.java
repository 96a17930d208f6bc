package org.girsanov.cli;

import org.girsanov.io.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CliTest {

    /** Captured result of one run. */
    record Result(int code, String out, String err) {}

    @CommandLine.Command(name = "echo", header = "echo the batch size", customSynopsis = "echo [--batch N] [--json] [WORDS...]",
            description = "Prints its arguments.\n\nexample: girsanov echo --batch 3 hi")
    static final class Echo extends Command {
        @Option(names = "--batch", paramLabel = "N", description = "a number")
        int batch = 1;

        @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
        boolean json;

        @Parameters(arity = "0..*", paramLabel = "WORDS", hidden = true)
        List<String> words = new ArrayList<>();

        @Override
        public int run(PrintStream out, PrintStream err) {
            if (json) {
                out.println(Json.write(Json.object().with("batch", batch).with("words", words)));
            } else {
                out.println(batch + " " + String.join(" ", words));
            }
            err.println("progress goes here");
            return 0;
        }
    }

    @CommandLine.Command(name = "fail-user", header = "fails like a user error", customSynopsis = "fail-user")
    static final class FailUser extends Command {
        @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
        boolean json;

        @Override
        public int run(PrintStream out, PrintStream err) {
            throw new UserError("no such file: runs/x.ckpt");
        }
    }

    @CommandLine.Command(name = "fail-bug", header = "fails like a bug", customSynopsis = "fail-bug")
    static class FailBug extends Command {
        @Override
        public int run(PrintStream out, PrintStream err) {
            throw new IllegalStateException("tape corrupted\nsecond line");
        }
    }

    @CommandLine.Command(name = "Bad Name", customSynopsis = "x")
    static final class BadName extends FailBug {
    }

    @CommandLine.Command(name = "clash", customSynopsis = "clash")
    static final class Clash extends Command {
        @Option(names = "--debug", description = "mine")
        boolean mine;

        @Override
        public int run(PrintStream out, PrintStream err) {
            return 0;
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(args, o, e, List.of(new Echo(), new FailUser(), new FailBug()));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsACommand() {
        Result r = run("echo", "--batch", "7", "a", "b");
        assertEquals(0, r.code());
        assertEquals("7 a b\n", r.out().replace("\r\n", "\n"));
        assertEquals("progress goes here", r.err().strip());
    }

    @Test
    void jsonConventionKeepsStdoutPure() {
        Result r = run("echo", "--json", "x");
        assertEquals(Map.of("batch", 1.0, "words", List.of("x")), Json.parse(r.out()));
        assertFalse(r.err().isEmpty());
        Result v = run("version", "--json");
        assertEquals(0, v.code());
        assertEquals("girsanov", Json.parseObject(v.out()).get("name"));
    }

    @Test
    void unknownCommandIsUsageError() {
        Result r = run("ehco");
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("unknown command 'ehco' (did you mean 'echo'?)"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownFlagIsUsageErrorWithValidFlagsAndUsage() {
        Result r = run("echo", "--bach", "3");
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("unknown flag --bach (did you mean --batch?); valid flags: --batch N, --json, --debug"),
                r.err());
        assertTrue(r.err().contains("usage: girsanov echo [--batch N] [--json] [WORDS...]"), r.err());
        assertEquals(Cli.EXIT_USAGE, run("--frobnicate").code());
        assertEquals(Cli.EXIT_USAGE, run("echo", "--batch", "x").code());
    }

    @Test
    void noArgumentsPrintsOverviewOnStderr() {
        Result r = run();
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("commands:"), r.err());
        assertTrue(r.err().contains("echo"), r.err());
    }

    @Test
    void userErrorHasNoStackTrace() {
        Result r = run("fail-user");
        assertEquals(1, r.code());
        assertEquals("girsanov: no such file: runs/x.ckpt", r.err().strip());
        Result j = run("fail-user", "--json");
        assertEquals(1, j.code());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) Json.parseObject(j.out()).get("error");
        assertEquals("user", error.get("kind"));
        assertEquals(1.0, error.get("exitCode"));
    }

    @Test
    void internalErrorIsOneLineUnlessDebug() {
        Result r = run("fail-bug");
        assertEquals(3, r.code());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(2, lines.length, r.err());
        assertEquals("girsanov: internal error: IllegalStateException: tape corrupted / second line", lines[0]);
        assertEquals("(run with --debug for the stack trace)", lines[1]);
        Result d = run("fail-bug", "--debug");
        assertEquals(3, d.code());
        assertTrue(d.err().contains("\tat "), d.err());
        assertEquals(3, run("--debug", "fail-bug").code());
    }

    @Test
    void helpAndVersion() {
        Result all = run("--help");
        assertEquals(0, all.code());
        String list = all.out().substring(all.out().indexOf("commands:"));
        assertTrue(list.indexOf("  echo") < list.indexOf("  help"), "user commands listed first");
        Result h = run("help", "echo");
        assertEquals(0, h.code());
        assertTrue(h.out().startsWith("usage: girsanov echo [--batch N]"), h.out());
        assertTrue(h.out().contains("--batch N"), h.out());
        assertTrue(h.out().contains("(default 1)"), h.out());
        assertTrue(h.out().contains("example: girsanov echo"), h.out());
        assertEquals(h.out(), run("echo", "--help").out());
        assertEquals(Cli.EXIT_USAGE, run("help", "nope").code());
        Result v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("girsanov "), v.out());
        assertEquals(0, run("version").code());
        assertEquals(Cli.EXIT_USAGE, run("version", "extra").code());
    }

    @Test
    void registryRejectsClashes() {
        Cli cli = new Cli();
        cli.register(new Echo());
        assertThrows(IllegalArgumentException.class, () -> cli.register(new Echo()));
        assertThrows(IllegalArgumentException.class, () -> cli.register(new BadName()));
        assertThrows(IllegalArgumentException.class, () -> cli.register(new Clash()));
        assertEquals(List.of("help", "version", "echo"), cli.commands().stream().map(Command::name).toList());
        assertTrue(new Cli().command("echo").isEmpty(), "no static state shared between instances");
    }
}
