package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.girsanov.autodiff.io.ParameterFile;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.girsanov.cli.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command end to end on tiny settings: exit codes, stable JSON keys, files, plots, resume. */
class CommandsEndToEndTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String[] TINY = {"--steps", "5", "--batch", "16", "--iterations", "4", "--eval-paths", "64",
        "--sample-metric-k", "32"};

    private static String[] train(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "--target", "gmm9", "--sampler", "pis", "--loss", "lv",
                "--out", out.toString(), "--json"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void trainWritesRunFolderWithStableKeysAndPlots() throws Exception {
        Path run = dir.resolve("run");
        CliRun r = run(train(run));
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = r.json();
        for (String k : List.of("logZ_lb", "logZ_is", "logZ_true", "ess", "delta_std", "sinkhorn", "eubo", "mmd", "mode_coverage", "wall_seconds",
                "target_evaluations", "seed", "version")) {
            assertTrue(m.containsKey(k), "missing key " + k + " in " + m.keySet());
        }
        for (String f : List.of("metrics.json", "samples.csv", "config.json", RunFolder.CHECKPOINT, "samples.png", "loss.png")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertTrue(Plots.inspect(run.resolve("samples.png")).looksLikePlot(20));
        assertTrue(Plots.inspect(run.resolve("loss.png")).looksLikePlot(5));
        assertEquals(Json.parse(Files.readString(run.resolve("metrics.json"))), m);
        assertTypedMetrics(Files.readString(run.resolve("metrics.json")), 64, 32);
        assertTypedMetrics(r.out(), 64, 32);
    }

    /**
     * Counts are written as JSON integers and flags as JSON booleans (not {@code 10000.0} or {@code 1.0}); estimates
     * as numbers with a fraction or an exponent.
     */
    static void assertTypedMetrics(String json, long paths, long sinkhornK) {
        for (String k : List.of("paths", "eval_steps", "nonfinite_paths", "sinkhorn_k", "sinkhorn_iterations", "target_evaluations",
                "seed")) {
            assertTrue(java.util.regex.Pattern.compile("\"" + k + "\"\\s*:\\s*-?\\d+\\s*[,}]").matcher(json).find(),
                    k + " is a JSON integer in " + json);
        }
        assertTrue(json.matches("(?s).*\"paths\"\\s*:\\s*" + paths + "\\s*[,}].*"), json);
        assertTrue(json.matches("(?s).*\"sinkhorn_k\"\\s*:\\s*" + sinkhornK + "\\s*[,}].*"), json);
        assertTrue(json.matches("(?s).*\"sinkhorn_converged\"\\s*:\\s*(true|false)\\s*[,}].*"), "a JSON boolean in " + json);
        for (String k : List.of("logZ_lb", "ess", "sinkhorn", "eubo")) {
            assertTrue(java.util.regex.Pattern.compile("\"" + k + "\"\\s*:\\s*-?[0-9.]+([eE][+-]?\\d+)?\\s*[,}]").matcher(json).find(),
                    k + " is a number in " + json);
        }
    }

    @Test
    void interruptedThenResumedEqualsUninterruptedAndCountsTheTrainingTimeOfBothSegments() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRun full = run(train(a));
        assertEquals(0, full.code(), full.err());
        Map<String, Object> x = full.json();
        assertEquals(seconds(x, "train_seconds"), seconds(x, "segment_train_seconds"), "one segment");
        CliRun stopped = run(train(b, "--stop-after", "2", "--checkpoint-seconds", "0.001"));
        assertEquals(Cli.EXIT_INTERRUPTED, stopped.code(), stopped.err());
        assertTrue(stopped.err().contains("every 0.001 s, every 500 iterations, at the end"), stopped.err());
        assertFalse(Files.exists(b.resolve("metrics.json")));
        double first = Double.parseDouble(ParameterFile.read(b.resolve(RunFolder.CHECKPOINT)).metadata().get("train_seconds"));
        assertTrue(first > 0, "the checkpoint records the first segment's training time: " + first);
        Path stale = Files.writeString(b.resolve("." + RunFolder.CHECKPOINT + ".123.tmp"), "torn by a kill");
        Path mine = Files.writeString(b.resolve(".mine.tmp"), "not the run's");
        CliRun resumed = run(train(b, "--resume", "--checkpoint-seconds", "0"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("s of training so far"), resumed.err());
        Map<String, Object> y = resumed.json();
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "sinkhorn", "eubo", "target_evaluations", "iterations")) {
            assertEquals(x.get(k), y.get(k), k);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve("samples.csv")), Files.readAllBytes(b.resolve("samples.csv")));
        double total = seconds(y, "train_seconds");
        assertTrue(total >= first, "train_seconds " + total + " counts the first segment's " + first);
        assertEquals(first + seconds(y, "segment_train_seconds"), total, 1e-9);
        assertTrue(seconds(y, "wall_seconds") >= total, y.toString());
        assertFalse(Files.exists(stale), "a temporary file a kill left behind is removed");
        assertTrue(Files.exists(mine), "other files stay");
    }

    private static double seconds(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void sampleAndEvaluateFromCheckpointAndSamples() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, run(train(run)).code());
        Path csv = dir.resolve("s.csv");
        CliRun s = run("sample", "--checkpoint", run.resolve(RunFolder.CHECKPOINT).toString(), "--n", "50", "--out",
                csv.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        assertEquals(51, Files.readAllLines(csv).size());
        CliRun e1 = run("evaluate", "--target", "gmm9", "--samples", csv.toString(), "--json");
        assertEquals(0, e1.code(), e1.err());
        assertTrue(e1.json().containsKey("sinkhorn") && e1.json().containsKey("delta_std"));
        CliRun e2 = run("evaluate", "--target", "gmm9", "--checkpoint", run.resolve(RunFolder.CHECKPOINT).toString(),
                "--paths", "64", "--sample-metric-k", "32", "--json");
        assertEquals(0, e2.code(), e2.err());
        assertTrue(e2.json().containsKey("ess") && e2.json().containsKey("eubo"));
        assertTypedMetrics(e2.out(), 64, 32);
        assertFalse(e2.err().matches("(?s).*\\d\\.\\d{7,}E-?\\d.*"), "people read six digits, not 6.686163295488434E-5: " + e2.err());
        assertEquals("6.68616e-05", EvaluateCommand.human(6.686163295488434E-5));
        assertEquals("0.123457", EvaluateCommand.human(0.1234567891));
        assertEquals("-529.177", EvaluateCommand.human(-529.1767));
        CliRun e3 = run("evaluate", "--target", "gmm9", "--samples", csv.toString(), "--reference", csv.toString(), "--json");
        assertEquals(0, e3.code(), e3.err());
        assertEquals(0.0, ((Number) e3.json().get("delta_std")).doubleValue(), 1e-12);
    }

    @Test
    void checkConsistencyPrintsLevels() {
        CliRun r = run("check", "consistency", "--sde", "brownian", "--levels", "3", "--paths", "20", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = r.json();
        assertTrue(m.containsKey("levels") && m.containsKey("fitted_order"), m.keySet().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> level = (Map<String, Object>) ((List<Object>) m.get("levels")).get(0);
        for (String k : List.of("dt", "mean_abs_error", "max_abs_error", "nelson", "fokker_planck")) {
            assertTrue(level.containsKey(k), k);
        }
        assertEquals(3, ((List<?>) m.get("levels")).size());
        assertEquals("brownian", m.get("pair"));
        assertTrue(r.out().matches("(?s).*\"paths\"\\s*:\\s*20\\s*[,}].*"), "paths is a JSON integer: " + r.out());
        // through the JSON library: a value that is not finite is null, a name with quotes is escaped
        String odd = Json.write(CheckCommand.json(new org.girsanov.sde.check.ConsistencyReport("a \"pair\"\n", 3,
                List.of(new org.girsanov.sde.check.ConsistencyReport.Level(0.5, Double.NaN, 1.0, 0.0, 2.0)), Double.POSITIVE_INFINITY)));
        Map<?, ?> back = (Map<?, ?>) Json.parse(odd);
        assertEquals("a \"pair\"\n", back.get("pair"));
        assertTrue(back.containsKey("fitted_order") && back.get("fitted_order") == null, odd);
        assertTrue(((Map<?, ?>) ((List<?>) back.get("levels")).get(0)).get("mean_abs_error") == null, odd);
    }

    @Test
    void checkConsistencyOnATrainedSamplerWithAndWithoutLogFlows() throws Exception {
        for (String loss : List.of("lv", "db")) {
            Path run = dir.resolve("c-" + loss);
            String[] args = train(run);
            args[6] = loss;
            assertEquals(0, run(args).code());
            CliRun r = run("check", "consistency", "--checkpoint", run.resolve(RunFolder.CHECKPOINT).toString(),
                    "--levels", "3", "--paths", "16", "--json");
            assertEquals(0, r.code(), r.err());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> levels = (List<Map<String, Object>>) r.json().get("levels");
            assertEquals(3, levels.size());
            assertEquals(0.5, ((Number) levels.get(1).get("dt")).doubleValue(), 1e-12, "T = 5 on 5 steps (Δt = 1), refined once");
            assertTrue(((Number) levels.get(0).get("mean_abs_error")).doubleValue() > 0);
            assertEquals(loss.equals("db"), levels.get(0).get("nelson") != null, "the split needs log-flows: " + levels.get(0));
        }
        CliRun both = run("check", "consistency", "--sde", "brownian", "--checkpoint", "x");
        assertEquals(Cli.EXIT_USAGE, both.code(), both.err());
        CliRun missing = run("check", "consistency", "--checkpoint", dir.resolve("none").toString());
        assertEquals(Cli.EXIT_USER_ERROR, missing.code(), missing.err());
        assertTrue(missing.err().contains("none"), missing.err());
    }

    @Test
    void benchPerfAndQualityOnTinySettings() {
        CliRun p = run("bench", "perf", "--batch", "16", "--steps", "5", "--repeats", "2", "--json");
        assertEquals(0, p.code(), p.err());
        assertTrue(((Number) p.json().get("median_step_ms")).doubleValue() > 0);
        assertEquals("gmm9", p.json().get("target"));
        CliRun cox = run("bench", "perf", "--target", "lgcp:cells=3", "--batch", "4", "--steps", "2", "--repeats", "1", "--json");
        assertEquals(0, cox.code(), cox.err());
        assertEquals("lgcp3x3", cox.json().get("target"), "the step of another target");
        CliRun q = run("bench", "quality", "--rows", "gmm9/pis/tb", "--iterations", "2", "--eval-paths", "64",
                "--out", dir.resolve("q").toString(), "--json");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.err().contains("| gmm9 | pis | tb |"), q.err());
    }

    /**
     * An interrupted suite continues: a row's folder holding a checkpoint part-way (here a {@code train} of the
     * row's protocol stopped after 2 of 4 iterations) is resumed by {@code --resume} to the numbers of an
     * uninterrupted run; a checkpoint of other settings is refused by name, as is {@code --resume --force}.
     */
    @Test
    void benchQualityResumeContinuesRowsToTheNumbersOfAnUninterruptedRun() throws Exception {
        CliRun whole = run("bench", "quality", "--rows", "gmm9/pis/tb", "--iterations", "4", "--eval-paths", "64",
                "--out", dir.resolve("whole").toString(), "--json");
        assertEquals(0, whole.code(), whole.err());
        Path parts = dir.resolve("parts");
        CliRun stopped = run("train", "--target", "gmm9", "--sampler", "pis", "--loss", "tb", "--iterations", "4",
                "--eval-paths", "64", "--out", parts.resolve("gmm9-pis-tb").toString(), "--stop-after", "2", "--no-plots");
        assertEquals(130, stopped.code(), stopped.err());
        CliRun again = run("bench", "quality", "--rows", "gmm9/pis/tb", "--iterations", "4", "--eval-paths", "64",
                "--out", parts.toString());
        assertEquals(Cli.EXIT_USER_ERROR, again.code(), "without --resume the folder is refused: " + again.err());
        CliRun resumed = run("bench", "quality", "--rows", "gmm9/pis/tb", "--iterations", "4", "--eval-paths", "64",
                "--out", parts.toString(), "--resume", "--json");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("at iteration 2 of 4"), resumed.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> a = ((List<Map<String, Object>>) whole.json().get("rows")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> b = ((List<Map<String, Object>>) resumed.json().get("rows")).get(0);
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std")) {
            assertEquals(a.get(k), b.get(k), k);
        }
        CliRun other = run("bench", "quality", "--rows", "gmm9/pis/tb", "--iterations", "6", "--eval-paths", "64",
                "--out", parts.toString(), "--resume");
        assertEquals(Cli.EXIT_USER_ERROR, other.code(), other.err());
        assertTrue(other.err().contains("iterations (checkpoint 4, protocol 6)"), other.err());
        CliRun both = run("bench", "quality", "--rows", "gmm9/pis/tb", "--out", parts.toString(), "--resume", "--force");
        assertEquals(Cli.EXIT_USAGE, both.code(), both.err());
    }

    @Test
    void benchQualityOverSeedsGivesOneRowWithMeanAndSpreadAndTableAssemblesParts() throws Exception {
        Path q = dir.resolve("seeds");
        CliRun r = run("bench", "quality", "--rows", "gmm9/pis/tb", "--seeds", "0,1", "--iterations", "2", "--eval-paths", "64",
                "--out", q.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) r.json().get("rows");
        assertEquals(2, runs.size());
        assertEquals(List.of(0.0, 1.0), List.of(((Number) runs.get(0).get("seed")).doubleValue(), ((Number) runs.get(1).get("seed")).doubleValue()));
        assertFalse(runs.get(0).get("logZ_lb").equals(runs.get(1).get("logZ_lb")), "the seeds trained the same run");
        assertTrue(Files.isDirectory(q.resolve("gmm9-pis-tb-seed1")), "one run folder per seed");
        double a = ((Number) runs.get(0).get("ess")).doubleValue();
        double b = ((Number) runs.get(1).get("ess")).doubleValue();
        String row = "| gmm9 | pis | tb | 0, 1 | ";
        assertTrue(r.err().contains(row), r.err());
        String line = r.err().lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
        String ess = String.format("%.3f ± %.3f", (a + b) / 2, Math.abs(a - b) / Math.sqrt(2));
        assertTrue(line.contains(ess), "ESS as mean ± sample std (" + ess + ") in " + line);
        assertTrue(line.contains(String.valueOf(runs.get(0).get("commit"))), "the row names its commit: " + line);

        CliRun t = run("bench", "table", q.resolve("quality.json").toString(), q.resolve("quality.json").toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("| gmm9 | pis | tb | 0, 1 | "), "the same seeds twice are one row: " + t.out());
        assertEquals(1, t.out().lines().filter(l -> l.startsWith("| gmm9")).count(), t.out());
        assertTrue(t.out().contains(ess), "a part given twice counts once: " + t.out());
        CliRun tj = run("bench", "table", q.resolve("quality.json").toString(), "--json");
        assertEquals(0, tj.code(), tj.err());
        assertEquals(2, ((List<?>) tj.json().get("rows")).size(), "--json: the rows as one object: " + tj.out());
        assertTrue(tj.err().contains("| gmm9 | pis | tb | 0, 1 | "), "the table goes to stderr: " + tj.err());
        assertTrue(Plots.isNonBlankPng(q.resolve("quality-gmm9.png"), 20), "bench quality plots each target: " + r.err());
        Path plots = dir.resolve("plots");
        CliRun tp = run("bench", "table", q.resolve("quality.json").toString(), "--plot", plots.toString());
        assertEquals(0, tp.code(), tp.err());
        assertTrue(Plots.isNonBlankPng(plots.resolve("quality-gmm9.png"), 20), tp.err());
        Files.writeString(dir.resolve("a-file"), "x");
        CliRun onFile = run("bench", "table", q.resolve("quality.json").toString(), "--plot", dir.resolve("a-file").toString());
        assertEquals(Cli.EXIT_USER_ERROR, onFile.code(), onFile.err());
        assertTrue(onFile.err().contains("--plot") && onFile.out().isEmpty(), "named before any work: " + onFile.err());
        CliRun bad = run("bench", "table", dir.resolve("missing.json").toString());
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("missing.json"), bad.err());
        for (String seeds : List.of("0,x", "1,1", "-2")) {
            CliRun s = run("bench", "quality", "--rows", "gmm9/pis/tb", "--seeds", seeds, "--out", dir.resolve("s").toString());
            assertEquals(Cli.EXIT_USER_ERROR, s.code(), seeds);
            assertTrue(s.err().contains("--seeds"), s.err());
            assertFalse(Files.exists(dir.resolve("s")), "nothing ran for --seeds " + seeds);
        }
    }

    @Test
    void benchBaselinesJsonIsOneObjectAndEveryMethodStaysWithinTheBudget() {
        CliRun r = run("bench", "baselines", "--budget", "200000", "--targets", "gaussian:d=2", "--samples", "300", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = r.json();
        assertEquals(200000L, ((Number) m.get("budget")).longValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) m.get("rows");
        assertEquals(6, rows.size());
        for (Map<String, Object> row : rows) {
            long used = ((Number) row.get("target_evaluations")).longValue();
            assertTrue(used <= 200000 && (row.get("method").equals("exact") || used >= 180000), row.toString());
        }
        assertTrue(r.err().contains("target evals"), "the table goes to stderr: " + r.err());
        CliRun bad = run("bench", "baselines", "--budget", "20000", "--json");
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--budget: 20000 is out of range; allowed: 200000 to"), bad.err());
    }

    @Test
    void noLangevinDropsTheTermWhereThereIsOneAndAResumeMustAgree() throws Exception {
        Path out = dir.resolve("nolangevin");
        CliRun r = run(train(out, "--no-langevin"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("config.json")).replace(" ", "").contains("\"langevin\":false"),
                Files.readString(out.resolve("config.json")));
        Path with = dir.resolve("withlangevin");
        assertEquals(0, run(train(with)).code());
        assertTrue(Files.readString(with.resolve("config.json")).replace(" ", "").contains("\"langevin\":true"));
        CliRun resumed = run(train(with, "--resume", "--no-langevin"));
        assertEquals(Cli.EXIT_USER_ERROR, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("--no-langevin"), resumed.err());
        CliRun nets = run("train", "--target", "gmm9", "--sampler", "nets", "--no-langevin", "--out",
                dir.resolve("n").toString(), "--steps", "5", "--iterations", "2");
        assertEquals(Cli.EXIT_USER_ERROR, nets.code());
        assertTrue(nets.err().contains("--no-langevin"), nets.err());
        assertFalse(Files.exists(dir.resolve("n")), "nothing ran");
    }

    @Test
    void precisionFloat32TrainsIsWrittenAndARefusedCombinationNamesTheFlag() throws Exception {
        Path out = dir.resolve("f32");
        CliRun r = run(train(out, "--precision", "float32"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("config.json")).replace(" ", "").contains("\"precision\":\"float32\""),
                Files.readString(out.resolve("config.json")));
        CliRun resumed = run(train(out, "--resume", "--precision", "float64"));
        assertEquals(Cli.EXIT_USER_ERROR, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("--precision: the checkpoint has float32, given float64"), resumed.err());
        CliRun bad = run(train(dir.resolve("b"), "--precision", "half"));
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--precision") && bad.err().contains("allowed: float64, float32"), bad.err());
        CliRun nets = run("train", "--target", "gmm9", "--sampler", "nets", "--precision", "float32", "--out",
                dir.resolve("n32").toString(), "--steps", "5", "--iterations", "2");
        assertEquals(Cli.EXIT_USER_ERROR, nets.code());
        assertTrue(nets.err().contains("--precision") && nets.err().contains("nets needs precision = float64"), nets.err());
        assertFalse(Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("n32")), "nothing ran");
        Path chunked = dir.resolve("c128");
        assertEquals(0, run(train(chunked, "--chunk-size", "128")).code());
        assertTrue(Files.readString(chunked.resolve("config.json")).replace(" ", "").contains("\"chunk_size\":128"));
        CliRun other = run(train(chunked, "--resume", "--chunk-size", "64"));
        assertEquals(Cli.EXIT_USER_ERROR, other.code(), other.err());
        assertTrue(other.err().contains("--chunk-size: the checkpoint has 128, given 64"), other.err());
        CliRun zero = run(train(dir.resolve("c0"), "--chunk-size", "0"));
        assertEquals(Cli.EXIT_USER_ERROR, zero.code());
        assertTrue(zero.err().contains("--chunk-size"), zero.err());
        assertFalse(Files.exists(dir.resolve("c0")), "nothing ran");
        // without --chunk-size the chunks follow the batch (batch / 8 within [64, 256]), and a resume keeps them
        Path wide = dir.resolve("b1024");
        String[] wideArgs = {"train", "--target", "gmm9", "--sampler", "pis", "--loss", "lv", "--out", wide.toString(),
            "--steps", "3", "--batch", "1024", "--iterations", "2", "--eval-paths", "64", "--sample-metric-k", "32"};
        CliRun big = run(wideArgs);
        assertEquals(0, big.code(), big.err());
        assertTrue(Files.readString(wide.resolve("config.json")).replace(" ", "").contains("\"chunk_size\":128"),
                Files.readString(wide.resolve("config.json")));
        String[] resumeArgs = java.util.Arrays.copyOf(wideArgs, wideArgs.length + 1);
        resumeArgs[wideArgs.length] = "--resume";
        CliRun again = run(resumeArgs);
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void standardiseIsWrittenKeptOnResumeAndBadValuesAreNamed() throws Exception {
        Path out = dir.resolve("z");
        List<String> a = new java.util.ArrayList<>(List.of("train", "--target", "gmm9", "--sampler", "pis", "--loss", "lv",
                "--standardise", "pilot", "--out", out.toString(), "--json"));
        a.addAll(List.of(TINY));
        CliRun r = run(a.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("config.json")).replace(" ", "").contains("\"standardise\":\"pilot\""),
                Files.readString(out.resolve("config.json")));
        a.set(a.indexOf("pilot"), "none");
        a.add("--resume");
        CliRun contradicts = run(a.toArray(new String[0]));
        assertEquals(Cli.EXIT_USER_ERROR, contradicts.code(), contradicts.err());
        assertTrue(contradicts.err().contains("--standardise: the checkpoint has pilot, given none"), contradicts.err());
        CliRun bad = run(train(dir.resolve("b"), "--standardise", "yes"));
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--standardise: 'yes'; must be none (the target's coordinates), pilot"), bad.err());
        CliRun rdmc = run("train", "--target", "gmm9", "--sampler", "rdmc", "--standardise", "pilot", "--out",
                dir.resolve("r").toString());
        assertEquals(Cli.EXIT_USER_ERROR, rdmc.code());
        assertTrue(rdmc.err().contains("--standardise"), rdmc.err());
        assertFalse(Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("r")), "nothing ran");
    }

    /**
     * {@code bench quality --standardise}: the row's entry and its table line say so, and a folder of such a row is not
     * resumed by the protocol's own (a key only the checkpoint writes is compared too).
     */
    @Test
    void benchQualityRowsInThePilotsCoordinatesSaySoAndAreNotResumedAsThePlainRow() throws Exception {
        Path out = dir.resolve("qz");
        CliRun q = run("bench", "quality", "--rows", "gmm9/pis/lv", "--iterations", "2", "--eval-paths", "64",
                "--standardise", "pilot", "--out", out.toString(), "--json");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.err().contains("| gmm9 | pis (pilot) | lv |"), q.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) q.json().get("rows")).get(0);
        assertEquals("pilot", row.get("standardise"));
        CliRun plain = run("bench", "quality", "--rows", "gmm9/pis/lv", "--iterations", "2", "--eval-paths", "64",
                "--out", out.toString(), "--resume", "--json");
        assertEquals(Cli.EXIT_USER_ERROR, plain.code(), plain.err());
        assertTrue(plain.err().contains("standardise (checkpoint pilot, protocol the default)"), plain.err());
        CliRun bad = run("bench", "quality", "--rows", "gmm9/pis/lv", "--standardise", "whiten", "--out",
                dir.resolve("qb").toString());
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--standardise: 'whiten'"), bad.err());
        assertFalse(Files.exists(dir.resolve("qb")), "nothing ran");
    }

    @Test
    void priorStdSetsTheAnnealedSamplersStartAndIsRefusedElsewhere() throws Exception {
        Path out = dir.resolve("wide");
        List<String> a = new java.util.ArrayList<>(List.of("train", "--target", "gmm9", "--sampler", "cmcd", "--loss", "lv",
                "--prior-std", "4", "--out", out.toString(), "--json"));
        a.addAll(List.of(TINY));
        CliRun r = run(a.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("config.json")).replace(" ", "").contains("\"prior_std\":4.0"),
                Files.readString(out.resolve("config.json")));
        a.add("--resume");
        a.set(a.indexOf("4"), "2");
        CliRun resumed = run(a.toArray(new String[0]));
        assertEquals(Cli.EXIT_USER_ERROR, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("--prior-std"), resumed.err());
        // --prior-std pilot: the pilot's estimate is the prior; resuming with a given std contradicts it
        List<String> piloted = new java.util.ArrayList<>(List.of("train", "--target", "gmm9", "--sampler", "cmcd", "--loss",
                "lv", "--prior-std", "pilot", "--out", dir.resolve("piloted").toString(), "--json"));
        piloted.addAll(List.of(TINY));
        assertEquals(0, run(piloted.toArray(new String[0])).code());
        piloted.set(piloted.indexOf("pilot"), "1");
        piloted.add("--resume");
        CliRun contradicts = run(piloted.toArray(new String[0]));
        assertEquals(Cli.EXIT_USER_ERROR, contradicts.code(), contradicts.err());
        assertTrue(contradicts.err().contains("--prior-std: the checkpoint has pilot, given 1"), contradicts.err());
        CliRun pis = run(train(dir.resolve("p"), "--prior-std", "3"));
        assertEquals(Cli.EXIT_USER_ERROR, pis.code());
        assertTrue(pis.err().contains("--prior-std: applies to the annealed samplers"), pis.err());
        CliRun bad = run("train", "--target", "gmm9", "--sampler", "nets", "--prior-std", "-1", "--out",
                dir.resolve("n").toString(), "--steps", "5", "--iterations", "2");
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--prior-std: -1; the prior std s must be finite and > 0"), bad.err());
        assertFalse(Files.exists(dir.resolve("p")) || Files.exists(dir.resolve("n")), "nothing ran");
    }

    @Test
    void benchEfficiencyWritesOneCurvePerMethodAndKeepsAnEarlierRun() throws Exception {
        Path out = dir.resolve("eff");
        String[] args = {"bench", "efficiency", "--methods", "pt,pis-lv", "--budgets", "30000,100000", "--iterations", "2",
            "--samples", "100", "--threads", "1", "--out", out.toString(), "--json"};
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) r.json().get("points");
        assertEquals(List.of("pt", "pt", "pis-lv", "exact"), points.stream().map(p -> p.get("method")).toList());
        assertTrue(((Number) points.get(1).get("target_evaluations")).longValue() <= 100_000, points.toString());
        assertEquals("gmm40", r.json().get("target"));
        for (String png : List.of("efficiency-sinkhorn.png", "efficiency-coverage.png")) {
            assertTrue(Plots.inspect(out.resolve(png)).looksLikePlot(3), png);
        }
        long written = Files.getLastModifiedTime(out.resolve("efficiency.json")).toMillis();
        CliRun again = run(args);
        assertEquals(Cli.EXIT_USER_ERROR, again.code());
        assertTrue(again.err().contains("--out") && again.err().contains("--force"), again.err());
        assertEquals(written, Files.getLastModifiedTime(out.resolve("efficiency.json")).toMillis(), "the earlier run is kept");
        List<String> forced = new java.util.ArrayList<>(List.of(args));
        forced.add("--force");
        assertEquals(0, run(forced.toArray(new String[0])).code());
    }

    @Test
    @SuppressWarnings("unchecked")
    void benchEfficiencyResumeRunsOnlyTheUnfinishedMethodsToTheSameNumbers() throws Exception {
        Path out = dir.resolve("effr");
        List<String> args = new java.util.ArrayList<>(List.of("bench", "efficiency", "--methods", "pt,pis-lv", "--budgets",
                "30000", "--iterations", "2", "--samples", "100", "--threads", "1", "--out", out.toString(), "--json"));
        CliRun whole = run(args.toArray(new String[0]));
        assertEquals(0, whole.code(), whole.err());
        List<Map<String, Object>> all = (List<Map<String, Object>>) whole.json().get("points");
        // an interruption after pt: the file then holds pt's curve only
        Map<String, Object> doc = Json.parseObject(Files.readString(out.resolve("efficiency.json")));
        ((List<Map<String, Object>>) doc.get("points")).removeIf(p -> !"pt".equals(p.get("method")));
        Files.writeString(out.resolve("efficiency.json"), Json.write(doc));
        args.add("--resume");
        CliRun resumed = run(args.toArray(new String[0]));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("== pt: finished in the run being resumed, kept"), resumed.err());
        List<Map<String, Object>> again = (List<Map<String, Object>>) resumed.json().get("points");
        assertEquals(all.size(), again.size());
        for (int i = 0; i < all.size(); i++) {
            for (String k : List.of("method", "target_evaluations", "iteration", "sinkhorn", "mode_coverage")) {
                assertEquals(all.get(i).get(k), again.get(i).get(k), k + " of point " + i);
            }
        }
        args.set(args.indexOf("100"), "120");
        CliRun other = run(args.toArray(new String[0]));
        assertEquals(Cli.EXIT_USER_ERROR, other.code());
        assertTrue(other.err().contains("--samples 100 there, 120 now"), other.err());
        args.add("--force");
        CliRun both = run(args.toArray(new String[0]));
        assertEquals(Cli.EXIT_USAGE, both.code());
    }

    @Test
    void aBadQualityRowIsRejectedBeforeAnyRowRuns() {
        Path q = dir.resolve("qf");
        for (String rows : List.of("gmm9/pis/tb,gmm7/pis/tb", "gmm9/xyz/lv", "lv", "gmm9/pis/tb,,")) {
            CliRun r = run("bench", "quality", "--rows", rows, "--iterations", "2", "--eval-paths", "64", "--out", q.toString(), "--json");
            assertEquals(Cli.EXIT_USER_ERROR, r.code(), rows + ": " + r.err());
            assertTrue(r.err().contains("--rows"), r.err());
            assertFalse(Files.exists(q), "no row ran for " + rows);
        }
    }

    @Test
    void userErrorsGiveMessagesNotStackTraces() throws Exception {
        CliRun badFlag = run("train", "--target", "gmm9", "--bacth", "3");
        assertEquals(Cli.EXIT_USAGE, badFlag.code());
        assertTrue(badFlag.err().contains("--batch"), badFlag.err());
        CliRun badTarget = run("train", "--target", "gmm7");
        assertEquals(Cli.EXIT_USER_ERROR, badTarget.code());
        assertTrue(badTarget.err().contains("gmm9"), "lists valid targets: " + badTarget.err());
        CliRun badSampler = run("train", "--target", "gmm9", "--sampler", "xyz");
        assertEquals(Cli.EXIT_USAGE, badSampler.code(), badSampler.err());
        CliRun missing = run("sample", "--checkpoint", dir.resolve("nope.bin").toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(Cli.EXIT_USER_ERROR, missing.code());
        assertTrue(missing.err().contains("nope.bin"), missing.err());
        Path corrupt = dir.resolve("corrupt.girsanov");
        Files.writeString(corrupt, "not a checkpoint");
        CliRun bad = run("evaluate", "--target", "gmm9", "--checkpoint", corrupt.toString());
        assertEquals(Cli.EXIT_USER_ERROR, bad.code());
        assertTrue(bad.err().contains("corrupt.girsanov"), bad.err());
        for (CliRun r : List.of(badFlag, badTarget, badSampler, missing, bad)) {
            assertFalse(r.err().contains("\tat org."), "no stack trace: " + r.err());
        }
    }
}
