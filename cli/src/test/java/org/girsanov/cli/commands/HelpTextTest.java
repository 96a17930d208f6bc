package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.cli.Command;
import org.girsanov.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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
            CommandSpec spec = CommandSpec.forAnnotatedObject(c);
            String synopsis = spec.usageMessage().customSynopsis()[0].strip();
            assertTrue(r.out().startsWith("usage: girsanov " + synopsis + "\n"), r.out());
            String flat = r.out().replaceAll("\\s+", " ");
            String summary = String.join(" ", spec.usageMessage().header());
            assertTrue(flat.contains(summary.replaceAll("\\s+", " ")), c.name() + ": summary in " + r.out());
            assertTrue(flat.contains(String.join("\n", spec.usageMessage().description()).strip().replaceAll("\\s+", " ")),
                    c.name() + ": the explanation in " + r.out());
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp()) {
                    continue;
                }
                boolean toggle = o.type() == boolean.class;
                String label = o.longestName() + (toggle ? "" : " " + o.paramLabel());
                String text = String.join(" ", o.description()).replaceAll("\\s+", " ");
                assertTrue(flat.contains(label + " " + text), c.name() + ": " + label + " and its description in " + r.out());
                Object initial = o.initialValue();
                if (!toggle && initial != null && !o.required()) {
                    assertTrue(flat.contains(label + " " + text + " (default " + initial + ")"),
                            c.name() + ": " + label + " shows its default " + initial + " in " + r.out());
                }
                if (o.required()) {
                    assertTrue(flat.contains(text + " (required)"), c.name() + ": " + label + " is marked required");
                }
            }
            assertTrue(flat.contains("-h, --help show this help") && flat.contains("--debug print stack traces"), r.out());
            assertEquals(r.out(), CliRun.of(c.name(), "--help").out(), c.name() + " --help is the same text");
            assertTrue(r.out().lines().allMatch(l -> l.length() <= 100 || !l.startsWith(" ")), "flag lines wrap at 100: " + r.out());
        }
    }
}
