package org.girsanov.samplers.schrodinger;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;

/**
 * One marginal of a Schrödinger bridge given by samples: {@code ρ0} at {@code t = 0} or {@code ρ1} at {@code t = 1}.
 * {@link SchrodingerIpf} draws a fresh batch from it for every step of a half-bridge started at that end.
 */
public interface BridgeEnd {
    /** The dimension {@code d} of the samples. */
    int dimension();

    /** {@code n} independent draws ({@code n × d}). */
    DMatrixRMaj sample(int n, UniformRandomProvider rng);

    /** Draws the rows of {@code pool} ({@code K × d}, K ≥ 1) uniformly with replacement: an empirical marginal. */
    static BridgeEnd ofSamples(DMatrixRMaj pool) {
        if (pool.numRows < 1 || pool.numCols < 1) {
            throw new IllegalArgumentException("BridgeEnd.ofSamples: the pool is " + pool.numRows + " x " + pool.numCols
                    + "; need at least one sample of dimension >= 1");
        }
        for (double v : pool.data) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("BridgeEnd.ofSamples: the pool holds a non-finite value " + v);
            }
        }
        DMatrixRMaj copy = pool.copy();
        return new BridgeEnd() {
            @Override
            public int dimension() {
                return copy.numCols;
            }

            @Override
            public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
                int d = copy.numCols;
                DMatrixRMaj x = new DMatrixRMaj(n, d);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(copy.data, rng.nextInt(copy.numRows) * d, x.data, i * d, d);
                }
                return x;
            }
        };
    }

    /** The exact sampler of {@code target} (which must have one: {@link Target#hasExactSampler()}). */
    static BridgeEnd of(Target target) {
        if (!target.hasExactSampler()) {
            throw new IllegalArgumentException("BridgeEnd.of: target " + target.name() + " has no exact sampler; give "
                    + "samples (BridgeEnd.ofSamples)");
        }
        return new BridgeEnd() {
            @Override
            public int dimension() {
                return target.dimension();
            }

            @Override
            public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
                return target.sample(n, rng);
            }
        };
    }
}
