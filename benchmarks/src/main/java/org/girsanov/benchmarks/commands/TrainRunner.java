package org.girsanov.benchmarks.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.girsanov.benchmarks.cli.Cli;
import org.girsanov.benchmarks.cli.Json;
import org.girsanov.benchmarks.cli.ProgressReporter;
import org.girsanov.benchmarks.cli.Shutdown;
import org.girsanov.benchmarks.cli.UserError;
import org.girsanov.benchmarks.quality.PublishedRow;
import org.girsanov.samplers.losses.NonFiniteException;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.targets.TargetSpecs;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.TrainingListener;

/** Trains, evaluates and writes a run folder; shared by {@code train}, {@code demo} and {@code bench quality}. */
final class TrainRunner {
    private TrainRunner() {
    }

    /** The outcome of a run: its metrics (keys of REFERENCE.md) and whether it finished. */
    record Outcome(Map<String, Object> metrics, boolean finished, Path dir) {
    }

    static Target parseTarget(String spec) {
        try {
            return TargetSpecs.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError("--target: " + e.getMessage());
        }
    }

    /**
     * Runs {@code config} (or resumes from {@code dir}'s checkpoint when {@code resume}), writing to
     * {@code dir}. Progress goes to {@code err}.
     */
    static Outcome run(TrainingConfig config, Path dir, boolean resume, int evalPaths, int sampleK, boolean plots,
                       PrintStream err) throws IOException {
        return run(config, dir, resume, evalPaths, sampleK, 0, plots, Long.MAX_VALUE, err);
    }

    /** As above; training stops (as if interrupted) once {@code stopAfter} iterations are done. */
    static Outcome run(TrainingConfig config, Path dir, boolean resume, int evalPaths, int sampleK, int refinements,
                       boolean plots, long stopAfter, PrintStream err) throws IOException {
        Target target = parseTarget(config.targetSpec());
        Files.createDirectories(dir);
        Path ckpt = RunFolder.checkpoint(dir);
        long start = System.nanoTime();
        Trainer trainer;
        if (resume && Files.exists(ckpt)) {
            UnaryOperator<TrainingConfig> keepThreads = c -> c.withThreads(config.threads());
            try {
                trainer = Trainer.resume(ckpt, target, keepThreads);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError("cannot resume from " + ckpt + ": " + e.getMessage(), e);
            }
            err.println("resuming " + ckpt + " at iteration " + trainer.iteration() + " of " + trainer.config().iterations());
        } else {
            if (resume) {
                err.println("no checkpoint at " + ckpt + "; starting a new run");
            }
            trainer = new Trainer(config, target);
        }
        Map<String, String> cfg = new LinkedHashMap<>(trainer.config().toMap());
        cfg.put("eval_paths", Integer.toString(evalPaths));
        RunFolder.writeJson(dir.resolve("config.json"), cfg);
        boolean finished;
        try (trainer; Shutdown shutdown = Shutdown.install(Duration.ofSeconds(30), () -> { })) {
            ProgressReporter progress = new ProgressReporter(err, System::nanoTime, trainer.config().iterations(),
                    Duration.ofSeconds(2), 0);
            Map<String, Double> last = new LinkedHashMap<>();
            TrainingListener listener = new TrainingListener() {
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
                public void message(String text) {
                    err.println(text);
                }
            };
            try {
                final Trainer tr = trainer;
                trainer.train(listener, ckpt, () -> shutdown.isRequested() || tr.iteration() >= stopAfter);
            } catch (NonFiniteException e) {
                throw new UserError("training stopped at iteration " + e.iteration() + ": " + e.quantity()
                        + " is not finite; the last good checkpoint is " + ckpt, e);
            }
            progress.finish();
            finished = trainer.iteration() >= trainer.config().iterations();
            if (!finished) {
                err.println("stopped at iteration " + trainer.iteration() + "; the checkpoint " + ckpt
                        + " is saved; continue with --resume");
                return new Outcome(Map.of("iteration", trainer.iteration()), false, dir);
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            err.println("evaluating on " + evalPaths + " paths ...");
            Evaluation ev = new Evaluator(evalPaths, sampleK, true, refinements).evaluate(trainer);
            Map<String, Object> m = metricsJson(trainer, ev, trainSeconds, (System.nanoTime() - start) / 1e9);
            RunFolder.writeJson(dir.resolve("metrics.json"), m);
            RunFolder.writeSamples(dir.resolve("samples.csv"), ev.samples());
            if (plots) {
                RunFolder.plots(dir, target, ev.samples(), trainer.history(),
                        trainer.config().sampler().toUpperCase() + "-" + trainer.config().loss().toUpperCase() + " on "
                                + target.name());
            }
            return new Outcome(m, true, dir);
        }
    }

    static Map<String, Object> metricsJson(Trainer trainer, Evaluation ev, double trainSeconds, double wallSeconds) {
        Json.Obj m = Json.object();
        TrainingConfig c = trainer.config();
        m.with("target", c.targetSpec()).with("sampler", c.sampler()).with("loss", c.loss());
        for (Map.Entry<String, Double> e : ev.metrics().entrySet()) {
            m.with(e.getKey(), e.getValue());
        }
        m.with("iterations", trainer.iteration());
        m.with("train_seconds", trainSeconds);
        m.with("wall_seconds", wallSeconds);
        m.with("seed", c.seed());
        m.with("threads", c.threads());
        m.with("version", Cli.version());
        withPublished(m, c);
        return m;
    }

    /** The quality-suite entry of a row whose training failed: its identity, the published numbers and {@code failed}. */
    static Map<String, Object> failedRow(TrainingConfig c, String message) {
        Json.Obj m = Json.object();
        m.with("target", c.targetSpec()).with("sampler", c.sampler()).with("loss", c.loss());
        m.with("failed", message);
        m.with("seed", c.seed());
        m.with("version", Cli.version());
        withPublished(m, c);
        return m;
    }

    /** Adds the published row of {@code c}'s (target, sampler, loss) under {@code published}, when there is one. */
    private static void withPublished(Json.Obj m, TrainingConfig c) {
        PublishedRow.find(publishedName(c.targetSpec()), c.sampler(), c.loss()).ifPresent(p -> m.with("published",
                Json.object().with("delta_logZ_lb", nullIfNaN(p.deltaLogZLb())).with("delta_logZ_is", nullIfNaN(p.deltaLogZIs()))
                        .with("ess", p.ess()).with("delta_std", p.deltaStd())));
    }

    private static Object nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The REFERENCE.md name of a target spec ({@code funnel:d=10} → funnel10). */
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
