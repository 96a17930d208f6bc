package org.girsanov.cli.commands;

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

/** A real SIGTERM to a training {@code girsanov} process: exit 143, the JSON object of a stopped run, a checkpoint. */
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
}
