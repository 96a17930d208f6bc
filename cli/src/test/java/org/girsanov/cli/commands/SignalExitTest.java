package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.girsanov.cli.Main;
import org.girsanov.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals to {@code girsanov} processes: SIGINT, SIGTERM and SIGHUP exit 130, 143 and 129 with one JSON object
 * saying the run did not finish (with its checkpoint and iteration) — for train, bench quality, evaluate, sample and bench
 * baselines; SIGKILL after a time-based checkpoint loses only the work since, and the resume ends where an
 * uninterrupted run does.
 */
class SignalExitTest {
    @TempDir
    Path dir;

    /** A process stopped by a signal: its exit code, stdout and stderr. */
    record Stopped(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            assertTrue(out.startsWith("{") && out.endsWith("}"), "one JSON object on stdout: '" + out + "', stderr: " + err);
            return (Map<String, Object>) Json.parse(out);
        }
    }

    /** Whether this JVM ignores {@code signal} (then so do its children: a non-interactive shell's background job ignores SIGINT). */
    static boolean ignored(int signal) throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) >>> (signal - 1) & 1) == 1;
            }
        }
        return false;
    }

    /**
     * Runs {@code girsanov args} in a new JVM, waits for a stderr line starting with {@code ready} (the work has begun),
     * sends {@code signal} (kill -s NAME) and returns how the process ended.
     */
    static Stopped signalled(List<String> args, String ready, String signal) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).start();
        CountDownLatch started = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.startsWith(ready)) {
                        started.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            } catch (java.io.IOException e) {
                return "";
            }
        });
        try {
            assertTrue(started.await(90, TimeUnit.SECONDS), "the work did not start: " + err);
            Thread.sleep(500);
            // Process.destroy() would also close our ends of the pipes and lose the output
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -s " + signal);
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "did not stop after SIG" + signal + ": " + err);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        reader.join(10_000);
        String out = stdout.get(10, TimeUnit.SECONDS);
        synchronized (err) {
            return new Stopped(p.exitValue(), out, err.toString());
        }
    }

    /** SIGINT 130, SIGTERM 143, SIGHUP 129: the README's codes, with the stopped run's object and its checkpoint. */
    @ParameterizedTest
    @CsvSource({"TERM, 15", "INT, 2", "HUP, 1"})
    void aSignalStopsTrainingWith128PlusItsNumberAndPrintsTheStoppedRunAsJson(String signal, int number) throws Exception {
        assumeFalse(ignored(number), "SIG" + signal + " is ignored by this process and so by its children");
        Path run = dir.resolve("run-" + signal);
        Stopped s = signalled(List.of("train", "--target", "gaussian:d=2", "--steps", "5", "--batch", "16",
                "--iterations", "1000000", "--out", run.toString(), "--no-plots", "--json"), "training to iteration", signal);
        assertEquals(128 + number, s.code(), s.err());
        Map<String, Object> json = s.json();
        assertEquals(false, json.get("finished"), s.out());
        assertEquals(128 + number, ((Number) json.get("exitCode")).longValue(), s.out());
        assertEquals(run.resolve(RunFolder.CHECKPOINT).toString(), json.get("checkpoint"), s.out());
        assertTrue(((Number) json.get("iteration")).longValue() >= 1, s.out());
        assertTrue(Files.isRegularFile(run.resolve(RunFolder.CHECKPOINT)), "checkpoint kept");
    }

    /**
     * Commands without a graceful stop of their own — evaluate, sample, bench baselines — still print one JSON object
     * when a signal ends them ({@code finished: false}, the checkpoint they read and its iteration) and exit 128 + n.
     */
    @Test
    void evaluateSampleAndBaselinesStoppedBySignalsPrintOneObjectAndExit128PlusN() throws Exception {
        Path run = dir.resolve("trained");
        CliRun trained = CliRun.of("train", "--target", "gaussian:d=2", "--steps", "5", "--batch", "16", "--iterations", "4",
                "--eval-paths", "64", "--sample-metric-k", "32", "--no-plots", "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
        String ckpt = run.resolve(RunFolder.CHECKPOINT).toString();

        Stopped e = signalled(List.of("evaluate", "--target", "gaussian:d=2", "--checkpoint", ckpt, "--paths", "1000000",
                "--threads", "1", "--json"), "evaluating", "TERM"); // ≈ 20 s of work: the signal comes during it
        assertEquals(143, e.code(), e.err());
        Map<String, Object> ej = e.json();
        assertEquals(false, ej.get("finished"), e.out());
        assertEquals("evaluate", ej.get("command"), e.out());
        assertEquals("SIGTERM", ej.get("signal"), e.out());
        assertEquals(143L, ((Number) ej.get("exitCode")).longValue(), e.out());
        assertEquals(ckpt, ej.get("checkpoint"), e.out());
        assertEquals(4L, ((Number) ej.get("iteration")).longValue(), e.out());

        if (!ignored(2)) {
            Path csv = dir.resolve("s.csv");
            Stopped s = signalled(List.of("sample", "--checkpoint", ckpt, "--n", "10000000", "--threads", "1", "--out",
                    csv.toString(), "--json"), "sampling", "INT");
            assertEquals(130, s.code(), s.err());
            Map<String, Object> sj = s.json();
            assertEquals(false, sj.get("finished"), s.out());
            assertEquals("sample", sj.get("command"), s.out());
            assertEquals(ckpt, sj.get("checkpoint"), s.out());
            assertEquals(4L, ((Number) sj.get("iteration")).longValue(), s.out());
            assertTrue(!Files.exists(csv), "no partial samples file");
        }

        if (!ignored(1)) {
            Stopped b = signalled(List.of("bench", "baselines", "--threads", "1", "--json"), "baselines at", "HUP");
            assertEquals(129, b.code(), b.err());
            Map<String, Object> bj = b.json();
            assertEquals(false, bj.get("finished"), b.out());
            assertEquals("bench", bj.get("command"), b.out());
            assertEquals(129L, ((Number) bj.get("exitCode")).longValue(), b.out());
        }
    }

    /** bench quality stopped during a row: the finished rows, that row's checkpoint and iteration, exit 143. */
    @Test
    void benchQualityStoppedBySigtermNamesTheRowItsCheckpointAndIteration() throws Exception {
        Path out = dir.resolve("q");
        Stopped q = signalled(List.of("bench", "quality", "--rows", "gaussian/pis/lv", "--iterations", "1000000", "--eval-paths",
                "64", "--threads", "1", "--out", out.toString(), "--json"), "training to iteration", "TERM");
        assertEquals(143, q.code(), q.err());
        Map<String, Object> j = q.json();
        assertEquals(false, j.get("finished"), q.out());
        assertEquals("gaussian/pis/lv", j.get("stopped_during"), q.out());
        assertEquals(List.of(), j.get("rows"), q.out());
        assertEquals(143L, ((Number) j.get("exitCode")).longValue(), q.out());
        Path ckpt = out.resolve("gaussian-pis-lv").resolve(RunFolder.CHECKPOINT);
        assertEquals(ckpt.toString(), j.get("checkpoint"), q.out());
        assertTrue(((Number) j.get("iteration")).longValue() >= 1, q.out());
        assertTrue(Files.isRegularFile(ckpt), "the row's checkpoint is kept");
    }

    @Test
    void killMinus9AfterATimedCheckpointResumesFromItToTheUninterruptedResult() throws Exception {
        // 400 iterations stay below the protocol's 500-iteration interval: a checkpoint during the run is a timed one
        List<String> flags = List.of("train", "--target", "gaussian:d=2", "--steps", "10", "--batch", "32", "--iterations",
                "400", "--eval-paths", "64", "--sample-metric-k", "32", "--no-plots", "--json");
        Path killed = dir.resolve("killed");
        Path ckpt = killed.resolve(RunFolder.CHECKPOINT);
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(flags);
        cmd.addAll(List.of("--out", killed.toString(), "--checkpoint-seconds", "0.2"));
        Path log = dir.resolve("killed.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(ckpt) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(128 + 9, p.exitValue(), "killed mid-run: " + Files.readString(log));
        long iteration = Long.parseLong(org.girsanov.autodiff.io.ParameterFile.read(ckpt).metadata().get("iteration"));
        assertTrue(iteration > 0 && iteration < 400, "a timed checkpoint during the run, at iteration " + iteration);
        assertTrue(!Files.exists(killed.resolve("metrics.json")));

        RunSafetyTest.Result resumed = RunSafetyTest.run(concat(flags, "--out", killed.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("at iteration " + iteration + " of 400"), resumed.err());
        Path straight = dir.resolve("straight");
        RunSafetyTest.Result full = RunSafetyTest.run(concat(flags, "--out", straight.toString()));
        assertEquals(0, full.code(), full.err());
        for (String k : List.of("logZ_lb", "logZ_is", "ess", "delta_std", "sinkhorn", "eubo", "target_evaluations")) {
            assertEquals(full.json().get(k), resumed.json().get(k), k);
        }
        assertArrayEquals(Files.readAllBytes(straight.resolve("samples.csv")), Files.readAllBytes(killed.resolve("samples.csv")));
    }

    private static String[] concat(List<String> a, String... b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }
}
