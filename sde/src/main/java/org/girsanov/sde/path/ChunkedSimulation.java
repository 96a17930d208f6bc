package org.girsanov.sde.path;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.kernel.MarkovKernel;

/**
 * Deterministic parallel simulation (DESIGN invariant 6): the batch is cut into fixed-size chunks
 * ({@code [c·size, min((c+1)·size, batch))}), chunk {@code c} draws only from
 * {@link RandomStreams#philox(long, long, int) stream(seed, iteration, c)}, chunks run on a fork-join pool
 * and their results are combined in chunk order. The result is therefore bitwise the same for any number
 * of threads.
 */
public final class ChunkedSimulation {
    private ChunkedSimulation() {
    }

    /** The work of one chunk: rows {@code [from, to)} of the batch, with the chunk's own random stream. */
    @FunctionalInterface
    public interface ChunkTask<R> {
        R run(int chunk, int from, int to, UniformRandomProvider rng);
    }

    /** Runs {@code task} on every chunk with {@code threads} workers; results in chunk order. */
    public static <R> List<R> map(int batch, int chunkSize, long seed, long iteration, int threads, ChunkTask<R> task) {
        Checks.atLeast("ChunkedSimulation", "batch", batch, 1);
        Checks.atLeast("ChunkedSimulation", "chunkSize", chunkSize, 1);
        Checks.atLeast("ChunkedSimulation", "threads", threads, 1);
        int chunks = (batch + chunkSize - 1) / chunkSize;
        try (ChunkedExecutor ex = new ChunkedExecutor(threads)) {
            return ex.map(chunks, c -> runChunk(task, c, chunkSize, batch, seed, iteration));
        }
    }

    private static <R> R runChunk(ChunkTask<R> task, int c, int size, int batch, long seed, long iteration) {
        int from = c * size;
        int to = Math.min(batch, from + size);
        return task.run(c, from, to, RandomStreams.philox(seed, iteration, c));
    }

    /**
     * Detached forward paths: per chunk, {@code x_0 ~ prior} then the forward kernel, all from the chunk's
     * stream, on {@link Tape#noGrad()}; the chunks' rows are stacked in order.
     */
    public static Path forwardDetached(Distribution prior, MarkovKernel forward, int batch, int chunkSize,
                                       long seed, long iteration, int threads) {
        List<Path> parts = map(batch, chunkSize, seed, iteration, threads, (c, from, to, rng) -> {
            Tape t = Tape.noGrad();
            DMatrixRMaj x0 = prior.sample(to - from, rng);
            return PathSimulator.forward(t, forward, t.constant(x0), NoiseSource.of(rng));
        });
        return stack(parts);
    }

    /** Stacks the rows of paths on one grid, in list order. */
    public static Path stack(List<Path> parts) {
        Path first = parts.get(0);
        int rows = 0;
        for (Path p : parts) {
            p.requireGrid("ChunkedSimulation.stack", first.grid());
            rows += p.rows();
        }
        Tape t = Tape.noGrad();
        List<Var> states = new ArrayList<>(first.steps() + 1);
        int d = first.cols();
        for (int n = 0; n <= first.steps(); n++) {
            DMatrixRMaj m = new DMatrixRMaj(rows, d);
            int off = 0;
            for (Path p : parts) {
                DMatrixRMaj v = p.value(n);
                System.arraycopy(v.data, 0, m.data, off, p.rows() * d);
                off += p.rows() * d;
            }
            states.add(t.constant(m));
        }
        return new Path(first.grid(), states);
    }
}
