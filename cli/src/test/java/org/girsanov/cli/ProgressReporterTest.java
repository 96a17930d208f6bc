package org.girsanov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    /** A clock the test moves by hand. */
    static final class FakeClock {
        long nanos = 1_000_000_000L;

        void advanceSeconds(double s) {
            nanos += (long) (s * 1e9);
        }
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final FakeClock clock = new FakeClock();

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void formatsTheDocumentedLine() {
        ProgressReporter p = new ProgressReporter(err, () -> clock.nanos, 5000);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ess", 0.91);
        m.put("logZ", -0.003);
        // 1200 iterations in 97.56 s ≈ 12.3 it/s; 3800 remaining ≈ 309 s = 0:05:09
        clock.advanceSeconds(1200 / 12.3);
        assertTrue(p.update(1200, 1.234e-2, m));
        assertEquals(List.of("iter 1200/5000  loss 1.234e-02  12.3 it/s  ETA 0:05:09  ess 0.91  logZ -0.003"),
                lines());
    }

    @Test
    void throttlesToOneLinePerInterval() {
        ProgressReporter p = new ProgressReporter(err, () -> clock.nanos, 100);
        int printed = 0;
        for (int it = 1; it <= 100; it++) {
            clock.advanceSeconds(0.1); // 10 it/s → about one line per 10 iterations
            if (p.update(it, 1.0 / it)) {
                printed++;
            }
        }
        assertEquals(11, printed, String.join("\n", lines())); // first, every 1 s (9 more), last
        assertTrue(lines().get(0).startsWith("iter 1/100  loss 1.000e+00  10.0 it/s  ETA 0:00:10"), lines().get(0));
        assertEquals("iter 100/100  loss 1.000e-02  10.0 it/s", lines().get(lines().size() - 1));
        p.finish();
        p.finish();
        assertEquals("done: 100/100 iterations in 0:00:10 (10.0 it/s)  loss 1.000e-02",
                lines().get(lines().size() - 1));
        assertEquals(12, lines().size());
    }

    @Test
    void everyKIterationsAndUnknownTotal() {
        ProgressReporter p = new ProgressReporter(err, () -> clock.nanos, 0, Duration.ofHours(1), 50);
        for (int it = 1; it <= 120; it++) {
            clock.advanceSeconds(2); // 0.5 it/s
            p.update(it, Double.NaN, Map.of("n", 7));
        }
        assertEquals(List.of("iter 1  loss NaN  2.0 s/it  n 7", "iter 50  loss NaN  2.0 s/it  n 7",
                "iter 100  loss NaN  2.0 s/it  n 7"), lines());
        p.finish();
        assertEquals("done: 120 iterations in 0:04:00 (2.0 s/it)  loss NaN  n 7", lines().get(3));
    }

    @Test
    void stoppedEarlySummaryAndSmoothing() {
        ProgressReporter p = new ProgressReporter(err, () -> clock.nanos, 1000);
        clock.advanceSeconds(10);
        p.update(10, 0.5); // warm-up: 1 it/s
        clock.advanceSeconds(1);
        p.update(110, 0.5); // 100 it/s now; smoothed 0.3*100 + 0.7*1 = 30.7
        assertTrue(lines().get(1).contains("30.7 it/s"), lines().get(1));
        assertTrue(lines().get(1).contains("ETA 0:00:29"), lines().get(1));
        p.finish();
        assertEquals("stopped: 110/1000 iterations in 0:00:11 (10.0 it/s)  loss 5.000e-01", lines().get(2));
        assertFalse(p.update(111, 0.5));
    }

    @Test
    void numberFormats() {
        assertEquals("0.91", ProgressReporter.compact(0.91));
        assertEquals("-0.003", ProgressReporter.compact(-0.003));
        assertEquals("1235", ProgressReporter.compact(1234.5));
        assertEquals("1.235", ProgressReporter.compact(1.2345));
        assertEquals("12", ProgressReporter.compact(12.0));
        assertEquals("1.000e-04", ProgressReporter.compact(1e-4));
        assertEquals("0", ProgressReporter.compact(0.0));
        assertEquals("123 it/s", ProgressReporter.rate(123.4));
        assertEquals("1.50 it/s", ProgressReporter.rate(1.5));
        assertEquals("25 s/it", ProgressReporter.rate(0.04));
        assertEquals("100:00:01", ProgressReporter.duration(360001));
        assertEquals("?", ProgressReporter.duration(Double.POSITIVE_INFINITY));
    }
}
