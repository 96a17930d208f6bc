package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.girsanov.cli.ProgressReporter;
import org.girsanov.cli.Shutdown;
import org.girsanov.cli.UserError;
import org.girsanov.benchmarks.quality.PublishedRow;
import org.girsanov.samplers.losses.NonFiniteException;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.CheckpointPolicy;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.Standardisation;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.TrainingListener;

/** Trains, evaluates and writes a run folder; shared by {@code train}, {@code demo} and {@code bench quality}. */
final class TrainRunner {
    private TrainRunner() {
    }

    /**
     * The outcome of a run: its metrics (keys of docs/targets-and-metrics.md) and whether it finished; {@code exitCode} is 0,
     * or that of the stop ({@link Shutdown#exitCode()}: 130 for SIGINT and {@code --stop-after}, 143 for SIGTERM).
     */
    record Outcome(Map<String, Object> metrics, boolean finished, Path dir, int exitCode) {
    }

    /**
     * What is told of a stopped run, on every stop (a second signal included): the object {@code finished: false},
     * {@code iteration} (of the checkpoint on disk), {@code checkpoint} (null if none was written yet),
     * {@code run_folder}, {@code stopped_during} and {@code exitCode}.
     */
    @FunctionalInterface
    interface StopReport {
        void stopped(Json.Obj stop);

        /** Writes the object as the {@code --json} output on {@code out}. */
        static StopReport json(PrintStream out) {
            return stop -> {
                out.println(Json.write(stop.withAll(Build.info())));
                out.flush();
            };
        }
    }

    /**
     * How a run is evaluated, checkpointed and reported: evaluation paths, points for the sample metrics, grid
     * refinements, plots, the iteration to stop at as if interrupted, who is told of a stopped run ({@code null}: no
     * one), and the least wall time between two checkpoints besides the config's iteration interval
     * ({@link CheckpointPolicy}; 0: none by time).
     */
    record Options(int evalPaths, int sampleK, int refinements, boolean plots, long stopAfter, StopReport onStop,
                   double checkpointSeconds, boolean signals) {
        Options(int evalPaths, int sampleK, int refinements, boolean plots, long stopAfter, StopReport onStop,
                double checkpointSeconds) {
            this(evalPaths, sampleK, refinements, plots, stopAfter, onStop, checkpointSeconds, true);
        }

        static Options of(int evalPaths, int sampleK, boolean plots, double checkpointSeconds, StopReport onStop) {
            return new Options(evalPaths, sampleK, 0, plots, Long.MAX_VALUE, onStop, checkpointSeconds);
        }

        /**
         * A run inside another engine's task (a Spark executor): no plots, no one told of a stop, and no signal
         * handlers — the engine owns the process's signals, and two rows may run at once in one JVM.
         */
        static Options embedded(int evalPaths, int sampleK, double checkpointSeconds) {
            return new Options(evalPaths, sampleK, 0, false, Long.MAX_VALUE, null, checkpointSeconds, false);
        }
    }

    static Target parseTarget(String spec) {
        return Inputs.target("--target", spec);
    }

