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

    /** Transposes of parameter values, by the identity of their storage; null unless parameters are fixed. */
    private final Map<double[], double[]> transposes;

    /** An empty workspace. */
    public Workspace() {
        this(false);
    }

    /**
     * An empty workspace; with {@code fixedParameters} the caller promises that no parameter's value changes while it
     * is in use, and products with a parameter's transpose reuse one transposed copy.
     */
    public Workspace(boolean fixedParameters) {
        this.transposes = fixedParameters ? new IdentityHashMap<>() : null;
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

    /** Takes back every matrix lent since the last call: the values computed from them are void from here on. */
    public void recycle() {
        for (double[] a : lent) {
            pool(a.length).free.push(a);
        }
        lent.clear();
    }

    /** Doubles allocated fresh so far (not served from a pool): what the workspace saved is visible in tests. */
    public long freshDoubles() {
        return freshDoubles;
    }
}
