package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.samplers.train.CheckpointPolicy;
import org.girsanov.samplers.train.Presets;
import org.girsanov.samplers.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code girsanov demo}: PIS trained with the log-variance loss on the 9-mode grid mixture, with a
 * protocol sized to finish in a few minutes on 2 cores, printed beside the published row.
 */
@CommandLine.Command(name = "demo", header = "train PIS with the log-variance loss on gmm9 in a few minutes and show the result",
        customSynopsis = "demo [--out DIR] [--threads T] [--checkpoint-seconds S] [--force] [--json]",
        description = {"Trains the Path Integral Sampler with the log-variance loss on the 9-mode Gaussian mixture",
            "(batch 256, 50 steps, 800 iterations, exploring with noise scale 2 decaying to 1), evaluates it on 10 000 paths and prints the metrics",
            "beside the published row (Richter & Berner, ICLR 2024, trained 60 000 steps on a GPU).",
            "Writes a run folder with metrics.json, samples.csv, config.json, the checkpoint and plots. A second demo",
            "replaces the previous demo run in its folder; a folder holding any other run is refused unless --force."})
public final class DemoCommand extends Command {
    @Option(names = "--out", paramLabel = "DIR", description = "run folder")
    Path out = Path.of("runs/demo");

    @Option(names = "--threads", paramLabel = "T", description = "worker threads")
    int threads = 2;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = Inputs.CHECKPOINT_SECONDS_HELP)
    double checkpointSeconds = CheckpointPolicy.DEFAULT_SECONDS;

    @Option(names = "--force", arity = "0..1", description = "replace a run other than a demo run in the folder")
    boolean force;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    /** The demo's protocol: fewer paths, steps and iterations than the quality suite's. */
    static TrainingConfig protocol(int threads) {
        return Presets.demo().withThreads(threads);
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) throws Exception {
        TrainingConfig c = protocol(Inputs.intIn("--threads", threads, 1, EvaluateCommand.MAX_THREADS));
        double seconds = Inputs.checkpointSeconds(checkpointSeconds);
        Path dir = out;
        Inputs.folder("--out", dir);
        if (!RunFolder.runFiles(dir).isEmpty() && TrainFlags.holdsRunOf(dir, c)) {
            err.println("demo: replacing the previous demo run in " + dir);
            RunFolder.clear(dir, true);
        } else {
            TrainFlags.claim(dir, force, false, "demo", err);
        }
        err.println("girsanov demo: PIS + log-variance loss on gmm9 (" + c.optimisation().batch() + " paths x "
                + c.time().steps() + " steps, " + c.optimisation().iterations() + " iterations, " + c.run().threads() + " threads)");
        return TrainCommand.finish(TrainRunner.run(c, dir, false,
                new TrainRunner.Options(10000, 1000, 0, true, Long.MAX_VALUE,
                        json ? TrainRunner.StopReport.json(stdout) : null, seconds), err), json, stdout, err);
    }
}
