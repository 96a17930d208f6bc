package org.girsanov.cli.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.cli.Args;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Flag;
import org.girsanov.io.Json;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.samplers.train.Trainer;

/** {@code girsanov sample}: draws samples (and their log-weights) from a trained checkpoint. */
public final class SampleCommand implements Command {
    static final long SAMPLE_STREAM = 31;
    /** The most samples one call draws. */
    static final int MAX_SAMPLES = 10_000_000;

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String summary() {
        return "draw samples from a trained checkpoint";
    }

    @Override
    public String usage() {
        return "sample --checkpoint FILE --n K --out samples.csv [--seed S] [--force] [--json]\n\n"
                + "Simulates K paths of the trained sampler (EMA weights) and writes their end points as CSV.\n"
                + "An existing --out file is refused unless --force.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.required("checkpoint", "FILE", "a checkpoint written by train or demo"),
                Flag.option("n", "K", "number of samples").withDefault(10000),
                Flag.required("out", "FILE", "CSV file to write"),
                Flag.option("seed", "S", "which stream of samples").withDefault(0),
                Flag.option("threads", "T", "worker threads").withDefault(2),
                Flag.toggle("force", "overwrite an existing --out file"), Cli.JSON_FLAG);
    }

    @Override
    public Map<String, Object> stopContext(Args a) {
        Map<String, Object> m = new LinkedHashMap<>(Checkpoints.describe(a.getPath("checkpoint")));
        m.put("out", a.getPath("out").toAbsolutePath().toString()); // written atomically: whole or not at all
        return m;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireAtMostPositionals(0);
        int n = Inputs.intIn(a, "n", 1, MAX_SAMPLES);
        int threads = Inputs.intIn(a, "threads", 1, EvaluateCommand.MAX_THREADS);
        Path file = a.getPath("out");
        Inputs.newFile("--out", file, a.getBoolean("force"));
        long t0 = System.nanoTime();
        try (Trainer t = Checkpoints.open(a.getPath("checkpoint"), threads)) {
            err.println("sampling " + n + " paths from " + a.getPath("checkpoint") + " ...");
            PathBatch p = t.simulate(n, SAMPLE_STREAM, a.getLong("seed"), true);
            RunFolder.writeSamples(file, p.endPoints());
            double secs = (System.nanoTime() - t0) / 1e9;
            err.printf("wrote %d samples of %s to %s (%.1f s)%n", n, t.target().name(), file, secs);
            if (a.getBoolean("json")) {
                out.println(Json.write(Json.object().with("samples", file.toString()).with("n", n)
                        .with("target", t.config().targetSpec()).with("wall_seconds", secs)
                        .with("seed", a.getLong("seed")).withAll(Build.info())));
            }
        }
        return Cli.EXIT_OK;
    }
}
