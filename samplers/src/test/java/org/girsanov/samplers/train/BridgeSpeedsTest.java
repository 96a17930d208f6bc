package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.Bridge;
import org.junit.jupiter.api.Test;

/**
 * The bridge's inference control learns at {@link Bridge#INFERENCE_LR_SCALE} times the generative control's rate.
 * Adam's first step moves every parameter with a non-zero gradient by its learning rate exactly (bias-corrected
 * {@code m/√v = g/|g|}), so after one step the largest move of each group is its rate.
 */
class BridgeSpeedsTest {
    @Test
    void theInferenceControlMovesAtItsOwnRate() {
        double lr = 1e-3;
        TrainingConfig c = TrainingRunsTest.config(LossKind.LV, 1).toBuilder().sampler(SamplerKind.BRIDGE).steps(8).batch(64)
                .lr(lr).lrFinal(lr).clip(0).emaDecay(0).width(16).layers(1).build();
        try (Trainer t = new Trainer(c, TrainingRunsTest.GAUSS)) {
            double[] before = TrainingRunsTest.values(t);
            t.step();
            double[] after = TrainingRunsTest.values(t);
            double forward = 0;
            double backward = 0;
            int k = 0;
            for (Parameter p : t.parameters()) {
                double scale = t.model().learningRateScale(p);
                for (int i = 0; i < p.size(); i++, k++) {
                    double move = Math.abs(after[k] - before[k]);
                    if (p.name().startsWith("backward.")) {
                        assertEquals(Bridge.INFERENCE_LR_SCALE, scale, 0.0, p.name());
                        backward = Math.max(backward, move);
                    } else {
                        assertEquals(1.0, scale, 0.0, p.name());
                        forward = Math.max(forward, move);
                    }
                }
            }
            assertEquals(lr, forward, 0.01 * lr, "generative control");
            assertEquals(Bridge.INFERENCE_LR_SCALE * lr, backward, 0.01 * Bridge.INFERENCE_LR_SCALE * lr, "inference control");
            assertTrue(backward > 0, "the inference control did not learn at all");
        }
    }
}
