package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.girsanov.sde.path.ChunkedExecutor;
import org.junit.jupiter.api.Test;

/**
 * The executor returns results in chunk order for any thread count and deals the chunks out statically: with T
 * threads, chunks {@code k, k + T, …} run on one thread, so no thread runs more than {@code ⌈chunks / T⌉} of them.
 */
class ChunkedExecutorTest {
    @Test
    void resultsComeInChunkOrderAndEachThreadRunsItsShare() {
        for (int threads : new int[] {1, 2, 3}) {
            for (int chunks : new int[] {1, 2, 4, 7}) {
                Map<Integer, String> ranOn = new ConcurrentHashMap<>();
                List<Integer> out;
                try (ChunkedExecutor ex = new ChunkedExecutor(threads)) {
                    out = ex.map(chunks, c -> {
                        ranOn.put(c, Thread.currentThread().getName());
                        try {
                            Thread.sleep(chunks - c); // later chunks finish first: order must come from the executor
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return c * c;
                    });
                }
                List<Integer> expected = new ArrayList<>();
                for (int c = 0; c < chunks; c++) {
                    expected.add(c * c);
                }
                assertEquals(expected, out, threads + " threads, " + chunks + " chunks");
                int workers = Math.min(threads, chunks);
                for (int c = workers; c < chunks; c++) {
                    assertEquals(ranOn.get(c - workers), ranOn.get(c), "chunk " + c + " runs where chunk " + (c - workers)
                            + " ran (" + threads + " threads, " + chunks + " chunks)");
                }
            }
        }
    }

    @Test
    void aChunksFailureReachesTheCaller() {
        try (ChunkedExecutor ex = new ChunkedExecutor(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ex.map(4, c -> {
                if (c == 3) {
                    throw new IllegalArgumentException("chunk 3");
                }
                return c;
            }));
            assertEquals("chunk 3", e.getMessage());
        }
    }
}
