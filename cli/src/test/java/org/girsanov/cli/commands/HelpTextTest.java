package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.cli.Command;
import org.girsanov.cli.Flag;
import org.girsanov.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * The help of every command, as picocli renders it: the synopsis line, the summary and explanation, and every flag with
 * its value name, its whole description and its default — wrapped only at spaces, so no spec or flag is cut.
 */
class HelpTextTest {
    @Test
    void everyCommandsHelpShowsItsUsageAndEveryFlagWithItsDefault() {
        for (Command c : Main.commands()) {
            CliRun r = CliRun.of("help", c.name());
            assertEquals(0, r.code(), c.name() + ": " + r.err());
            String usage = c.usage().strip();
            String synopsis = usage.lines().findFirst().orElseThrow().strip();
            assertTrue(r.out().startsWith("usage: girsanov " + synopsis + "\n"), r.out());
            String flat = r.out().replaceAll("\\s+", " ");
            assertTrue(flat.contains(c.summary().replaceAll("\\s+", " ")), c.name() + ": summary in " + r.out());
            assertTrue(flat.contains(usage.substring(synopsis.length()).strip().replaceAll("\\s+", " ")),
                    c.name() + ": the explanation in " + r.out());
            for (Flag f : c.flags()) {
                assertTrue(flat.contains(f.synopsis() + " " + f.describe().replaceAll("\\s+", " ")),
                        c.name() + ": " + f.synopsis() + " and its description in " + r.out());
            }
            assertTrue(flat.contains("-h, --help show this help") && flat.contains("--debug print stack traces"), r.out());
            assertEquals(r.out(), CliRun.of(c.name(), "--help").out(), c.name() + " --help is the same text");
            assertTrue(r.out().lines().allMatch(l -> l.length() <= 100 || !l.startsWith(" ")), "flag lines wrap at 100: " + r.out());
        }
    }
}
