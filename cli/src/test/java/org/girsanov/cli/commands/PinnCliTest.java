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
 * {@code train --sampler pinn}: bad flags are refused by name before any work; a tiny run with {@code --sigma}
 * writes the metrics of every family (log Z, ESS, EUBO); interrupted and resumed, it ends with the numbers of the
 * uninterrupted run (buffer, θ, φ, c_φ and Adam restored), and a resume with another {@code --sigma} is refused.
 */
class PinnCliTest {
    @TempDir
    Path dir;

    private static String[] train(Path out, String sampler, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--target", "gaussian:d=2", "--sampler", sampler, "--out",
                out.toString(), "--json", "--no-plots", "--eval-paths", "200", "--sample-metric-k", "50"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void badPinnFlagsAreRefusedByNameBeforeAnyWork() {
        String[][] cases = {
            {"pinn", "--sigma", "0", "--sigma: 0; the diffusion coefficient σ must be finite and > 0"},
            {"pinn", "--epsilon", "1", "--epsilon: applies to the sampler nets only"},
            {"pinn", "--loss", "lv", "--loss: loss = lv; pinn trains by its Fokker-Planck residual: loss = pinn"},
            {"pinn", "--divergence", "none", "--divergence: divergence = 'none'; the pinn residual needs"},
            {"cmcd", "--sigma", "0.5", "--sigma: applies to the sampler pinn only"},
            {"cmcd", "--loss", "pinn", "pinn is the loss of the pinn sampler only"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("refused");
            CliRun r = CliRun.of(train(out, c[0], c[1], c[2]));
            String what = c[0] + " " + c[1] + " " + c[2];
            assertEquals(Cli.EXIT_USER_ERROR, r.code(), what + ": " + r.err());
            assertTrue(r.err().contains(c[3]), what + ": " + r.err());
            assertFalse(Files.exists(out), what + ": refused before any work");
        }
    }

    @Test
    void aResumedRunEndsLikeTheUninterruptedOne() throws Exception {
        String[] tiny = {"--steps", "6", "--batch", "32", "--iterations", "4", "--sigma", "0.8"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRun full = CliRun.of(train(a, "pinn", tiny));
        assertEquals(0, full.code(), full.err());
        Map<String, Object> m = full.json();
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "eubo")) {
            assertTrue(m.containsKey(k), "missing key " + k + " in " + m.keySet());
        }
        assertEquals("pinn", m.get("loss"));
        List<String> stop = new ArrayList<>(List.of(train(b, "pinn", tiny)));
        stop.addAll(List.of("--stop-after", "2"));
        assertEquals(Cli.EXIT_INTERRUPTED, CliRun.of(stop.toArray(new String[0])).code());
        CliRun contradicted = CliRun.of(train(b, "pinn", "--resume", "--sigma", "1"));
        assertEquals(Cli.EXIT_USER_ERROR, contradicted.code(), contradicted.err());
        assertTrue(contradicted.err().contains("--sigma: the checkpoint has 0.8, given 1"), contradicted.err());
        CliRun resumed = CliRun.of(train(b, "pinn", "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "eubo", "iterations")) {
            assertEquals(full.json().get(k), resumed.json().get(k), k);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve("samples.csv")), Files.readAllBytes(b.resolve("samples.csv")));
    }
}
