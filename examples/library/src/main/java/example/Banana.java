package example;

import java.nio.file.Path;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.LogDensityTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.ProgressLog;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/** PIS with the log-variance loss on a banana-shaped density of our own, as the README shows it. */
public final class Banana {
    public static void main(String[] args) throws Exception {
        Target banana = new LogDensityTarget("banana", 2, (tape, x) -> {
            Var x1 = tape.slice(x, 0, 1), x2 = tape.slice(x, 1, 2);
            Var bend = tape.sub(x2, tape.square(x1));                       // x2 − x1²
            return tape.neg(tape.add(tape.scale(tape.square(x1), 0.5), tape.scale(tape.square(bend), 2.0)));
        });
        TrainingConfig config = TrainingConfig.defaults("banana", SamplerKind.PIS, LossKind.LV).withIterations(1000);
        try (Trainer trainer = new Trainer(config, banana)) {
            trainer.train(ProgressLog.to(System.err), Path.of("banana.girsanov"), () -> false);
            Evaluation ev = new Evaluator(10_000, 2_000, false).evaluate(trainer);
            System.out.println(ev.metrics());                               // logZ_lb, logZ_is, ess, ...
        }
    }
}
