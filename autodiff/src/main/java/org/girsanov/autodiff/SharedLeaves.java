package org.girsanov.autodiff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * Functions of time alone, {@code f(t; θ)}, evaluated once per pass for all the tapes of the pass.
 *
 * <p>The control networks' time features {@code T(t)} and the Langevin coefficient {@code NN₂(t)} depend on the
 * step's time and the parameters only, yet a pass of the path engine evaluates them at every step of every batch
 * chunk. Within one pass the parameters are fixed, so {@code f(t_n)} is the same for every chunk: here it is
 * computed once, on its own tape, and each chunk's tape sees it as a leaf ({@link Tape#shared}). A leaf's adjoint
 * goes to the chunk's {@link Gradients} sink as a parameter's does, so after the chunks' sinks are reduced in chunk
 * order the leaf holds {@code a_n = Σ_c ∂L_c/∂f(t_n)}, and {@link #backpropagate()} sends it through {@code f}'s
 * tape into the parameters:
 * <pre>
 *   ∇_θ L = Σ_n (∂f(t_n)/∂θ)ᵀ a_n      (the chain rule, summed over chunks before the product, not after)
 * </pre>
 * — one backward of {@code f} per time instead of one per time and chunk. The sum is the same for any number of
 * threads ({@link #backpropagate()} visits the functions by name and time); it differs from the per-chunk products
 * in the last bits only.
 *
 * <p>A tape reaches these values through its {@link Workspace}; tapes without one, or whose workspace has none,
 * evaluate {@code f} themselves. Used by the chunks of one pass concurrently; {@link #backpropagate()} by one thread
 * after they are done.
 */
public final class SharedLeaves {
    /** A function of time alone, recorded on the tape it is given. */
    @FunctionalInterface
    public interface TimeFunction {
        Var apply(Tape t, double time);
    }

    private record Key(String name, double time) {
    }

    /** {@code f(t)} on its own tape, and the leaf the chunks' tapes use (null when the value is not finite). */
    private record Entry(TimeFunction owner, Tape tape, Var value, Parameter leaf) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::name).thenComparingDouble(Key::time);

    private final boolean recording;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    /** For a pass whose tapes record ({@code recording}: a gradient pass) or do not (values only). */
    public SharedLeaves(boolean recording) {
        this.recording = recording;
    }

    /** Whether the functions are recorded for {@link #backpropagate()}. */
    public boolean recording() {
        return recording;
    }

    /**
     * The leaf standing for {@code f(time)}, named {@code name} (one name per function), or null when its value is not
     * finite (the caller then evaluates {@code f} itself, as without sharing).
     */
    Parameter leaf(String name, double time, TimeFunction f) {
        Entry e = entries.computeIfAbsent(new Key(name, time), k -> evaluate(k, f));
        if (e.owner() != f) {
            throw new IllegalStateException("SharedLeaves: two functions of time are named '" + name
                    + "'; each needs its own name");
        }
        return e.leaf();
    }

    private Entry evaluate(Key k, TimeFunction f) {
        Tape t = recording ? new Tape() : Tape.noGrad();
        Var v = f.apply(t, k.time());
        for (int i = 0; i < v.value().getNumElements(); i++) {
            if (!Double.isFinite(v.value().data[i])) {
                return new Entry(f, t, v, null);
            }
        }
        return new Entry(f, t, v, new Parameter(k.name() + "@" + k.time(), v.value()));
    }

    /**
     * Sends the adjoints the leaves collected ({@link Parameter#grad()} of each leaf, filled by the reduction of the
     * chunks' sinks) through the functions into the parameters' gradient buffers, in the order of name and time, and
     * clears them. Only for a recording pass.
     */
    public void backpropagate() {
        if (!recording) {
            throw new IllegalStateException("SharedLeaves.backpropagate: this pass recorded no functions of time");
        }
        List<Key> keys = new ArrayList<>(entries.keySet());
        keys.sort(ORDER);
        for (Key k : keys) {
            Entry e = entries.get(k);
            if (e.leaf() == null || !e.value().requiresGrad() || isZero(e.leaf().grad())) {
                continue;
            }
            e.tape().backwardSeeded(e.value(), e.leaf().grad());
            e.leaf().zeroGrad();
        }
    }

    /** Number of distinct {@code (function, time)} values computed so far. */
    public int size() {
        return entries.size();
    }

    private static boolean isZero(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (m.data[i] != 0.0) {
                return false;
            }
        }
        return true;
    }
}
