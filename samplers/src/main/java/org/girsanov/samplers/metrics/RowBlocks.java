package org.girsanov.samplers.metrics;

import org.girsanov.sde.path.ChunkedExecutor;

/**
 * The parallel scheme of {@link Sinkhorn}: the rows of a pass are cut into fixed blocks of {@value #BLOCK}
 * rows, every block computes its own partial result (one {@code double}) from its rows alone, and the
 * caller reduces the per-block results in block order. Which thread runs a block, and how blocks are
 * grouped into the tasks of the {@link ChunkedExecutor}, changes nothing: the result is bitwise the same
 * for any number of threads (DESIGN invariant 6).
 */
final class RowBlocks {
    /** Rows per block (fixed: the result must not depend on the thread count). */
    static final int BLOCK = 32;
    /** Executor tasks per thread in a parallel pass (each task runs a contiguous run of blocks). */
    private static final int TASKS_PER_THREAD = 4;

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
        final int tasks = Math.min(blocks, TASKS_PER_THREAD * executor.threads());
        if (executor.threads() == 1 || tasks == 1) {
            runBlocks(rows, body, out, 0, blocks);
            return out;
        }
        executor.map(tasks, c -> {
            runBlocks(rows, body, out, (int) ((long) c * blocks / tasks), (int) ((long) (c + 1) * blocks / tasks));
            return null;
        });
        return out;
    }

    private static void runBlocks(int rows, Body body, double[] out, int from, int to) {
        for (int b = from; b < to; b++) {
            out[b] = body.run(b * BLOCK, Math.min(rows, (b + 1) * BLOCK));
        }
    }
}
