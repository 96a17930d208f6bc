package org.girsanov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How a command's annotated flags are parsed and converted ({@link FlagValues}, {@link CommandLines}), and the errors. */
class FlagParsingTest {

    @CommandLine.Command(name = "probe", customSynopsis = "probe [flags]")
    static final class Probe extends Command {
        @Option(names = "--batch", paramLabel = "N", description = "paths per iteration")
        int batch = 256;

        @Option(names = "--iters", paramLabel = "N", description = "iterations")
        Integer iters;

        @Option(names = "--lr", paramLabel = "X", description = "learning rate")
        double lr = 1e-3;

        @Option(names = "--seed", paramLabel = "N", description = "seed")
        Long seed;

        @Option(names = "--out", paramLabel = "DIR", description = "output directory")
        Path out;

        @Option(names = "--target", paramLabel = "SPEC", description = "target")
        List<String> target = new ArrayList<>();

        @Option(names = "--json", arity = "0..1", description = "json output")
        boolean json;

        @Parameters(arity = "0..*", paramLabel = "ARGS", hidden = true)
        List<String> positionals = new ArrayList<>();

        @Override
        public int run(PrintStream out, PrintStream err) {
            return 0;
        }
    }

    @CommandLine.Command(name = "required", customSynopsis = "required --target SPEC --out DIR")
    static final class Required extends Command {
        @Option(names = "--target", paramLabel = "SPEC", required = true, description = "t")
        String target;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "o")
        String out;

        @Override
        public int run(PrintStream out, PrintStream err) {
            return 0;
        }
    }

    @CommandLine.Command(name = "bare", customSynopsis = "bare")
    static final class Bare extends Command {
        @Override
        public int run(PrintStream out, PrintStream err) {
            return 0;
        }
    }

    /** {@code c} after parsing {@code tokens}, or the usage error the command line gets. */
    static <C extends Command> C parse(C c, String... tokens) {
        return Cli.parsed(c, tokens);
    }

    static Probe parse(String... tokens) {
        return parse(new Probe(), tokens);
    }

    @Test
    void parsesAllSyntaxes() {
        Probe a = parse("pos1", "--batch", "64", "--lr=3e-4", "--json", "--seed", "-7", "--target", "a",
                "--target=b", "-5", "--", "--not-a-flag");
        assertEquals(64, a.batch);
        assertEquals(3e-4, a.lr);
        assertTrue(a.json);
        assertEquals(-7L, a.seed);
        assertEquals(List.of("a", "b"), a.target);
        assertEquals(List.of("pos1", "-5", "--not-a-flag"), a.positionals);
        assertTrue(a.given("--batch") && a.given("--target") && !a.given("--out"));
        assertEquals("b", a.typed("--target"));
        assertEquals("3e-4", a.typed("--lr"), "the text as typed");
    }

    @Test
    void defaultsAndAbsence() {
        Probe a = parse();
        assertEquals(256, a.batch);
        assertEquals(1e-3, a.lr);
        assertNull(a.iters);
        assertNull(a.out);
        assertFalse(a.json);
        assertFalse(a.given("--batch"));
        assertNull(a.typed("--batch"));
        assertEquals(List.of(), a.target);
        assertFalse(parse("--json=false").json);
        assertTrue(parse("--json=yes").json);
        assertTrue(parse("--batch", "256").given("--batch"), "given, even at its default value");
    }

    @Test
    void integersAcceptUnderscoresAndExactScientific() {
        assertEquals(100_000, parse("--iters", "100_000").iters);
        assertEquals(100_000, parse("--iters", "1e5").iters);
        assertEquals(2500, parse("--iters", "2.5e3").iters);
        assertEquals("--iters: '1.5' is not an integer",
                assertThrows(UsageException.class, () -> parse("--iters", "1.5")).getMessage());
        assertEquals("--iters: '1e-3' is not an integer",
                assertThrows(UsageException.class, () -> parse("--iters", "1e-3")).getMessage());
        assertEquals("--iters: '9999999999' is out of range for an integer",
                assertThrows(UsageException.class, () -> parse("--iters", "9999999999")).getMessage());
        assertEquals(9_999_999_999L, parse("--seed", "9_999_999_999").seed);
    }

    @Test
    void badNumbersAreNamedPrecisely() {
        assertEquals("--batch: 'abc' is not an integer",
                assertThrows(UsageException.class, () -> parse("--batch", "abc")).getMessage());
        assertEquals("--lr: 'fast' is not a number",
                assertThrows(UsageException.class, () -> parse("--lr", "fast")).getMessage());
        assertThrows(UsageException.class, () -> parse("--lr", "1d"));
        assertThrows(UsageException.class, () -> parse("--lr", "0x1p3"));
        assertEquals(Double.POSITIVE_INFINITY, parse("--lr", "inf").lr);
        assertEquals(-0.5, parse("--lr", "-.5").lr);
        assertEquals("--out: empty path", assertThrows(UsageException.class, () -> parse("--out", "")).getMessage());
    }

    @Test
    void unknownFlagListsValidFlagsAndSuggests() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--bacth", "3"));
        assertTrue(e.getMessage().startsWith("unknown flag --bacth (did you mean --batch?); valid flags: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("--batch N, --iters N, --lr X"), e.getMessage());
        assertTrue(e.getMessage().contains("--json") && e.getMessage().endsWith("--debug"), e.getMessage());
        UsageException single = assertThrows(UsageException.class, () -> parse("-b", "3"));
        assertTrue(single.getMessage().contains("flags are written --name"), single.getMessage());
        UsageException none = assertThrows(UsageException.class, () -> parse(new Bare(), "--x"));
        assertEquals("unknown flag --x; valid flags: --debug", none.getMessage());
    }

    @Test
    void structuralErrors() {
        assertEquals("--batch N: missing value",
                assertThrows(UsageException.class, () -> parse("--batch")).getMessage());
        assertEquals("--batch given more than once",
                assertThrows(UsageException.class, () -> parse("--batch", "1", "--batch", "2")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> parse("--json=maybe")).getMessage()
                .startsWith("--json is a switch"));
        assertEquals("missing required flags --target, --out",
                assertThrows(UsageException.class, () -> parse(new Required())).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> parse(new Required(), "--taget", "x")).getMessage()
                .startsWith("unknown flag --taget (did you mean --target?)"), "an unknown flag is named before a missing one");
        assertEquals(List.of("@args.txt"), parse("@args.txt").positionals, "no @file expansion");
        assertEquals("unexpected argument 'x' (this command takes only flags)",
                assertThrows(UsageException.class, () -> parse(new Bare(), "x")).getMessage());
        assertThrows(UsageException.class, () -> parse("--bat", "3"), "no abbreviated flags");
    }

    @Test
    void choices() {
        assertEquals("lv", Suggest.choice("--loss", "lv", List.of("kl", "lv", "tb")));
        assertEquals("--loss: 'tbb' is not one of kl, lv, tb (did you mean tb?)",
                assertThrows(UsageException.class, () -> Suggest.choice("--loss", "tbb", List.of("kl", "lv", "tb"))).getMessage());
    }

    @CommandLine.Command(name = "clash", customSynopsis = "clash")
    static final class Clash extends Command {
        @Option(names = "--help", description = "mine")
        boolean help;

        @Override
        public int run(PrintStream out, PrintStream err) {
            return 0;
        }
    }

    @Test
    void aCommandCannotRedeclareTheSharedFlags() {
        assertThrows(IllegalArgumentException.class, () -> CommandLines.of(new Clash()));
    }
}
