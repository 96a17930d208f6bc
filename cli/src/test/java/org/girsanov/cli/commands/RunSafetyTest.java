package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.girsanov.cli.Main;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost: resumes that contradict the checkpoint, occupied run folders and existing output files. */
class RunSafetyTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(out.trim());
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                Main.commands());
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static String[] train(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--target", "gmm9", "--out", out.toString(), "--json", "--steps", "5",
                "--batch", "16", "--iterations", "4", "--eval-paths", "64", "--sample-metric-k", "32"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    /** Every file below {@code root} with its bytes and modification time, to compare before and after. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "@"
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    @Test
    void aResumeThatContradictsTheCheckpointNamesEveryFlagWithBothValuesAndChangesNothing() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(Cli.EXIT_INTERRUPTED, run(train(run, "--stop-after", "2")).code());
        Map<String, String> before = snapshot(run);
        Result r = run("train", "--target", "gmm25", "--out", run.toString(), "--resume", "--lr", "0.001", "--batch", "8",
                "--seed", "7", "--loss", "kl", "--json");
        assertEquals(Cli.EXIT_USER_ERROR, r.code(), r.err());
        for (String s : List.of("--target: the checkpoint has gmm9, given gmm25", "--lr: the checkpoint has 0.005, given 0.001",
                "--batch: the checkpoint has 16, given 8", "--seed: the checkpoint has 0, given 7",
                "--loss: the checkpoint has lv, given kl", "5 flags contradict")) {
            assertTrue(r.err().contains(s), "missing '" + s + "' in " + r.err());
        }
        assertEquals("user", ((Map<?, ?>) r.json().get("error")).get("kind"));
        assertEquals(before, snapshot(run), "the run folder must not change");
    }

    /** A relative gmm:file= is stored absolute, so the checkpoint names the same file from any working directory. */
    @Test
    void aRelativeTargetFileIsStoredAbsoluteAndTheRunResumesWithIt() throws Exception {
        Path mixture = dir.resolve("mix.json");
        Files.writeString(mixture, "{\"means\": [[-2, 0], [2, 0]], \"variances\": [0.5, 0.5], \"weights\": [0.5, 0.5]}");
        String relative = Path.of("").toAbsolutePath().relativize(mixture.toAbsolutePath()).toString();
        assertTrue(!Path.of(relative).isAbsolute(), relative);
        Path run = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of(train(run)));
        args.set(2, "gmm:file=" + relative);
        Result r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        Map<?, ?> cfg = (Map<?, ?>) Json.parse(Files.readString(run.resolve("config.json")));
        assertEquals("gmm:file=" + mixture.toAbsolutePath().normalize(), cfg.get("target"));
        Result more = run("train", "--target", "gmm:file=" + relative, "--out", run.toString(), "--resume", "--iterations", "6",
                "--eval-paths", "64", "--sample-metric-k", "32");
        assertEquals(0, more.code(), more.err());
    }

    @Test
    void resumingWithMoreIterationsExtendsTheRunAndFewerThanDoneIsAnError() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, run(train(run)).code());
        Result fewer = run("train", "--target", "gmm9", "--out", run.toString(), "--resume", "--iterations", "3");
        assertEquals(Cli.EXIT_USER_ERROR, fewer.code(), fewer.err());
        assertTrue(fewer.err().contains("--iterations: 3 is fewer than the 4 iterations"), fewer.err());
        // only --target (required) and --iterations: every other setting comes from the checkpoint
        Result more = run("train", "--target", "gmm9", "--out", run.toString(), "--resume", "--iterations", "6",
                "--eval-paths", "64", "--sample-metric-k", "32", "--threads", "1", "--json");
        assertEquals(0, more.code(), more.err());
        assertEquals(6L, ((Number) more.json().get("iterations")).longValue());
        assertEquals(1L, ((Number) more.json().get("threads")).longValue());
        assertTrue(more.err().contains("resuming") && more.err().contains("at iteration 4 of 6"), more.err());
        Map<?, ?> cfg = (Map<?, ?>) Json.parse(Files.readString(run.resolve("config.json")));
        assertEquals(16.0, cfg.get("batch"), "the checkpoint's batch, not the protocol's, and a number");
        assertEquals(Boolean.TRUE, cfg.get("langevin"), "a switch is a boolean");
        assertEquals(0.005, cfg.get("lr"));
        assertEquals("uniform", cfg.get("grid"));
    }

    @Test
    void everyTrainFlagIsEitherComparedWithTheCheckpointOrFreeToChange() {
        Set<String> declared = new HashSet<>(CommandSpec.forAnnotatedObject(new TrainCommand()).options().stream()
                .map(o -> o.longestName().substring(2)).filter(n -> !n.equals("help") && !n.equals("debug")).toList());
        Set<String> known = new HashSet<>(ResumeCheck.FREE);
        known.addAll(ResumeCheck.COMPARED_FLAGS);
        assertEquals(declared, known, "a new train flag must be compared on --resume or listed as free");
        Set<String> both = new HashSet<>(ResumeCheck.FREE);
        both.retainAll(ResumeCheck.COMPARED_FLAGS);
        assertTrue(both.isEmpty(), both.toString());
    }

    @Test
    void aFolderHoldingARunIsRefusedWithoutForceAndForceLeavesNoFileOfTheOldRun() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, run(train(run)).code());
        assertTrue(Files.exists(run.resolve("samples.png")));
        Files.writeString(run.resolve("notes.txt"), "mine");
        Map<String, String> before = snapshot(run);
        Result again = run(train(run));
        assertEquals(Cli.EXIT_USER_ERROR, again.code(), again.err());
        assertTrue(again.err().contains(run + " already holds a run") && again.err().contains("--force")
                && again.err().contains("--resume"), again.err());
        assertEquals(before, snapshot(run));
        Result forced = run(train(run, "--force", "--no-plots", "--seed", "3"));
        assertEquals(0, forced.code(), forced.err());
        for (String png : List.of("samples.png", "loss.png", "ess.png", "logz.png", "marginals.png")) {
            assertFalse(Files.exists(run.resolve(png)), png + " of the old run is still there");
        }
        assertEquals("mine", Files.readString(run.resolve("notes.txt")), "files that are not the run's stay");
        assertEquals(3L, ((Number) forced.json().get("seed")).longValue());
        Result both = run(train(run, "--force", "--resume"));
        assertEquals(Cli.EXIT_USAGE, both.code(), both.err());
    }

    @Test
    void aFolderWithRunFilesButNoCheckpointIsNotResumedIntoAndAStopReportsItsCheckpoint() throws Exception {
        Path run = dir.resolve("run");
        Result stopped = run(train(run, "--stop-after", "2"));
        assertEquals(Cli.EXIT_INTERRUPTED, stopped.code(), stopped.err());
        Map<String, Object> j = stopped.json();
        assertEquals(false, j.get("finished"));
        assertEquals(2L, ((Number) j.get("iteration")).longValue());
        assertEquals(run.resolve(RunFolder.CHECKPOINT).toString(), j.get("checkpoint"));
        assertEquals(130L, ((Number) j.get("exitCode")).longValue());
        Files.delete(run.resolve(RunFolder.CHECKPOINT));
        Result r = run(train(run, "--resume"));
        assertEquals(Cli.EXIT_USER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("no checkpoint to resume"), r.err());
    }

    @Test
    void sampleRefusesToOverwriteAFileUnlessForced() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, run(train(run)).code());
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "precious");
        String ckpt = run.resolve(RunFolder.CHECKPOINT).toString();
        Result r = run("sample", "--checkpoint", ckpt, "--n", "5", "--out", csv.toString());
        assertEquals(Cli.EXIT_USER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("--out: " + csv + " already exists; pass --force"), r.err());
        assertEquals("precious", Files.readString(csv));
        Result f = run("sample", "--checkpoint", ckpt, "--n", "5", "--out", csv.toString(), "--force");
        assertEquals(0, f.code(), f.err());
        assertEquals(6, Files.readAllLines(csv).size());
    }

    @Test
    void demoReplacesOnlyItsOwnPreviousRun() throws Exception {
        Path other = dir.resolve("other");
        assertEquals(0, run(train(other)).code());
        Map<String, String> before = snapshot(other);
        Result r = run("demo", "--out", other.toString());
        assertEquals(Cli.EXIT_USER_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("already holds a run") && r.err().contains("--force"), r.err());
        assertEquals(before, snapshot(other));
        // the check the demo makes on its folder, against the config.json a real run wrote
        TrainCommand same = Cli.parsed(new TrainCommand(), "--target", "gmm9", "--steps", "5", "--batch", "16", "--iterations", "4",
                "--threads", "1");
        assertTrue(TrainFlags.holdsRunOf(other, same.config()), "threads and evaluation paths do not matter");
        TrainCommand seed = Cli.parsed(new TrainCommand(), "--target", "gmm9", "--steps", "5", "--batch", "16", "--iterations", "4",
                "--seed", "1");
        assertFalse(TrainFlags.holdsRunOf(other, seed.config()));
        assertFalse(TrainFlags.holdsRunOf(other, DemoCommand.protocol(2)));
    }
}
