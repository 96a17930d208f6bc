package org.girsanov.samplers.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.LogDensityTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, as written there (with a tiny budget), so it keeps compiling and running. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void bananaExampleRuns() throws Exception {
        Target banana = new LogDensityTarget("banana", 2, (tape, x) -> {
            Var x1 = tape.slice(x, 0, 1), x2 = tape.slice(x, 1, 2);
            Var bend = tape.sub(x2, tape.square(x1));
            return tape.neg(tape.add(tape.scale(tape.square(x1), 0.5), tape.scale(tape.square(bend), 2.0)));
        });
        TrainingConfig config = TrainingConfig.defaults("banana", SamplerKind.PIS, LossKind.LV).withIterations(3).withBatch(16).withSteps(5);
        Path file = dir.resolve("banana.girsanov");
        try (Trainer trainer = new Trainer(config, banana)) {
            trainer.train(new TrainingListener() { }, file, () -> false);
            Evaluation ev = new Evaluator(64, 32, false).evaluate(trainer);
            assertEquals(3, trainer.iteration());
            assertTrue(Double.isFinite(ev.get("logZ_lb")) && ev.get("ess") > 0 && ev.get("ess") <= 1, ev.metrics().toString());
        }
        assertTrue(Files.size(file) > 0);
    }
}
