package org.girsanov.sde.path;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs batch chunks on a fork-join pool and returns their results in chunk order (DESIGN invariant 6).
 * Whatever the number of threads, every chunk computes the same numbers from its own random stream,
 * and the caller reduces the ordered results, so the outcome is bitwise the same for 1, 2 or 4 threads.
 */
public final class ChunkedExecutor implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

    /** {@code threads ≥ 1}; with one thread chunks run on the caller's thread. */
    public ChunkedExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + "; must be >= 1");
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public int threads() {
        return threads;
    }

    /** {@code task(0), …, task(chunks − 1)}, possibly in parallel; results in chunk order. */
    public <R> List<R> map(int chunks, IntFunction<R> task) {
        List<R> out = new ArrayList<>(chunks);
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                out.add(task.apply(c));
            }
            return out;
        }
        List<Future<R>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            futures.add(pool.submit(() -> task.apply(chunk)));
        }
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch chunk", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
