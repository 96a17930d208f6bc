package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library users' progress listener: rate-limited lines with rate, ETA and the last evaluation; always the last. */
class ProgressLogTest {

    @Test
    void printsAtMostOncePerIntervalWithRateEtaAndTheLastEvaluation() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] now = {0};
        ProgressLog log = new ProgressLog(out, 1000, () -> now[0]);
        for (int i = 1; i <= 100; i++) {
            now[0] = i * 100_000_000L; // 10 iterations per second
            if (i == 50) {
                log.evaluated(50, 0.5, -1.25, -0.125);
            }
            log.step(i, 100, 0.25, 0);
        }
        log.checkpointed(100, Path.of("run.girsanov"));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // the first step, then one line per second of the fake clock (every 10 iterations), the last, the checkpoint
        assertEquals(12, lines.length, String.join("\n", lines));
        assertEquals("iter 1/100  loss 0.2500  10.00 it/s  ETA 0:00:10", lines[0]);
        assertTrue(lines[5].startsWith("iter 51/100") && lines[5].contains("ess 0.500  logZ_lb -1.250  logZ_is -0.1250"), lines[5]);
        assertEquals("iter 100/100  loss 0.2500  10.00 it/s  ETA 0:00:00  ess 0.500  logZ_lb -1.250  logZ_is -0.1250", lines[10]);
        assertEquals("checkpoint at iteration 100: run.girsanov", lines[11]);
        assertThrows(IllegalArgumentException.class, () -> new ProgressLog(out, -1, System::nanoTime));
    }
}