    /**
     * Runs {@code config} — or, when {@code resume}, continues {@code dir}'s checkpoint with {@code config}
     * (the checkpoint's own config with the allowed changes applied, see {@link ResumeCheck}) — writing to
     * {@code dir}. Progress goes to {@code err}. The caller has checked every input and the folder. A sampler that
     * learns nothing (rdmc) is run and evaluated by {@link RdmcRunner}.
     */
    static Outcome run(TrainingConfig config, Path dir, boolean resume, Options o, PrintStream err) throws IOException {
        if (!config.sampler().learned()) {
            return RdmcRunner.run(config, dir, o, err); // nothing to train, resume or checkpoint
        }
        Target target = parseTarget(config.targetSpec());
        Files.createDirectories(dir);
        RunFolder.removeStaleTemporaries(dir);
        Path ckpt = RunFolder.checkpoint(dir);
        long start = System.nanoTime();
        Trainer trainer;
        if (resume) {
            try {
                trainer = Trainer.resume(ckpt, target, c -> config);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError("cannot resume from " + ckpt + ": " + e.getMessage(), e);
            }
            err.println("resuming " + ckpt + " at iteration " + trainer.iteration() + " of "
                    + config.optimisation().iterations()
                    + String.format(Locale.ROOT, " (%.1f s of training so far)", trainer.trainingSeconds()));
            if (trainer.iteration() < config.optimisation().iterations()) {
                RunFolder.clear(dir, false); // the results of an earlier finish no longer describe the checkpoint
            }
        } else {
            trainer = new Trainer(config, target);
        }
        RunFolder.writeConfig(dir, trainer.config(), o.evalPaths());
        AtomicLong saved = new AtomicLong(resume ? trainer.iteration() : -1);
        AtomicReference<String> stage = new AtomicReference<>("training"); // read by the signal thread
        try (trainer; Shutdown shutdown = !o.signals() ? Shutdown.withoutSignals() : Shutdown.install(
                () -> err.println("\nstopping: " + (stage.get().equals("training") ? "after the current iteration"
                        : "the training is done and checkpointed; press Ctrl-C again to skip the " + stage.get())),
                code -> {
                    err.println("stopped now; the last checkpoint is kept");
                    report(o, dir, saved.get(), stage.get(), code);
                })) {
            ProgressReporter progress = new ProgressReporter(err, System::nanoTime,
                    trainer.config().optimisation().iterations(), Duration.ofSeconds(2), 0);
            TrainingListener listener = listener(progress, saved, err);
            err.println("training to iteration " + trainer.config().optimisation().iterations() + " (checkpoint " + ckpt
                    + " "
                    + checkpointTimes(trainer.config(), o.checkpointSeconds())
                    + (o.signals() ? "; Ctrl-C stops after the current iteration and keeps it)" : ")"));
            try {
                final Trainer tr = trainer;
                trainer.train(listener, ckpt, () -> shutdown.isRequested() || tr.iteration() >= o.stopAfter(),
                        CheckpointPolicy.everySeconds(o.checkpointSeconds()));
            } catch (NonFiniteException e) {
                throw new UserError("training stopped at iteration " + e.iteration() + ": " + e.quantity()
                        + " is not finite; the last good checkpoint is " + ckpt, e);
            }
            progress.finish();
            if (trainer.iteration() < trainer.config().optimisation().iterations()) {
                err.println("stopped at iteration " + trainer.iteration() + "; the checkpoint " + ckpt
                        + " is saved; continue with --resume");
                int code = shutdown.exitCode();
                report(o, dir, trainer.iteration(), stage.get(), code);
                return new Outcome(Map.of("iteration", trainer.iteration()), false, dir, code);
            }
            stage.set("evaluation");
            err.println("evaluating on " + o.evalPaths() + " paths ...");
            Evaluation ev = new Evaluator(o.evalPaths(), o.sampleK(), true, o.refinements()).evaluate(trainer);
            Map<String, Object> m = metricsJson(trainer, ev, (System.nanoTime() - start) / 1e9);
            stage.set("plots");
            RunFolder.writeJson(dir.resolve("metrics.json"), m);
            RunFolder.writeSamples(dir.resolve("samples.csv"), ev.samples());
            if (o.plots()) {
                RunFolder.plots(dir, target, ev.samples(), trainer.history(),
                        trainer.config().sampler().id().toUpperCase() + "-" + trainer.config().loss().id().toUpperCase() + " on "
                                + target.name());
            }
            return new Outcome(m, true, dir, Cli.EXIT_OK);
        }
    }

    /** Tells {@code o.onStop()} of a stopped run: the iteration of the checkpoint on disk (none: -1). */
    private static void report(Options o, Path dir, long iteration, String stage, int exitCode) {
        if (o.onStop() != null) {
            o.onStop().stopped(Json.object().with("finished", false).with("iteration", Math.max(0, iteration))
                    .with("checkpoint", iteration < 0 ? null : RunFolder.checkpoint(dir).toAbsolutePath().toString())
                    .with("run_folder", dir.toString()).with("stopped_during", stage).with("exitCode", exitCode));
        }
    }

    private static TrainingListener listener(ProgressReporter progress, AtomicLong saved, PrintStream err) {
        Map<String, Double> last = new LinkedHashMap<>();
        return new TrainingListener() {
            @Override
            public void step(long iteration, long total, double loss, int excluded) {
                progress.update(iteration, loss, last);
            }

            @Override
            public void evaluated(long iteration, double ess, double lb, double is) {
                last.put("ess", ess);
                last.put("logZ_lb", lb);
                last.put("logZ_is", is);
            }

            @Override
            public void checkpointed(long iteration, Path file) {
                saved.set(iteration);
            }

            @Override
            public void message(String text) {
                err.println(text);
            }
        };
    }

