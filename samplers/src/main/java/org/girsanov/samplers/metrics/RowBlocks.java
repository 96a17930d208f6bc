package org.girsanov.samplers.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * The parallel scheme of {@link Sinkhorn}: the rows of a pass are cut into fixed blocks of {@value #BLOCK}
 * rows, every block computes its own partial result (one {@code double}) from its rows alone, and the
 * caller reduces the per-block results in block order. A parallel pass runs one task per thread on the
 * {@link ChunkedExecutor}, each taking the next unclaimed block until none is left (so a thread slowed by
 * other load takes fewer blocks). Which thread runs a block changes nothing: the result is bitwise the
 * same for any number of threads (DESIGN invariant 6).
 */
final class RowBlocks {
    /** Rows per block (fixed: the result must not depend on the thread count). */
    static final int BLOCK = 32;

    /** The work of one block, rows {@code [lo, hi)}; returns the block's partial result. */
    @FunctionalInterface
    interface Body {
        double run(int lo, int hi);
    }

    private final ChunkedExecutor executor;

    RowBlocks(ChunkedExecutor executor) {
        this.executor = executor;
    }

    /** Number of blocks of {@code rows} rows (the last one may be partial). */
    static int count(int rows) {
        return (rows + BLOCK - 1) / BLOCK;
    }

    /** Runs {@code body} on every block of {@code rows} rows; element b of the result is block b's value. */
    double[] run(int rows, Body body) {
        final int blocks = count(rows);
        final double[] out = new double[blocks];
        final int tasks = Math.min(blocks, executor.threads());
        if (tasks == 1) {
            for (int b = 0; b < blocks; b++) {
                out[b] = block(rows, body, b);
            }
            return out;
        }
        final AtomicInteger next = new AtomicInteger();
        executor.map(tasks, c -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                out[b] = block(rows, body, b);
            }
            return null;
        });
        return out;
    }

    private static double block(int rows, Body body, int b) {
        return body.run(b * BLOCK, Math.min(rows, (b + 1) * BLOCK));
    }
}
