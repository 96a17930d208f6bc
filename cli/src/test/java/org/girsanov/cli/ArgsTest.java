package org.girsanov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

    static final List<Flag> FLAGS = List.of(
            Flag.option("batch", "N", "paths per iteration").withDefault(256),
            Flag.option("iters", "N", "iterations"),
            Flag.option("lr", "X", "learning rate").withDefault("1e-3"),
            Flag.option("seed", "N", "seed"),
            Flag.option("out", "DIR", "output directory"),
            Flag.option("loss", "NAME", "loss"),
            Flag.option("target", "SPEC", "target").allowRepeats(),
            Flag.toggle("json", "json output"));

    static Args parse(String... tokens) {
        return Args.parse(tokens, FLAGS);
    }

    @Test
    void parsesAllSyntaxes() {
        Args a = parse("pos1", "--batch", "64", "--lr=3e-4", "--json", "--seed", "-7", "--target", "a",
                "--target=b", "-5", "--", "--not-a-flag");
        assertEquals(64, a.getInt("batch"));
        assertEquals(3e-4, a.getDouble("lr"));
        assertTrue(a.getBoolean("json"));
        assertEquals(-7L, a.getLong("seed"));
        assertEquals("b", a.getString("target"));
        assertEquals(List.of("a", "b"), a.getAll("target"));
        assertEquals(List.of("pos1", "-5", "--not-a-flag"), a.positionals());
        assertEquals("pos1", a.positional(0, "NAME"));
    }

    @Test
    void defaultsAndAbsence() {
        Args a = parse();
        assertEquals(256, a.getInt("batch"));
        assertEquals(1e-3, a.getDouble("lr"));
        assertEquals(5000, a.getInt("iters", 5000));
        assertEquals(Path.of("runs"), a.getPath("out", Path.of("runs")));
        assertFalse(a.getBoolean("json"));
        assertFalse(a.has("batch"));
        assertTrue(a.get("iters").isEmpty());
        assertEquals(List.of(), a.getAll("target"));
        assertFalse(parse("--json=false").getBoolean("json"));
    }

    @Test
    void integersAcceptUnderscoresAndExactScientific() {
        assertEquals(100_000, parse("--iters", "100_000").getInt("iters"));
        assertEquals(100_000, parse("--iters", "1e5").getInt("iters"));
        assertEquals(2500, parse("--iters", "2.5e3").getInt("iters"));
        assertEquals("--iters: '1.5' is not an integer",
                assertThrows(UsageException.class, () -> parse("--iters", "1.5").getInt("iters")).getMessage());
        assertEquals("--iters: '1e-3' is not an integer",
                assertThrows(UsageException.class, () -> parse("--iters", "1e-3").getInt("iters")).getMessage());
        assertEquals("--iters: '9999999999' is out of range for an integer",
                assertThrows(UsageException.class, () -> parse("--iters", "9999999999").getInt("iters")).getMessage());
    }

    @Test
    void badNumbersAreNamedPrecisely() {
        assertEquals("--batch: 'abc' is not an integer",
                assertThrows(UsageException.class, () -> parse("--batch", "abc").getInt("batch")).getMessage());
        assertEquals("--lr: 'fast' is not a number",
                assertThrows(UsageException.class, () -> parse("--lr", "fast").getDouble("lr")).getMessage());
        assertThrows(UsageException.class, () -> parse("--lr", "1d").getDouble("lr"));
        assertThrows(UsageException.class, () -> parse("--lr", "0x1p3").getDouble("lr"));
        assertEquals(Double.POSITIVE_INFINITY, parse("--lr", "inf").getDouble("lr"));
        assertEquals(-0.5, parse("--lr", "-.5").getDouble("lr"));
    }

    @Test
    void unknownFlagListsValidFlagsAndSuggests() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--bacth", "3"));
        assertTrue(e.getMessage().startsWith("unknown flag --bacth (did you mean --batch?); valid flags: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("--batch N, --iters N, --lr X"), e.getMessage());
        assertTrue(e.getMessage().contains("--json"), e.getMessage());
        UsageException single = assertThrows(UsageException.class, () -> parse("-b", "3"));
        assertTrue(single.getMessage().contains("flags are written --name"), single.getMessage());
        UsageException none = assertThrows(UsageException.class, () -> Args.parse(List.of("--x"), List.of()));
        assertEquals("unknown flag --x; this command takes no flags", none.getMessage());
    }

    @Test
    void structuralErrors() {
        assertEquals("--batch N: missing value",
                assertThrows(UsageException.class, () -> parse("--batch")).getMessage());
        assertEquals("--batch given more than once",
                assertThrows(UsageException.class, () -> parse("--batch", "1", "--batch", "2")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> parse("--json=maybe")).getMessage()
                .startsWith("--json is a switch"));
        List<Flag> withRequired = List.of(Flag.required("target", "SPEC", "t"), Flag.required("out", "DIR", "o"));
        assertEquals("missing required flags --target, --out",
                assertThrows(UsageException.class, () -> Args.parse(List.of(), withRequired)).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> Args.parse(List.of("--taget", "x"), withRequired)).getMessage()
                .startsWith("unknown flag --taget (did you mean --target?)"), "an unknown flag is named before a missing one");
        assertEquals(List.of("@args.txt"), Args.parse(List.of("--target", "t", "--out", "o", "@args.txt"), withRequired).positionals(),
                "no @file expansion");
        assertEquals("missing required flag --iters N",
                assertThrows(UsageException.class, () -> parse().getInt("iters")).getMessage());
        assertEquals("missing argument FILE",
                assertThrows(UsageException.class, () -> parse().positional(0, "FILE")).getMessage());
        assertEquals("unexpected argument 'x' (this command takes only flags)",
                assertThrows(UsageException.class, () -> parse("x").requireAtMostPositionals(0)).getMessage());
    }

    @Test
    void choices() {
        assertEquals("lv", parse("--loss", "lv").getChoice("loss", List.of("kl", "lv", "tb")));
        assertEquals("--loss: 'tbb' is not one of kl, lv, tb (did you mean tb?)",
                assertThrows(UsageException.class,
                        () -> parse("--loss", "tbb").getChoice("loss", List.of("kl", "lv", "tb"))).getMessage());
    }

    @Test
    void undeclaredFlagIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> parse().getInt("nope"));
        assertThrows(IllegalArgumentException.class,
                () -> Args.parse(List.of(), List.of(Flag.toggle("a", "x"), Flag.toggle("a", "y"))));
        assertThrows(IllegalArgumentException.class, () -> Flag.toggle("--a", "x"));
    }
}
