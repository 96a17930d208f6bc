package org.girsanov.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void signalRaisesFlagRunsActionOnceAndWaitsForClose() throws Exception {
        AtomicInteger actions = new AtomicInteger();
        CountDownLatch actionRan = new CountDownLatch(1);
        Shutdown s = new Shutdown(Duration.ofSeconds(30), () -> {
            actions.incrementAndGet();
            actionRan.countDown();
        }, false);
        assertFalse(s.isRequested());
        CompletableFuture<Boolean> hook = CompletableFuture.supplyAsync(s::onSignal);
        assertTrue(actionRan.await(10, TimeUnit.SECONDS));
        assertTrue(s.isRequested());
        assertTrue(s.isSignalled());
        Thread.sleep(50);
        assertFalse(hook.isDone(), "the hook must wait for the loop to finish its checkpoint");
        s.close(); // the training loop finished writing
        assertTrue(hook.get(10, TimeUnit.SECONDS), "closed in time");
        assertTrue(s.onSignal(), "a second signal returns at once");
        assertEquals(1, actions.get());
    }

    @Test
    void hookGivesUpAfterGrace() {
        Shutdown s = new Shutdown(Duration.ofMillis(20), () -> {}, false);
        long t0 = System.nanoTime();
        assertFalse(s.onSignal());
        assertTrue(System.nanoTime() - t0 >= 15_000_000L);
        assertTrue(s.isRequested());
    }

    @Test
    void requestWithoutSignalAndFailingAction() {
        Shutdown s = new Shutdown(Duration.ofMillis(1), () -> {
            throw new IllegalStateException("boom");
        }, false);
        s.request();
        assertTrue(s.isRequested());
        assertFalse(s.isSignalled());
        assertFalse(s.onSignal()); // action failure is reported, not propagated
    }

    @Test
    void installedHookIsRemovedOnClose() {
        try (Shutdown s = Shutdown.install()) {
            assertFalse(s.isRequested());
        }
        Shutdown s = Shutdown.install(Duration.ofSeconds(1), () -> {});
        s.close();
        s.close(); // idempotent
    }
}
