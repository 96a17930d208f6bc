package org.girsanov.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Storage reused across a loop of short-lived tapes: the op values and adjoints of one step are handed out
 * from here and taken back by {@link #recycle()}, so a loop of N steps allocates one step's matrices instead of
 * N (the path engine's per-step tapes, DESIGN invariant 5, are its use). It also holds the kernels' scratch rows.
 *
 * <p>The contract is the caller's: after {@link #recycle()} every value computed by the ops of a tape that used
 * this workspace — outputs, adjoints, gradients returned by {@link Tape#grad} — may be overwritten by the next
 * step. Copy what must outlive the step (constants, leaves and parameter gradient buffers are never taken from
 * here, so the state a loop carries is safe when it is such a copy). Not thread-safe: one workspace per thread
 * of work, like a tape.
 *
 * <p>A workspace made {@link #Workspace(boolean) for fixed parameters} also keeps the transposes {@code Wᵀ} the
 * products {@code G Wᵀ} of dense layers' backward need, one per parameter matrix for its whole life, instead of one
 * per step: that is only right while no parameter value changes, as within one pass of the path engine (the optimiser
 * steps between passes).
 */
public final class Workspace {
    /** Free arrays, one pool per length (a step uses a handful of shapes, so a short list beats a map). */
    private final List<Pool> pools = new ArrayList<>();
    private final List<double[]> lent = new ArrayList<>();
    /** The same for single-precision arrays (the activations of a float32 network, {@link GeluStack32}). */
    private final List<FloatPool> floatPools = new ArrayList<>();
    private final List<float[]> lentFloats = new ArrayList<>();
    private long freshDoubles;
    /** The kernels' scratch, reused by every tape of this workspace. */
    final Kernels.Scratch scratch = new Kernels.Scratch();

    private static final class Pool {
        final int length;
        final ArrayDeque<double[]> free = new ArrayDeque<>();

        Pool(int length) {
            this.length = length;
        }
    }

    private static final class FloatPool {
        final int length;
        final ArrayDeque<float[]> free = new ArrayDeque<>();

        FloatPool(int length) {
            this.length = length;
        }
    }

    /** Transposes of parameter values, by the identity of their storage; null unless parameters are fixed. */
    private final Map<double[], double[]> transposes;
    /** Float copies of parameter values and of their transposes, by the identity of their storage; null unless fixed. */
    private final Map<double[], float[]> floatCopies;
    private final Map<double[], float[]> floatTransposes;

    /** Values of time alone computed once for the pass this workspace serves, or null ({@link Tape#shared}). */
    private final SharedLeaves shared;

    /** An empty workspace. */
    public Workspace() {
        this(false);
    }

    /** As {@link #Workspace(boolean)}, whose tapes take functions of time from {@code shared} (null: none). */
    public Workspace(boolean fixedParameters, SharedLeaves shared) {
        this.transposes = fixedParameters ? new IdentityHashMap<>() : null;
        this.floatCopies = fixedParameters ? new IdentityHashMap<>() : null;
        this.floatTransposes = fixedParameters ? new IdentityHashMap<>() : null;
        this.shared = shared;
    }

    /**
     * An empty workspace; with {@code fixedParameters} the caller promises that no parameter's value changes while it
     * is in use, and products with a parameter's transpose reuse one transposed copy.
     */
    public Workspace(boolean fixedParameters) {
        this(fixedParameters, null);
    }

    SharedLeaves shared() {
        return shared;
    }

    /**
     * The parameter value {@code b} ({@code n × p}, row-major) rounded to float — transposed ({@code p × n}) if
     * {@code transpose} — made once per workspace when it was made for fixed parameters, else fresh on every call.
     */
    float[] parameterFloats(double[] b, int n, int p, boolean transpose) {
        Map<double[], float[]> cache = transpose ? floatTransposes : floatCopies;
        return cache == null ? toFloats(b, n, p, transpose) : cache.computeIfAbsent(b, k -> toFloats(k, n, p, transpose));
    }

    static float[] toFloats(double[] b, int n, int p, boolean transpose) {
        float[] f = new float[n * p];
        if (transpose) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < p; i++) {
                    f[i * n + j] = (float) b[j * p + i];
                }
            }
        } else {
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) b[i];
            }
        }
        return f;
    }

    /** {@code length} floats lent until the next {@link #recycle()}, contents arbitrary (the op writes every element). */
    float[] floats(int length) {
        FloatPool pool = null;
        for (FloatPool p : floatPools) {
            if (p.length == length) {
                pool = p;
                break;
            }
        }
        if (pool == null) {
            pool = new FloatPool(length);
            floatPools.add(pool);
        }
        float[] a = pool.free.poll();
        if (a == null) {
            a = new float[length];
            freshDoubles += (length + 1) / 2;
        }
        lentFloats.add(a);
        return a;
    }

    /**
     * {@code Bᵀ} ({@code p × n}, row-major) of the parameter value {@code b} ({@code n × p}), made once per workspace;
     * null when this workspace was not made for fixed parameters.
     */
    double[] parameterTranspose(double[] b, int n, int p) {
        if (transposes == null) {
            return null;
        }
        return transposes.computeIfAbsent(b, k -> {
            double[] bt = new double[p * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < p; i++) {
                    bt[i * n + j] = k[j * p + i];
                }
            }
            return bt;
        });
    }

    /**
     * A {@code rows × cols} matrix lent until the next {@link #recycle()}. Its contents are arbitrary (a
     * recycled array is not cleared): the op that asks for it writes every element.
     */
    DMatrixRMaj matrix(int rows, int cols) {
        int n = rows * cols;
        Pool pool = pool(n);
        double[] a = pool.free.poll();
        if (a == null) {
            a = new double[n];
            freshDoubles += n;
        }
        lent.add(a);
        return DMatrixRMaj.wrap(rows, cols, a);
    }

    private Pool pool(int n) {
        for (Pool p : pools) {
            if (p.length == n) {
                return p;
            }
        }
        Pool p = new Pool(n);
        pools.add(p);
        return p;
    }

    /**
     * A workspace for the next pass that takes over this one's storage: everything lent is taken back first (the values
     * computed from it are void), the parameter copies are not carried over (the parameters may have changed), and its
     * tapes take functions of time from {@code shared}. This workspace must not be used afterwards. A loop of passes that
     * keeps whole paths ({@code StreamedPaths}'s kept visit) so allocates their storage once, not once per pass.
     */
    public Workspace next(boolean fixedParameters, SharedLeaves shared) {
        recycle();
        Workspace w = new Workspace(fixedParameters, shared);
        w.pools.addAll(pools);
        w.floatPools.addAll(floatPools);
        w.freshDoubles = freshDoubles;
        pools.clear();
        floatPools.clear();
        return w;
    }

    /** A workspace with storage of its own, made for fixed parameters as this one is, with the same shared leaves. */
    public Workspace sibling() {
        return new Workspace(transposes != null, shared);
    }

    /** Takes back every matrix lent since the last call: the values computed from them are void from here on. */
    public void recycle() {
        for (double[] a : lent) {
            pool(a.length).free.push(a);
        }
        lent.clear();
        for (float[] a : lentFloats) {
            for (FloatPool p : floatPools) {
                if (p.length == a.length) {
                    p.free.push(a);
                    break;
                }
            }
        }
        lentFloats.clear();
    }

    /** Doubles allocated fresh so far (not served from a pool; two floats count as one): what the workspace saved is visible in tests. */
    public long freshDoubles() {
        return freshDoubles;
    }
}
