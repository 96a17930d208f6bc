package org.girsanov.samplers.losses;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A divergence between path measures used as a training objective (docs/math.md §4). {@link #evaluate}
 * simulates a batch, computes the loss and <em>adds</em> its gradient (times the batch's loss scale) to
 * the gradient buffers of the model's parameters and of the loss's own ({@link #parameters()}).
 */
public interface Loss {

    String name();

    /** Parameters that belong to the loss (a learned {@code log Z}, log-flows), possibly none. */
    List<Parameter> parameters();

    /**
     * The learned scalar {@code log Z_θ} among {@link #parameters()}, if any: the trainer may give it a larger
     * learning rate than the networks ({@code TrainingConfig.Optimisation.logZLrScale}), since it must travel as
     * far as {@code log Z} itself (42.8 on mw50) while the networks only adjust.
     */
    default List<Parameter> logZParameters() {
        return List.of();
    }

    /** Whether paths are detached, so off-policy behaviours are allowed. */
    boolean offPolicy();

    LossValue evaluate(TrainingBatch batch);

    /**
     * State of the loss that is not a parameter but that an exact resume needs (iDEM's replay buffer), as named
     * matrices; none by default. The checkpoint stores it and {@link #restoreState} puts it back.
     */
    default Map<String, DMatrixRMaj> state() {
        return Map.of();
    }

    /** Restores what {@link #state()} returned (an empty map for a loss without state). */
    default void restoreState(Map<String, DMatrixRMaj> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(name() + " loss has no state; got " + state.keySet());
        }
    }
}
