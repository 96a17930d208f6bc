package org.girsanov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void firstSignalRequestsAStopWithItsExitCodeAndRunsTheActionOnce() {
        AtomicInteger actions = new AtomicInteger();
        List<Integer> halts = new ArrayList<>();
        Shutdown s = new Shutdown(actions::incrementAndGet, code -> { }, halts::add);
        assertFalse(s.isRequested());
        assertEquals(Cli.EXIT_INTERRUPTED, s.exitCode());
        s.signal("TERM", 15);
        assertTrue(s.isRequested());
        assertTrue(s.isSignalled());
        assertEquals("TERM", s.signalName().orElseThrow());
        assertEquals(143, s.exitCode(), "128 + SIGTERM's number");
        assertEquals(1, actions.get());
        assertTrue(halts.isEmpty(), "the first signal lets the loop finish and report");
    }

    @Test
    void secondSignalReportsWithItsCodeThenHalts() {
        List<Integer> reported = new ArrayList<>();
        List<Integer> halts = new ArrayList<>();
        Shutdown s = new Shutdown(() -> { }, reported::add, halts::add);
        s.signal("INT", 2);
        assertEquals(130, s.exitCode());
        s.signal("INT", 2);
        assertEquals(List.of(130), reported, "the last report runs before the halt, with its code");
        assertEquals(List.of(130), halts);
    }

    @Test
    void requestWithoutSignalIs130AndAFailingActionIsContained() {
        List<Integer> halts = new ArrayList<>();
        Shutdown s = new Shutdown(() -> {
            throw new IllegalStateException("boom");
        }, code -> {
            throw new IllegalStateException("boom");
        }, halts::add);
        s.request();
        assertTrue(s.isRequested());
        assertFalse(s.isSignalled());
        assertEquals(Cli.EXIT_INTERRUPTED, s.exitCode());
        s.signal("HUP", 1);
        assertEquals(129, s.exitCode());
        s.signal("TERM", 15);
        assertEquals(List.of(143), halts, "a failing report does not prevent the halt");
    }

    @Test
    void aClosedShutdownIgnoresSignalsAndInstallRestores() {
        List<Integer> halts = new ArrayList<>();
        Shutdown s = new Shutdown(() -> { }, code -> { }, halts::add);
        s.close();
        s.signal("TERM", 15);
        assertFalse(s.isRequested());
        try (Shutdown installed = Shutdown.install()) {
            assertFalse(installed.isRequested());
        }
        Shutdown again = Shutdown.install();
        again.close();
        again.close(); // idempotent
    }
}
