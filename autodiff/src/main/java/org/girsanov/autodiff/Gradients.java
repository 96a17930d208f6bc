package org.girsanov.autodiff;

import java.util.IdentityHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A gradient sink: one buffer per parameter, filled by {@link Tape#backward(Var, Gradients)}.
 *
 * <p>This is how deterministic parallelism works (DESIGN invariant 6): each batch chunk accumulates
 * into its own {@code Gradients}, and the chunks are then reduced into the parameters in chunk order
 * with {@link #addTo(Gradients)} or {@link #addToParameters()}, so the floating-point sum is the same
 * for any number of threads.
 */
public final class Gradients {
    private final Map<Parameter, DMatrixRMaj> buffers = new IdentityHashMap<>();

    /** The buffer of {@code p}, created zero on first use. */
    public DMatrixRMaj bufferFor(Parameter p) {
        return buffers.computeIfAbsent(p, q -> new DMatrixRMaj(q.rows(), q.cols()));
    }

    /** The buffer of {@code p}, or {@code null} when nothing was accumulated for it. */
    public DMatrixRMaj get(Parameter p) {
        return buffers.get(p);
    }

    /** Adds every buffer of this sink into {@code other}'s buffers. */
    public void addTo(Gradients other) {
        for (Map.Entry<Parameter, DMatrixRMaj> e : buffers.entrySet()) {
            addInto(other.bufferFor(e.getKey()), e.getValue());
        }
    }

    /** Adds every buffer into the owning parameter's own gradient buffer. */
    public void addToParameters() {
        for (Map.Entry<Parameter, DMatrixRMaj> e : buffers.entrySet()) {
            addInto(e.getKey().grad(), e.getValue());
        }
    }

    /** Sets every buffer to zero (keeps the buffers for reuse). */
    public void clear() {
        for (DMatrixRMaj m : buffers.values()) {
            java.util.Arrays.fill(m.data, 0, m.getNumElements(), 0.0);
        }
    }

    static void addInto(DMatrixRMaj target, DMatrixRMaj source) {
        final int n = target.getNumElements();
        final double[] t = target.data;
        final double[] s = source.data;
        for (int i = 0; i < n; i++) {
            t[i] += s[i];
        }
    }
}
