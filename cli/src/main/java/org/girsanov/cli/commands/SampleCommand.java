package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.io.Json;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.samplers.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code girsanov sample}: draws samples (and their log-weights) from a trained checkpoint. */
@CommandLine.Command(name = "sample", header = "draw samples from a trained checkpoint",
        customSynopsis = "sample --checkpoint FILE --n K --out samples.csv [--seed S] [--force] [--json]",
        description = "Simulates K paths of the trained sampler (EMA weights) and writes their end points as CSV.\n"
                + "An existing --out file is refused unless --force.")
public final class SampleCommand extends Command {
    static final long SAMPLE_STREAM = 31;
    /** The most samples one call draws. */
    static final int MAX_SAMPLES = 10_000_000;

    @Option(names = "--checkpoint", paramLabel = "FILE", required = true, description = "a checkpoint written by train or demo")
    Path checkpoint;

    @Option(names = "--n", paramLabel = "K", description = "number of samples")
    int n = 10000;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "which stream of samples")
    long seed = 0;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads")
    int threads = 2;

    @Option(names = "--force", arity = "0..1", description = "overwrite an existing --out file")
    boolean force;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    @Override
    public Map<String, Object> stopContext() {
        Map<String, Object> m = new LinkedHashMap<>(Checkpoints.describe(checkpoint));
        m.put("out", out.toAbsolutePath().toString()); // written atomically: whole or not at all
        return m;
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) throws Exception {
        int k = Inputs.intIn("--n", n, 1, MAX_SAMPLES);
        int t = Inputs.intIn("--threads", threads, 1, EvaluateCommand.MAX_THREADS);
        Inputs.newFile("--out", out, force);
        long t0 = System.nanoTime();
        try (Trainer trainer = Checkpoints.open(checkpoint, t)) {
            err.println("sampling " + k + " paths from " + checkpoint + " ...");
            PathBatch p = trainer.simulate(k, SAMPLE_STREAM, seed, true);
            RunFolder.writeSamples(out, p.endPoints());
            double secs = (System.nanoTime() - t0) / 1e9;
            err.printf("wrote %d samples of %s to %s (%.1f s)%n", k, trainer.target().name(), out, secs);
            if (json) {
                stdout.println(Json.write(Json.object().with("samples", out.toString()).with("n", k)
                        .with("target", trainer.config().targetSpec()).with("wall_seconds", secs)
                        .with("seed", seed).withAll(Build.info())));
            }
        }
        return Cli.EXIT_OK;
    }
}
