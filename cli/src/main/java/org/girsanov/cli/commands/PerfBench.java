package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.util.Arrays;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * {@code girsanov bench perf}: the median wall time of a PIS-LV training step (3 warm-up steps first), on gmm9 or the
 * {@code --target} given (e.g. {@code lgcp}, d = 1 600).
 */
final class PerfBench {
    private PerfBench() {
    }

    static int run(BenchCommand a, PrintStream out, PrintStream err) throws Exception {
        String spec = a.target != null ? a.target : "gmm9";
        Target target = Inputs.target("--target", spec);
        TrainingConfig c = TrainingConfig.defaults(spec, SamplerKind.PIS, LossKind.LV)
                .withBatch(Inputs.intIn("--batch", a.batch, 1, 1_000_000))
                .withSteps(Inputs.intIn("--steps", a.steps, 1, 100_000)).withThreads(Inputs.intIn("--threads", a.threads, 1, EvaluateCommand.MAX_THREADS))
                .withIterations(1000);
        int repeats = Inputs.intIn("--repeats", a.repeats, 1, 1000);
        double[] ms = new double[repeats];
        try (Trainer t = new Trainer(c, target)) {
            for (int i = 0; i < 3; i++) {
                t.step();
            }
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                t.step();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = repeats % 2 == 1 ? sorted[repeats / 2] : 0.5 * (sorted[repeats / 2 - 1] + sorted[repeats / 2]);
        err.printf("PIS-LV training step on %s, batch %d, %d steps, %d threads: median %.1f ms over %d steps (3 warm-up)%n",
                target.name(),
                c.optimisation().batch(), c.time().steps(), c.run().threads(), median, repeats);
        if (a.json) {
            out.println(Json.write(Json.object().with("median_step_ms", median).with("target", target.name()).with("step_ms", ms).with("batch",
                    c.optimisation().batch()).with("steps", c.time().steps()).with("threads", c.run().threads())
                    .withAll(Build.info())));
        }
        return Cli.EXIT_OK;
    }
}