    /** When checkpoints are written: "every 60 s, every 500 iterations, at the end", or the part that applies. */
    private static String checkpointTimes(TrainingConfig c, double seconds) {
        java.util.List<String> when = new java.util.ArrayList<>();
        if (seconds > 0) {
            when.add("every " + (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds)) + " s");
        }
        if (c.run().checkpointEvery() > 0) {
            when.add("every " + c.run().checkpointEvery() + " iterations");
        }
        when.add("at the end");
        return String.join(", ", when);
    }

    /**
     * The metrics of a finished run: {@code train_seconds} is the training time of every segment of the run,
     * resumes included, {@code segment_train_seconds} that of this process, and {@code wall_seconds} the earlier
     * segments' training time plus this process's {@code segmentWallSeconds} (start to evaluation's end).
     */
    static Map<String, Object> metricsJson(Trainer trainer, Evaluation ev, double segmentWallSeconds) {
        Json.Obj m = Json.object();
        TrainingConfig c = trainer.config();
        m.with("target", c.targetSpec()).with("sampler", c.sampler().id()).with("loss", c.loss().id());
        if (c.time().standardise() != Standardisation.NONE) { // the coordinates, when not the target's own
            m.with("standardise", c.time().standardise().id());
        }
        m.withAll(ev.all());
        m.with("iterations", trainer.iteration());
        m.with("train_seconds", trainer.trainingSeconds());
        m.with("segment_train_seconds", trainer.segmentSeconds());
        m.with("wall_seconds", trainer.trainingSeconds() - trainer.segmentSeconds() + segmentWallSeconds);
        m.with("seed", c.run().seed());
        m.with("threads", c.run().threads());
        m.withAll(Build.info());
        withPublished(m, c);
        return m;
    }

    /** The quality-suite entry of a row whose training failed: its identity, the published numbers and {@code failed}. */
    static Map<String, Object> failedRow(TrainingConfig c, String message) {
        Json.Obj m = Json.object();
        m.with("target", c.targetSpec()).with("sampler", c.sampler().id()).with("loss", c.loss().id());
        if (c.time().standardise() != Standardisation.NONE) { // the coordinates, when not the target's own
            m.with("standardise", c.time().standardise().id());
        }
        m.with("failed", message);
        m.with("seed", c.run().seed());
        m.withAll(Build.info());
        withPublished(m, c);
        return m;
    }

    /** Adds the published row of {@code c}'s (target, sampler, loss) under {@code published}, when there is one. */
    private static void withPublished(Json.Obj m, TrainingConfig c) {
        PublishedRow.find(publishedName(c.targetSpec()), c.sampler().id(), c.loss().id()).ifPresent(p -> m.with("published",
                Json.object().with("delta_logZ_lb", nullIfNaN(p.deltaLogZLb())).with("delta_logZ_is", nullIfNaN(p.deltaLogZIs()))
                        .with("ess", p.ess()).with("delta_std", p.deltaStd())));
    }

    private static Object nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The docs/targets-and-metrics.md name of a target spec ({@code funnel:d=10} → funnel10). */
    static String publishedName(String spec) {
        switch (spec.replace(" ", "")) {
            case "funnel:d=10":
            case "funnel10":
                return "funnel10";
            case "manywell:d=5,w=5,delta=4":
            case "mw5":
                return "mw5";
            case "manywell:d=50,w=5,delta=2":
            case "mw50":
                return "mw50";
            default:
                return spec;
        }
    }

    /** A human table of our metrics beside the published row. */
    static String table(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        Object pub = m.get("published");
        @SuppressWarnings("unchecked")
        Map<String, Object> p = pub instanceof Map ? (Map<String, Object>) pub : Map.of();
        sb.append(String.format("%-16s %12s %12s%n", "metric", "ours", "published"));
        row(sb, "Δlog Z (lb)", m.get("delta_logZ_lb"), p.get("delta_logZ_lb"));
        row(sb, "Δlog Z (is)", m.get("delta_logZ_is"), p.get("delta_logZ_is"));
        row(sb, "ESS", m.get("ess"), p.get("ess"));
        row(sb, "Δstd", m.get("delta_std"), p.get("delta_std"));
        row(sb, "log Z (lb)", m.get("logZ_lb"), null);
        row(sb, "log Z (is)", m.get("logZ_is"), null);
        row(sb, "log Z (true)", m.get("logZ_true"), null);
        row(sb, "EUBO", m.get("eubo"), null);
        row(sb, "Sinkhorn", m.get("sinkhorn"), null);
        row(sb, "wall seconds", m.get("wall_seconds"), null);
        row(sb, "target evals", m.get("target_evaluations"), null);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Object ours, Object published) {
        if (ours == null && published == null) {
            return;
        }
        sb.append(String.format("%-16s %12s %12s%n", name, fmt(ours), fmt(published)));
    }

    private static String fmt(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Math.abs(d) >= 1e5 ? String.format("%.3e", d) : String.format("%.4f", d);
        }
        return v == null ? "—" : v.toString();
    }
}
