package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code girsanov reference} on tiny settings, its bad inputs, and {@code evaluate --samples} on a real target. */
class RealTargetsCliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void referenceMergesAnEntryWithBothEstimatesAndTheMoments() throws Exception {
        Path out = dir.resolve("refs.json");
        Files.writeString(out, "{\"other\": {\"logZ\": 1}}");
        CliRun r = run("reference", "--target", "eight-schools:form=noncentred", "--smc-sigma", "5", "--is-draws", "50000",
                "--nu", "2", "--smc-particles", "100", "--smc-levels", "40", "--smc-runs", "3", "--chains", "2", "--warmup",
                "100", "--steps", "200", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> all = Json.parseObject(Files.readString(out));
        assertTrue(all.containsKey("other"), "existing entries are kept");
        Map<String, Object> e = (Map<String, Object>) all.get("eight-schools-noncentred");
        for (String k : List.of("logZ", "logZ_se", "mean", "std", "source", "logZ_importance", "logZ_smc", "moments", "command",
                "seed", "logZ_exact")) {
            assertTrue(e.containsKey(k), k);
        }
        double z = ((Number) e.get("logZ")).doubleValue();
        double se = ((Number) e.get("logZ_se")).doubleValue();
        assertEquals(((Number) e.get("logZ_exact")).doubleValue(), z, 4 * se);
        assertTrue(((String) e.get("command")).contains("--smc-levels 40"), (String) e.get("command"));
        assertEquals(10, ((List<Object>) e.get("std")).size());
    }

    @Test
    void referenceNeedsAHessianAndASigma(@TempDir Path tmp) {
        CliRun r = run("reference", "--target", "funnel10");
        assertEquals(Cli.EXIT_USER_ERROR, r.code());
        assertTrue(r.err().contains("no closed-form Hessian") && r.err().contains("breast-cancer"), r.err());
        r = run("reference", "--target", "eight-schools:form=noncentred");
        assertEquals(Cli.EXIT_USER_ERROR, r.code());
        assertTrue(r.err().contains("--smc-sigma is required"), r.err());
        r = run("reference", "--target", "brownian", "--smc-sigma", "2");
        assertEquals(Cli.EXIT_USER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("--target: brownian has no mode") && r.err().contains("exact"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        r = run("reference", "--target", "logistic:data=" + tmp.resolve("missing.csv"));
        assertEquals(Cli.EXIT_USER_ERROR, r.code());
        assertTrue(r.err().contains("missing.csv") && r.err().contains("no such file"), r.err());
    }

    @Test
    void evaluateSamplesOfARealTargetGivesDeltaStdAgainstItsReference() throws Exception {
        Path samples = dir.resolve("s.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 10; j++) {
                b.append(j == 0 ? "" : ",").append((i * 7 + j * 3) % 11 - 5);
            }
            b.append('\n');
        }
        Files.writeString(samples, b.toString());
        CliRun r = run("evaluate", "--target", "eight-schools", "--samples", samples.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(((Number) r.json().get("delta_std")).doubleValue() > 0, r.out());
    }
}
