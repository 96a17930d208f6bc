package org.girsanov.samplers.targets;

import org.ejml.data.DMatrixRMaj;

/**
 * A target that is a finite mixture {@code Σ_k w_k p_k}: its component locations and weights, so that
 * mode coverage (docs/targets-and-metrics.md, "fraction of mixture components holding ≥ 1% of their expected share
 * of samples") can be measured.
 */
public interface MixtureTarget extends Target {

    /** Component means, {@code K × d} (a copy). */
    DMatrixRMaj means();

    /** Component weights {@code w_k}, summing to one (a copy). */
    double[] weights();

    /** Number of components {@code K}. */
    default int components() {
        return weights().length;
    }
}
