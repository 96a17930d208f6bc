package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.girsanov.samplers.metrics.DeltaStd;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target with reference moments but no exact sampler gets logZ_true and delta_std from the evaluator. */
class RealTargetEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void evaluatorUsesTheReference() throws Exception {
        Target t = new EightSchools(EightSchools.Form.NONCENTRED);
        assertFalse(t.hasExactSampler());
        TrainingConfig config = TrainingConfig.defaults("eight-schools:form=noncentred", org.girsanov.samplers.train.SamplerKind.PIS, org.girsanov.samplers.train.LossKind.LV).withIterations(2)
                .withBatch(16).withSteps(5);
        try (Trainer trainer = new Trainer(config, t)) {
            trainer.train(new TrainingListener() { }, dir.resolve("c.girsanov"), () -> false);
            Evaluation ev = new Evaluator(64, 32, false).evaluate(trainer);
            assertEquals(t.logZ().getAsDouble(), ev.get("logZ_true"), 1e-12);
            double expected = DeltaStd.compute(ev.samples(), t.reference().orElseThrow().std());
            assertEquals(expected, ev.get("delta_std"), 1e-12);
            assertTrue(!ev.metrics().containsKey("sinkhorn") && !ev.metrics().containsKey("eubo"), ev.metrics().toString());
        }
    }
}
