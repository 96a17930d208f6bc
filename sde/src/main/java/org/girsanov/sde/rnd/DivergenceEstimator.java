package org.girsanov.sde.rnd;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Divergence;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** How the divergence {@code ∇·g(x)} of a field on the tape is computed: exactly or by Hutchinson's estimator. */
@FunctionalInterface
public interface DivergenceEstimator {

    /** {@code ∇·g(x)} per sample ({@code n × 1}); {@code x} requires a gradient. */
    Var apply(Tape tape, Var field, Var x);

    /** Exact: {@code d} vector–Jacobian products ({@link Divergence#exact}). */
    static DivergenceEstimator exact() {
        return Divergence::exact;
    }

    /** Hutchinson: {@code (1/m) Σ_k ε_kᵀ (∂g/∂x) ε_k}, fresh probes from {@code rng} at every call (unbiased). */
    static DivergenceEstimator hutchinson(int m, Probe probe, UniformRandomProvider rng) {
        return (tape, g, x) -> Divergence.hutchinson(tape, g, x, m, probe, rng);
    }

    /**
     * Hutchinson with probes keyed by the state: the probes for a batch {@code x} come from a Philox stream
     * keyed by {@code (seed, h(x))}, {@code h} a 64-bit hash of the bits of {@code x}. Evaluating the same
     * states again gives the same estimate — the gradient-free pass and the replayed gradient pass of a
     * streamed loss (DESIGN invariant 5) agree, and the result does not depend on the thread count — while
     * different states get unrelated probes. The probes never depend on the field's parameters, so for each
     * state the estimate is Hutchinson's, {@code (1/m) Σ_k ε_kᵀ (∂g/∂x) ε_k}, with its mean {@code ∇·g(x)}
     * over the probe distribution.
     */
    static DivergenceEstimator hutchinsonKeyed(int m, Probe probe, long seed) {
        if (m < 1) {
            throw new IllegalArgumentException("hutchinsonKeyed: m = " + m + " probes; must be >= 1");
        }
        return (tape, g, x) -> Divergence.hutchinson(tape, g, x, m, probe,
                RandomSource.PHILOX_4X64.create(new long[] {seed, stateHash(x.value()), 0L, 0L, 0L, 0L}));
    }

    /** A 64-bit hash of the bits of a matrix (shape included), mixed per element as in SplitMix64. */
    private static long stateHash(DMatrixRMaj x) {
        long h = 0x9E3779B97F4A7C15L * (31L * x.numRows + x.numCols);
        for (int i = 0, n = x.getNumElements(); i < n; i++) {
            h = (h ^ Double.doubleToRawLongBits(x.data[i])) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h = (h ^ (h >>> 30)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
