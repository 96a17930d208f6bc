package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.girsanov.cli.Args;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Flag;
import org.girsanov.samplers.train.Presets;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * {@code girsanov demo}: PIS trained with the log-variance loss on the 9-mode grid mixture, with a
 * protocol sized to finish in a few minutes on 2 cores, printed beside the published row.
 */
public final class DemoCommand implements Command {
    /** The demo's protocol: fewer paths, steps and iterations than the quality suite's. */
    static TrainingConfig protocol(int threads) {
        return Presets.demo().withThreads(threads);
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "train PIS with the log-variance loss on gmm9 in a few minutes and show the result";
    }

    @Override
    public String usage() {
        return "demo [--out DIR] [--threads T] [--checkpoint-seconds S] [--force] [--json]\n\n"
                + "Trains the Path Integral Sampler with the log-variance loss on the 9-mode Gaussian mixture\n"
                + "(batch 256, 50 steps, 800 iterations, exploring with noise scale 2 decaying to 1), evaluates it on 10 000 paths and prints the metrics\n"
                + "beside the published row (Richter & Berner, ICLR 2024, trained 60 000 steps on a GPU).\n"
                + "Writes a run folder with metrics.json, samples.csv, config.json, the checkpoint and plots. A second demo\n"
                + "replaces the previous demo run in its folder; a folder holding any other run is refused unless --force.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.option("out", "DIR", "run folder").withDefault("runs/demo"),
                Flag.option("threads", "T", "worker threads").withDefault(2), Inputs.checkpointSecondsFlag(),
                Flag.toggle("force", "replace a run other than a demo run in the folder"), Cli.JSON_FLAG);
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireAtMostPositionals(0);
        TrainingConfig c = protocol(Inputs.intIn(a, "threads", 1, EvaluateCommand.MAX_THREADS));
        double checkpointSeconds = Inputs.checkpointSeconds(a);
        Path dir = a.getPath("out");
        Inputs.folder("--out", dir);
        if (!RunFolder.runFiles(dir).isEmpty() && TrainFlags.holdsRunOf(dir, c)) {
            err.println("demo: replacing the previous demo run in " + dir);
            RunFolder.clear(dir, true);
        } else {
            TrainFlags.claim(dir, a.getBoolean("force"), false, "demo", err);
        }
        err.println("girsanov demo: PIS + log-variance loss on gmm9 (" + c.optimisation().batch() + " paths x "
                + c.time().steps() + " steps, " + c.optimisation().iterations() + " iterations, " + c.run().threads() + " threads)");
        boolean json = a.getBoolean("json");
        return TrainCommand.finish(TrainRunner.run(c, dir, false,
                new TrainRunner.Options(10000, 1000, 0, true, Long.MAX_VALUE,
                        json ? TrainRunner.StopReport.json(out) : null, checkpointSeconds), err), json, out, err);
    }
}
