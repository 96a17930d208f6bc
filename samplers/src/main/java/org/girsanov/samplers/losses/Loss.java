package org.girsanov.samplers.losses;

import java.util.List;
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
}
