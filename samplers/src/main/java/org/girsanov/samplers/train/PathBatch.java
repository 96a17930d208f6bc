package org.girsanov.samplers.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.sde.path.StreamedPaths;

/**
 * A batch of detached paths with their log-weights {@code log w} (docs/math.md §3) and end points: the terminal
 * samples {@code x_N} for forward paths, the start points {@code x_0} for backward ones, as points of the target's
 * space ({@link Sampler#positions}: the positions of a phase-space sampler's states). Simulated in
 * fixed chunks on per-chunk streams (same numbers for any thread count).
 */
public record PathBatch(double[] logWeights, DMatrixRMaj endPoints) {

    /** {@code K} paths of {@code behaviour} (backward paths start at {@code terminal}, {@code K × d}). */
    public static PathBatch simulate(Sampler model, int k, Behaviour behaviour, DMatrixRMaj terminal,
                                     RandomStreams streams, long key, long purpose, int chunkSize,
                                     ChunkedExecutor executor) {
        int d = model.dimension();
        int chunks = (k + chunkSize - 1) / chunkSize;
        List<PathBatch> parts = executor.map(chunks, c -> {
            int start = c * chunkSize;
            int rows = Math.min(chunkSize, k - start);
            DMatrixRMaj term = null;
            if (!behaviour.forward()) {
                term = new DMatrixRMaj(rows, d);
                System.arraycopy(terminal.data, start * d, term.data, 0, rows * d);
            }
            StreamedPaths.LogWeights lw = StreamedPaths.logWeights(model, rows, behaviour, term,
                    streams.stream(key, c, purpose));
            return new PathBatch(lw.logWeights(), lw.endPoints());
        });
        double[] all = new double[k];
        DMatrixRMaj ends = new DMatrixRMaj(k, d);
        for (int c = 0; c < parts.size(); c++) {
            PathBatch p = parts.get(c);
            System.arraycopy(p.logWeights(), 0, all, c * chunkSize, p.logWeights().length);
            System.arraycopy(p.endPoints().data, 0, ends.data, c * chunkSize * d, p.logWeights().length * d);
        }
        return new PathBatch(all, model.positions(ends));
    }
}
