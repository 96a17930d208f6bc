package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --sampler ldvi}: bad underdamped flags are refused by name before any work; a tiny run writes the
 * metrics (EUBO from backward paths started at lifted exact samples) and d-column samples; interrupted and resumed with
 * {@code --learn-step}, it ends with the numbers of the uninterrupted run, and a resume with another {@code --friction}
 * is refused.
 */
class LdviCliTest {
    @TempDir
    Path dir;

    private static String[] train(Path out, String sampler, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--target", "gaussian:d=2", "--sampler", sampler, "--out",
                out.toString(), "--json", "--no-plots", "--eval-paths", "200", "--sample-metric-k", "50"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void badUnderdampedFlagsAreRefusedByNameBeforeAnyWork() {
        String[][] cases = {
            {"ldvi", "--friction", "0", "--friction: friction = 0.0; the friction γ must be finite and > 0"},
            {"ldvi", "--step", "-1", "--step: step = -1.0; the leapfrog step h must be finite and > 0"},
            {"ldvi", "--replay-every", "2", "--replay-every: replayEvery = 2; ldvi's states carry momenta"},
            {"pis", "--step", "0.1", "--step: applies to the sampler ldvi only"},
            {"cmcd", "--learn-step", null, "--learn-step: applies to the sampler ldvi only"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("refused");
            String[] args = c[2] == null ? train(out, c[0], c[1]) : train(out, c[0], c[1], c[2]);
            CliRun r = CliRun.of(args);
            String what = String.join(" ", args);
            assertEquals(Cli.EXIT_USER_ERROR, r.code(), what + ": " + r.err());
            assertTrue(r.err().contains(c[3]), what + ": " + r.err());
            assertFalse(Files.exists(out), what + ": refused before any work");
        }
    }

    @Test
    void aResumedLearnStepRunEndsLikeTheUninterruptedOne() throws Exception {
        String[] tiny = {"--steps", "6", "--batch", "32", "--iterations", "4", "--learn-step", "--step", "0.2"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRun full = CliRun.of(train(a, "ldvi", tiny));
        assertEquals(0, full.code(), full.err());
        Map<String, Object> m = full.json();
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "eubo", "mmd")) {
            assertTrue(m.containsKey(k), "missing key " + k + " in " + m.keySet());
        }
        assertEquals("kl", m.get("loss"));
        String header = Files.readAllLines(a.resolve("samples.csv")).get(0);
        assertEquals(2, header.split(",").length, "samples.csv holds the positions: " + header);
        List<String> stop = new ArrayList<>(List.of(train(b, "ldvi", tiny)));
        stop.addAll(List.of("--stop-after", "2"));
        assertEquals(Cli.EXIT_INTERRUPTED, CliRun.of(stop.toArray(new String[0])).code());
        CliRun contradicted = CliRun.of(train(b, "ldvi", "--resume", "--friction", "2"));
        assertEquals(Cli.EXIT_USER_ERROR, contradicted.code(), contradicted.err());
        assertTrue(contradicted.err().contains("--friction: the checkpoint has 1.0, given 2"), contradicted.err());
        CliRun resumed = CliRun.of(train(b, "ldvi", "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "eubo", "iterations")) {
            assertEquals(full.json().get(k), resumed.json().get(k), k);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve("samples.csv")), Files.readAllBytes(b.resolve("samples.csv")));
    }
}
