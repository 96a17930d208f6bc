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
 * {@code train --sampler lrds | idem | rdmc}: the flags that do not fit the sampler are refused by name before any
 * work (exit 1, no run folder); rdmc runs without training and reports log Z, ESS and its cost; an interrupted
 * LRDS run resumed from its checkpoint ends with the numbers of the uninterrupted one.
 */
class MarginalSamplersCliTest {
    @TempDir
    Path dir;

    private static String[] train(Path out, String sampler, String... extra) {
        return train("gmm9", out, sampler, extra);
    }

    private static String[] train(String target, Path out, String sampler, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--target", target, "--sampler", sampler, "--out", out.toString(),
                "--json", "--no-plots", "--eval-paths", "200", "--sample-metric-k", "50"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void flagsThatDoNotFitTheSamplerAreRefusedByNameBeforeAnyWork() {
        String[][] cases = {
            {"idem", "--loss", "lv", "--loss: loss = lv; idem trains by its own regression: loss = dem"},
            {"pis", "--loss", "dem", "--loss: loss = dem; dem is the loss of the idem sampler only; pis trains with one of kl, lv, tb, db, subtb"},
            {"lrds", "--loss", "none", "--loss: loss = none; lrds is trained: give one of kl, lv, tb, db, subtb"},
            {"rdmc", "--loss", "lv", "--loss: loss = lv; rdmc learns nothing: loss = none"},
            {"rdmc", "--iterations", "5", "--iterations: rdmc learns nothing, so it takes no training flag"},
            {"rdmc", "--resume", null, "--resume: rdmc learns nothing"},
            {"pis", "--score-draws", "8", "--score-draws: applies to the samplers rdmc and idem only"},
            {"idem", "--score-draws", "0", "--score-draws: 0 is out of range; allowed: 1 to 1000000"},
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
    void rdmcRunsWithoutTrainingAndReportsItsCost() throws Exception {
        Path out = dir.resolve("rdmc");
        CliRun r = CliRun.of(train(out, "rdmc", "--steps", "10", "--score-draws", "16"));
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = r.json();
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "mode_coverage", "target_evaluations", "score_draws")) {
            assertTrue(m.containsKey(k), "missing key " + k + " in " + m.keySet());
        }
        assertEquals("none", m.get("loss"));
        // 200 particles x 10 steps x 16 draws for the scores, plus log rho of the 200 end points
        assertEquals(200.0 * 10 * 16 + 200, ((Number) m.get("target_evaluations")).doubleValue());
        assertTrue(Files.exists(out.resolve("metrics.json")) && Files.exists(out.resolve("samples.csv")));
        assertFalse(Files.exists(out.resolve(RunFolder.CHECKPOINT)), "nothing learned, nothing to checkpoint");
        CliRun again = CliRun.of(train(dir.resolve("rdmc1"), "rdmc", "--steps", "10", "--score-draws", "16", "--threads", "1"));
        assertEquals(m.get("logZ_is"), again.json().get("logZ_is"), "the thread count changes nothing");
    }

    /** On a 2-D Gaussian: the reference's BIC scan stops at K = 3, so the three runs take seconds, not the 15 s of gmm9. */
    @Test
    void lrdsResumedFromItsCheckpointEndsLikeTheUninterruptedRun() throws Exception {
        String target = "gaussian:d=2";
        String[] tiny = {"--steps", "8", "--batch", "32", "--iterations", "4"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        List<String> straight = new ArrayList<>(List.of(train(target, a, "lrds", tiny)));
        CliRun full = CliRun.of(straight.toArray(new String[0]));
        assertEquals(0, full.code(), full.err());
        List<String> stop = new ArrayList<>(List.of(train(target, b, "lrds", tiny)));
        stop.addAll(List.of("--stop-after", "2"));
        assertEquals(Cli.EXIT_INTERRUPTED, CliRun.of(stop.toArray(new String[0])).code());
        CliRun resumed = CliRun.of(train(target, b, "lrds", "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "eubo", "target_evaluations", "iterations")) {
            assertEquals(full.json().get(k), resumed.json().get(k), k);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve("samples.csv")), Files.readAllBytes(b.resolve("samples.csv")));
    }
}
