package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.girsanov.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals to a training {@code girsanov} process: SIGTERM exits 143 with the JSON object of a stopped run and a
 * checkpoint; SIGKILL after a time-based checkpoint loses only the work since, and the resume ends where an
 * uninterrupted run does.
 */
class SignalExitTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTrainingExits143AndPrintsTheStoppedRunAsJson() throws Exception {
        Path run = dir.resolve("run");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--target", "gaussian:d=2", "--steps", "5", "--batch", "16",
                "--iterations", "1000000", "--out", run.toString(), "--no-plots", "--json")).start();
        CountDownLatch training = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.startsWith("training to iteration")) {
                        training.countDown();
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
            assertTrue(training.await(60, TimeUnit.SECONDS), "training did not start: " + err);
            Thread.sleep(500);
            // SIGTERM; Process.destroy() would also close our ends of the pipes and lose the output
            assertTrue(p.toHandle().destroy());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop after SIGTERM: " + err);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        reader.join(10_000);
        String out = stdout.get(10, TimeUnit.SECONDS);
        assertEquals(143, p.exitValue(), err.toString());
        assertTrue(out.startsWith("{"), "stdout: '" + out + "', stderr: " + err);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(out);
        assertEquals(false, json.get("finished"), out);
        assertEquals(143L, ((Number) json.get("exitCode")).longValue(), out);
        assertEquals(run.resolve(RunFolder.CHECKPOINT).toString(), json.get("checkpoint"), out);
        assertTrue(((Number) json.get("iteration")).longValue() >= 1, out);
        assertTrue(Files.isRegularFile(run.resolve(RunFolder.CHECKPOINT)), "checkpoint kept");
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
