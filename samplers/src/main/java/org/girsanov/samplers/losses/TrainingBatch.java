package org.girsanov.samplers.losses;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * Everything a loss needs for one gradient evaluation: the model, the batch size and its cut into
 * fixed-size chunks, where paths come from, the random streams of this iteration, the executor, and
 * the factor the loss is multiplied by (the reference protocol divides by {@code d}), and where a path-sum loss may keep
 * its first pass ({@link PathMemory}; null: it streams).
 */
public record TrainingBatch(Sampler model, int batchSize, int chunkSize, Behaviour behaviour,
                            RandomStreams streams, long iteration, ChunkedExecutor executor, double lossScale,
                            PathMemory memory) {

    /** A batch whose path-sum gradients always stream (two passes, memory of one step: no {@link PathMemory}). */
    public TrainingBatch(Sampler model, int batchSize, int chunkSize, Behaviour behaviour, RandomStreams streams,
                         long iteration, ChunkedExecutor executor, double lossScale) {
        this(model, batchSize, chunkSize, behaviour, streams, iteration, executor, lossScale, null);
    }

    public TrainingBatch {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size = " + batchSize + "; must be >= 1");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size = " + chunkSize + "; must be >= 1");
        }
        if (!behaviour.forward() && behaviour.terminalStates().numRows != batchSize) {
            throw new IllegalArgumentException("backward behaviour has " + behaviour.terminalStates().numRows
                    + " terminal states; the batch size is " + batchSize);
        }
    }

    /** Number of chunks, {@code ⌈B / C⌉}. */
    public int chunks() {
        return (batchSize + chunkSize - 1) / chunkSize;
    }

    /** First row of chunk {@code c}. */
    public int chunkStart(int c) {
        return c * chunkSize;
    }

    /** Rows in chunk {@code c}. */
    public int chunkRows(int c) {
        return Math.min(chunkSize, batchSize - c * chunkSize);
    }

    /** Terminal states of chunk {@code c} for a backward behaviour, else {@code null}. */
    public DMatrixRMaj chunkTerminal(int c) {
        if (behaviour.forward()) {
            return null;
        }
        DMatrixRMaj all = behaviour.terminalStates();
        int d = all.numCols;
        DMatrixRMaj out = new DMatrixRMaj(chunkRows(c), d);
        System.arraycopy(all.data, chunkStart(c) * d, out.data, 0, chunkRows(c) * d);
        return out;
    }
}
