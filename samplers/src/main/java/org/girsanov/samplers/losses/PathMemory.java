package org.girsanov.samplers.losses;

import org.girsanov.autodiff.SharedLeaves;
import org.girsanov.autodiff.Workspace;

/**
 * Whether the streamed gradient of a path-sum loss keeps its first pass, and the storage it keeps it in, across the
 * iterations of one training run.
 *
 * <p>The two-pass gradient ({@link PathSums}) simulates every path twice: pass 1 for the log-weights {@code S_i},
 * pass 2 again, recording, for {@code ∇_θ Σ_i c_i S_i} once the loss has given {@code c_i = ∂L/∂S_i}. Memory holds
 * one step (DESIGN invariant 5), at the price of a second forward pass. When the whole batch's recorded steps fit in
 * {@code budget} bytes, pass 1 records and keeps every step's tape instead, and pass 2 is only their backward sweeps —
 * what a framework that keeps the graph does. The numbers are the same either way, bit for bit (the same operations
 * on the same values); only time and memory differ.
 *
 * <p>The first gradient evaluation streams and measures what one step of each chunk holds (its values and adjoints);
 * from the second on the batch is kept if {@code (steps + 2) ×} that, summed over the chunks, is within the budget —
 * an over-estimate, as the kept steps' adjoints share one step's storage. The storage (one
 * {@link Workspace} per chunk) is reused by every later iteration, so keeping allocates once. Used by one training run
 * at a time; a chunk's workspace by the thread that runs the chunk.
 */
public final class PathMemory {
    private final long budgetBytes;
    /** Doubles one step of a chunk held at most when measured, or -1 before the first evaluation. */
    private long measuredStepDoubles = -1;
    private Workspace[] chunks = new Workspace[0];
    private Workspace[] adjoints = new Workspace[0];

    /** Keeps whole batches of paths when they fit in {@code budgetBytes} ({@code 0}: always stream). */
    public PathMemory(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("PathMemory: budget = " + budgetBytes + " bytes; must be >= 0");
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * The default budget of a training run: half the JVM's maximum heap, against an estimate that counts each step's
     * adjoints too (the kept storage itself was ≈ 60 % of the estimate for the reference network).
     */
    public static PathMemory ofHeap() {
        return new PathMemory(Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * The memory of a resumed run: its budget and what it measured ({@code -1}: nothing yet), so it keeps or streams
     * as before (the target evaluations then count as in the uninterrupted run). A stored budget over this JVM's
     * default ({@link #ofHeap()}) is lowered to it.
     */
    public static PathMemory restored(long budgetBytes, long measuredStepDoubles) {
        PathMemory m = new PathMemory(Math.min(budgetBytes, ofHeap().budgetBytes));
        m.measuredStepDoubles = measuredStepDoubles;
        return m;
    }

    /** The budget in bytes. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** Whether a batch of {@code chunks} chunks on {@code steps} steps is kept (false until one step was measured). */
    synchronized boolean keeps(int chunks, int steps) {
        return measuredStepDoubles >= 0 && 8.0 * measuredStepDoubles * (steps + 2) * chunks <= budgetBytes;
    }

    /** Records what a streamed pass's chunk held: its workspace's storage, one step's (the largest chunk's counts). */
    synchronized void measured(long chunkStepDoubles) {
        measuredStepDoubles = Math.max(measuredStepDoubles, chunkStepDoubles);
    }

    /** The storage of chunk {@code c} for a new kept pass (its previous contents void), with {@code shared}. */
    Workspace workspace(int c, SharedLeaves shared) {
        Workspace w = chunks[c];
        chunks[c] = w == null ? new Workspace(true, shared) : w.next(true, shared);
        return chunks[c];
    }

    /** The storage of chunk {@code c}'s adjoints in a kept pass's backward sweeps (one step's, recycled after each). */
    Workspace adjoints(int c, SharedLeaves shared) {
        Workspace w = adjoints[c];
        adjoints[c] = w == null ? new Workspace(true, shared) : w.next(true, shared);
        return adjoints[c];
    }

    /**
     * Drops the kept storage (a later kept pass allocates it again); the decision to keep stays. Not while a pass runs.
     */
    public void release() {
        java.util.Arrays.fill(chunks, null);
        java.util.Arrays.fill(adjoints, null);
    }

    /** Makes room for {@code n} chunks' storage (before the chunks run; not thread-safe). */
    void ensureChunks(int n) {
        if (chunks.length < n) {
            chunks = java.util.Arrays.copyOf(chunks, n);
            adjoints = java.util.Arrays.copyOf(adjoints, n);
        }
    }

    /** The largest storage one adjoint workspace holds (two floats count as one): one step's adjoints. */
    long adjointDoubles() {
        long s = 0;
        for (Workspace w : adjoints) {
            s = Math.max(s, w == null ? 0 : w.freshDoubles());
        }
        return s;
    }

    /** What one streamed step of a chunk held when measured (its values and adjoints), or -1. */
    public synchronized long measuredStepDoubles() {
        return measuredStepDoubles;
    }

    /** Doubles the kept storage holds so far (two floats count as one), for the record. */
    public long keptDoubles() {
        long s = 0;
        for (Workspace w : chunks) {
            s += w == null ? 0 : w.freshDoubles();
        }
        return s;
    }
}
