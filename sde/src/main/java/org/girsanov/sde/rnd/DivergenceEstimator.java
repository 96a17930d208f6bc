package org.girsanov.sde.rnd;

import org.apache.commons.rng.UniformRandomProvider;
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
}
