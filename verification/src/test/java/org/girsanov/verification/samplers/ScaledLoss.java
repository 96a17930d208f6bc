package org.girsanov.verification.samplers;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.TrainingBatch;

/**
 * A deliberately wrong loss for the can-fail tests: evaluates {@code inner}, then multiplies the gradient it left in
 * the model's parameters by {@code factor} (assumes they were zero before, as in every check here).
 */
record ScaledLoss(Loss inner, double factor) implements Loss {
    @Override
    public String name() {
        return inner.name() + "x" + factor;
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }

    @Override
    public boolean offPolicy() {
        return inner.offPolicy();
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        LossValue v = inner.evaluate(b);
        for (Parameter p : b.model().parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.grad().data[i] *= factor;
            }
        }
        return v;
    }
}
