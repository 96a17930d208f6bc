package org.girsanov.samplers.schrodinger;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;

/**
 * One marginal of a Schrödinger bridge, {@code ρ0} at {@code t = 0} or {@code ρ1} at {@code t = 1}: given by samples
 * ({@link #ofSamples}, {@link #of}), from which {@link SchrodingerIpf} draws a fresh batch for every step of a
 * half-bridge started at that end, or, for {@code ρ1}, by an unnormalised density only ({@link #density}: the sampling
 * problem).
 */
public interface BridgeEnd {
    /** The dimension {@code d} of the samples. */
    int dimension();

    /** {@code n} independent draws ({@code n × d}); only if {@link #hasSamples()}. */
    DMatrixRMaj sample(int n, UniformRandomProvider rng);

    /** Whether {@link #sample} can be called; otherwise the end is known by {@link #target()}'s density only. */
    default boolean hasSamples() {
        return true;
    }

    /**
     * The target whose unnormalised {@code log ρ̃} this end is: for a density end, and for an end drawn from a target's
     * exact sampler ({@link #of}), where {@link SchrodingerIpf#logWeights} uses it; {@code null} for a pool of samples.
     */
    default Target target() {
        return null;
    }

    /**
     * The marginal known by its unnormalised log-density {@code log ρ̃ = log ρ + log Z} only (its sampler, if any, is
     * not used): {@link SchrodingerIpf} then fits the forward half-bridge with a path-space sampling loss.
     */
    static BridgeEnd density(Target target) {
        return new BridgeEnd() {
            @Override
            public int dimension() {
                return target.dimension();
            }

            @Override
            public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
                throw new IllegalStateException("BridgeEnd.density(" + target.name() + ") has no samples");
            }

            @Override
            public boolean hasSamples() {
                return false;
            }

            @Override
            public Target target() {
                return target;
            }
        };
    }

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

            @Override
            public Target target() {
                return target;
            }
        };
    }
}
