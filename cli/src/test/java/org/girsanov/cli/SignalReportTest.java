package org.girsanov.cli;

import org.girsanov.io.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stopped object of a command without a handler of its own: written once, only if the command wrote nothing. */
class SignalReportTest {

    @Test
    void aSignalWritesTheStoppedObjectWithTheCommandsContextAndHaltsWith128PlusN() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OneObjectOut out = OneObjectOut.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<Integer> halts = new ArrayList<>();
        SignalReport r = new SignalReport("evaluate", () -> Map.of("checkpoint", "/a/b", "iteration", 7L), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), halts::add);
        r.signal("TERM", 15);
        assertEquals(List.of(143), halts);
        Map<?, ?> m = (Map<?, ?>) Json.parse(bytes.toString(StandardCharsets.UTF_8).trim());
        assertEquals(false, m.get("finished"));
        assertEquals("evaluate", m.get("command"));
        assertEquals("SIGTERM", m.get("signal"));
        assertEquals(143.0, m.get("exitCode"));
        assertEquals("/a/b", m.get("checkpoint"));
        assertEquals(7.0, m.get("iteration"));
    }

    @Test
    void aCommandThatAlreadyWroteItsObjectKeepsItAsTheOnlyOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OneObjectOut out = OneObjectOut.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("{\"done\":true}");
        List<Integer> halts = new ArrayList<>();
        new SignalReport("sample", Map::of, out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                halts::add).signal("INT", 2);
        assertEquals("{\"done\":true}", bytes.toString(StandardCharsets.UTF_8).trim());
        assertEquals(List.of(130), halts);
    }

    @Test
    void aFailingContextIsReportedInTheObjectInsteadOfLosingIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OneObjectOut out = OneObjectOut.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        new SignalReport("sample", () -> {
            throw new IllegalStateException("unreadable");
        }, out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), c -> { }).signal("HUP", 1);
        Map<?, ?> m = (Map<?, ?>) Json.parse(bytes.toString(StandardCharsets.UTF_8).trim());
        assertEquals(129.0, m.get("exitCode"));
        assertTrue(String.valueOf(m.get("context_error")).contains("unreadable"), m.toString());
    }

    @Test
    void stdoutKeepsTheTargetsCharset() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OneObjectOut out = OneObjectOut.of(new PrintStream(bytes, true, StandardCharsets.UTF_16BE));
        assertTrue(!out.written());
        out.printf("Δ%d%n", 1);
        out.print('→');
        out.flush();
        assertTrue(out.written());
        assertEquals("Δ1" + System.lineSeparator() + "→", bytes.toString(StandardCharsets.UTF_16BE));
    }

    @Test
    void anErrorAfterTheCommandsObjectDoesNotAddASecondObject() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Command writesThenFails = new WritesThenFails();
        int code = Cli.run(new String[] {"twice", "--json"}, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), List.of(writesThenFails));
        assertEquals(1, code);
        assertEquals("{\"partial\":true}", o.toString(StandardCharsets.UTF_8).trim());
    }

    @picocli.CommandLine.Command(name = "twice", header = "writes its object, then fails", customSynopsis = "twice [--json]")
    static final class WritesThenFails extends Command {
        @picocli.CommandLine.Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
        boolean json;

        @Override
        public int run(java.io.PrintStream out, java.io.PrintStream err) {
            out.println(Json.write(Json.object().with("partial", true)));
            throw new UserError("after the object");
        }
    }
}
