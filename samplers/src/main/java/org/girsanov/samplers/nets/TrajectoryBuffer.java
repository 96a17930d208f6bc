package org.girsanov.samplers.nets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * A replay of the states of earlier trajectories, one first-in-first-out ring of {@code capacity} states per grid
 * time {@code t_n}, {@code n = 0 … N}: NETS evaluates its residual at {@code (x, t_n)} with {@code x} a detached
 * state that a recent path of the sampler visited at {@code t_n}. Sampling is uniform with replacement from the
 * given stream (deterministic given it). Rows with a non-finite entry are not stored.
 */
public final class TrajectoryBuffer {
    private final int capacity;
    private final int dimension;
    private final DMatrixRMaj[] rings;
    private final long[] added;

    /**
     * @param times     {@code N + 1}, the grid times
     * @param capacity  states kept per time (the newest)
     * @param dimension {@code d}
     */
    public TrajectoryBuffer(int times, int capacity, int dimension) {
        if (times < 1 || capacity < 1 || dimension < 1) {
            throw new IllegalArgumentException("TrajectoryBuffer: need times, capacity, dimension >= 1; got "
                    + times + ", " + capacity + ", " + dimension);
        }
        this.capacity = capacity;
        this.dimension = dimension;
        this.rings = new DMatrixRMaj[times];
        this.added = new long[times];
        for (int n = 0; n < times; n++) {
            rings[n] = new DMatrixRMaj(capacity, dimension);
        }
    }

    /** {@code N + 1}. */
    public int times() {
        return rings.length;
    }

    /** States held at time index {@code n}. */
    public int size(int n) {
        return (int) Math.min(capacity, added[n]);
    }

    /** Appends the finite rows of {@code states} at time index {@code n}, overwriting the oldest when full. */
    public void add(int n, DMatrixRMaj states) {
        if (states.numCols != dimension) {
            throw new IllegalArgumentException("TrajectoryBuffer.add: states have " + states.numCols
                    + " columns; the dimension is " + dimension);
        }
        for (int i = 0; i < states.numRows; i++) {
            boolean finite = true;
            for (int j = 0; j < dimension && finite; j++) {
                finite = Double.isFinite(states.get(i, j));
            }
            if (finite) {
                int slot = (int) (added[n] % capacity);
                System.arraycopy(states.data, i * dimension, rings[n].data, slot * dimension, dimension);
                added[n]++;
            }
        }
    }

    /** {@code rows} states drawn uniformly (with replacement) from time index {@code n}. */
    public DMatrixRMaj sample(int n, int rows, UniformRandomProvider rng) {
        int size = size(n);
        if (size == 0) {
            throw new IllegalStateException("TrajectoryBuffer.sample: no states at time index " + n);
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, dimension);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(rings[n].data, rng.nextInt(size) * dimension, out.data, i * dimension, dimension);
        }
        return out;
    }

    /** The rings ({@code n/states}, slot order) and the counts ({@code added}), for a checkpoint. */
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        DMatrixRMaj counts = new DMatrixRMaj(rings.length, 1);
        for (int n = 0; n < rings.length; n++) {
            counts.data[n] = added[n];
            DMatrixRMaj s = new DMatrixRMaj(size(n), dimension);
            System.arraycopy(rings[n].data, 0, s.data, 0, s.getNumElements());
            m.put(n + "/states", s);
        }
        m.put("added", counts);
        return m;
    }

    /** Puts back what {@link #state()} returned. */
    public void restore(Map<String, DMatrixRMaj> state) {
        DMatrixRMaj counts = state.get("added");
        if (counts == null || counts.numRows != rings.length) {
            throw new IllegalArgumentException("TrajectoryBuffer.restore: needs 'added' with " + rings.length
                    + " rows; got " + state.keySet());
        }
        for (int n = 0; n < rings.length; n++) {
            added[n] = (long) counts.data[n];
            DMatrixRMaj s = state.get(n + "/states");
            if (s == null || s.numRows != size(n) || s.numCols != dimension) {
                throw new IllegalArgumentException("TrajectoryBuffer.restore: '" + n + "/states' missing or of the"
                        + " wrong shape");
            }
            System.arraycopy(s.data, 0, rings[n].data, 0, s.getNumElements());
        }
    }
}
