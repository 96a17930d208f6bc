package org.girsanov.samplers.exploration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * A fixed-capacity buffer of terminal states with rank-based priority (Sendera et al. NeurIPS 2024; docs/math.md §4,
 * exploration). Each state carries a score (higher is better: {@code log ρ(x)}, or the log-weight of the path
 * that produced it — use one kind per buffer). With the states ranked by score ({@code rank 0} = best, ties by
 * insertion order, older first),
 * <pre>
 *   P(sample state of rank r) = (1/(k + r)) / Σ_{r'} 1/(k + r'),
 * </pre>
 * {@code k > 0} flattening the preference ({@code k → ∞}: uniform). When full, adding drops the lowest-ranked
 * states. Sampling (with replacement) uses only the given rng, so it is deterministic given the rng.
 */
public final class ReplayBuffer {
    private record Entry(double[] x, double score, long order) {
    }

    private final int capacity;
    private final int dimension;
    private final double k;
    private final List<Entry> entries = new ArrayList<>(); // kept sorted by rank
    private long added;

    public ReplayBuffer(int capacity, int dimension, double k) {
        if (capacity < 1 || dimension < 1 || !(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("ReplayBuffer: need capacity, dimension >= 1 and finite k > 0; got "
                    + capacity + ", " + dimension + ", " + k);
        }
        this.capacity = capacity;
        this.dimension = dimension;
        this.k = k;
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public int dimension() {
        return dimension;
    }

    private static final Comparator<Entry> RANK = Comparator.comparingDouble((Entry e) -> -e.score())
            .thenComparingLong(Entry::order);

    /** Adds the rows of {@code states} with their scores; rows with a non-finite score or state are skipped. */
    public void add(DMatrixRMaj states, double[] scores) {
        if (states.numCols != dimension || states.numRows != scores.length) {
            throw new IllegalArgumentException("ReplayBuffer.add: " + states.numRows + "x" + states.numCols
                    + " states with " + scores.length + " scores; dimension is " + dimension);
        }
        for (int i = 0; i < states.numRows; i++) {
            double[] x = new double[dimension];
            System.arraycopy(states.data, i * dimension, x, 0, dimension);
            boolean ok = Double.isFinite(scores[i]);
            for (double v : x) {
                ok &= Double.isFinite(v);
            }
            if (ok) {
                entries.add(new Entry(x, scores[i], added++));
            }
        }
        entries.sort(RANK);
        while (entries.size() > capacity) {
            entries.remove(entries.size() - 1);
        }
    }

    /** Sampling probabilities in rank order. */
    public double[] probabilities() {
        double[] p = new double[entries.size()];
        double total = 0;
        for (int r = 0; r < p.length; r++) {
            p[r] = 1 / (k + r);
            total += p[r];
        }
        for (int r = 0; r < p.length; r++) {
            p[r] /= total;
        }
        return p;
    }

    /** Indices (in rank order) of {@code n} draws with replacement. */
    public int[] sampleIndices(int n, UniformRandomProvider rng) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("ReplayBuffer: empty");
        }
        double[] p = probabilities();
        double[] cdf = new double[p.length];
        double c = 0;
        for (int r = 0; r < p.length; r++) {
            c += p[r];
            cdf[r] = c;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * c;
            int idx = java.util.Arrays.binarySearch(cdf, u);
            idx = idx >= 0 ? idx + 1 : -idx - 1;
            out[i] = Math.min(idx, p.length - 1);
        }
        return out;
    }

    /** {@code n} states drawn with replacement by rank priority ({@code n × d}). */
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        int[] idx = sampleIndices(n, rng);
        DMatrixRMaj out = new DMatrixRMaj(n, dimension);
        for (int i = 0; i < n; i++) {
            System.arraycopy(entries.get(idx[i]).x(), 0, out.data, i * dimension, dimension);
        }
        return out;
    }

    /** All states in rank order ({@code size × d}). */
    public DMatrixRMaj states() {
        DMatrixRMaj out = new DMatrixRMaj(entries.size(), dimension);
        for (int i = 0; i < entries.size(); i++) {
            System.arraycopy(entries.get(i).x(), 0, out.data, i * dimension, dimension);
        }
        return out;
    }

    /** All scores in rank order (descending). */
    public double[] scores() {
        return entries.stream().mapToDouble(Entry::score).toArray();
    }

    /** Replaces every state and score (same count, e.g. after a local search) and re-ranks. */
    public void replaceAll(DMatrixRMaj states, double[] scores) {
        if (states.numRows != entries.size()) {
            throw new IllegalArgumentException("ReplayBuffer.replaceAll: " + states.numRows + " states for " + entries.size());
        }
        entries.clear();
        add(states, scores);
    }
}
