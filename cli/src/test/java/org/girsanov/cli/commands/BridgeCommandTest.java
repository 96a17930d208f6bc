package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code girsanov bridge}: short runs to samples and to a density report as JSON and plot; bad input exits 1 first. */
class BridgeCommandTest {

    @Test
    void shortRunsToSamplesAndToADensity(@TempDir Path dir) throws Exception {
        for (boolean density : new boolean[] {false, true}) {
            Path plot = dir.resolve("bridge-" + density + ".png");
            CliRun r = CliRun.of("bridge", "--from", "gaussian:d=2", "--to", "gmm9", density ? "--to-density" : "--to-density=false",
                    "--rounds", "1", "--iters", "2", "--steps", "4", "--batch", "32", "--width", "8", "--layers", "1",
                    "--eval-paths", "200", "--threads", "1", "--exploration", "2", "--ou-rate", density ? "0.5" : "0", "--fitting", density ? "ipf" : "imf",
                    "--plot", plot.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            Map<String, Object> m = r.json();
            for (String k : List.of("rounds_run", "end_mean", "end_std", "delta_std", "transport_cost", "target_mean", "plots",
                    "version", "logZ_is", "delta_logZ_is", "logZ_lb", "ess", "eubo", "mmd", "sinkhorn", "mode_coverage",
                    "mode_weight_error", "paths", "reciprocal")) {
                assertTrue(m.containsKey(k), "missing " + k + " in " + m.keySet());
            }
            // the bounds of a sampler of gmm9 (log Z = 0), whatever the fit: E log w ≤ log Z ≤ EUBO (up to Monte Carlo)
            assertTrue(((Number) m.get("logZ_lb")).doubleValue() < 0.1 && ((Number) m.get("eubo")).doubleValue() > -0.1, m.toString());
            assertEquals(false, m.get("from_density"));
            assertEquals(density, m.get("to_density"));
            assertEquals(density ? 0.5 : 0.0, ((Number) m.get("ou_rate")).doubleValue());
            assertEquals(density ? "ipf" : "imf", m.get("fitting"));
            assertTrue(Plots.isNonBlankPng(plot, 3), "samples plot");
            assertTrue(Plots.isNonBlankPng(dir.resolve("bridge-" + density + "-paths.png"), 3), "paths plot");
            assertTrue(r.err().contains(density ? "conditional log-variance" : "forward NLL"), r.err());
            assertTrue(r.err().contains("pinned given (X0, X1), against the reference's bridge:  t 0.25"), r.err());
            assertEquals(3, ((List<?>) m.get("reciprocal")).size());
        }
        // the mirror image: gmm9 at the start by its density only, sampled by the backward process from N(0, I)
        CliRun r = CliRun.of("bridge", "--from", "gmm9", "--from-density", "--to", "gaussian:d=2", "--rounds", "1", "--iters", "2",
                "--steps", "4", "--batch", "32", "--width", "8", "--layers", "1", "--eval-paths", "200", "--threads", "1", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = r.json();
        for (String k : List.of("start_mean", "start_std", "delta_std", "logZ_is", "ess", "eubo", "mode_weight_error")) {
            assertTrue(m.containsKey(k), "missing " + k + " in " + m.keySet());
        }
        assertEquals(true, m.get("from_density"));
        assertTrue(r.err().contains("backward conditional log-variance") && r.err().contains("as a sampler of gmm9"), r.err());
        // the plot exists now: refused without --force, before any work
        CliRun again = CliRun.of("bridge", "--from", "gaussian:d=2", "--to", "gmm9", "--plot", dir.resolve("bridge-true.png").toString());
        assertEquals(1, again.code(), again.err());
        assertTrue(again.err().contains("already exists; pass --force"), again.err());
    }

    @Test
    void badInputExitsOneNamingTheFlagBeforeAnyWork() {
        String[][] cases = {
            {"--from", "eight-schools", "--to", "eight-schools", "--from", "both known by their density only"},
            {"--from", "gaussian:d=2", "--from-density", "--to", "gmm9", "--to-density", "--to", "at least one end must be given by samples"},
            {"--from", "gaussian:d=3", "--to", "gmm9", "--from", "dimension 3"},
            {"--from", "gaussian:d=2", "--to", "gmm9", "--sigma", "0", "--sigma", "allowed: a finite number > 0"},
            {"--from", "gaussian:d=2", "--to", "gmm9", "--batch", "20", "--to-density", "--batch", "multiple of 8"},
            {"--from", "gaussian:d=2", "--to", "nosuch", "--to", "unknown target"},
            {"--from", "gaussian:d=2", "--to", "gmm9", "--rounds", "0", "--rounds", "allowed"},
            {"--from", "gaussian:d=2", "--to", "gmm9", "--exploration", "0.5", "--exploration", "a finite number >= 1"},
            {"--from", "gaussian:d=2", "--to", "gmm9", "--ou-rate", "Infinity", "--ou-rate", "allowed: a finite number"},
            {"--from", "gaussian:d=2", "--to", "gmm9", "--fitting", "sinkhorn", "--fitting", "allowed: ipf, imf"}};
        for (String[] c : cases) {
            String[] args = new String[c.length - 1];
            args[0] = "bridge";
            System.arraycopy(c, 0, args, 1, c.length - 2);
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(c[c.length - 2]) && r.err().contains(c[c.length - 1]), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("round 1"), "no work before validation: " + r.err());
        }
    }
}
