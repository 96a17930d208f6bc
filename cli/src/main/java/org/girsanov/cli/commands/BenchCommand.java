package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.benchmarks.baselines.BaselineBenchmark;
import org.girsanov.benchmarks.baselines.SampleMetric;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.io.Json;
import org.girsanov.cli.Shutdown;
import org.girsanov.cli.UsageException;
import org.girsanov.cli.UserError;
import org.girsanov.benchmarks.quality.Protocol;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.CheckpointPolicy;
import org.girsanov.samplers.train.Standardisation;
import org.girsanov.samplers.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code girsanov bench quality}: the rows of the published table (plus TB rows) trained with the CPU
 * protocol, printed beside the published numbers; {@code girsanov bench perf}: the median time of a
 * PIS-LV training step.
 */
@CommandLine.Command(name = "bench", header = "bench quality (the published table), bench baselines (MCMC/AIS/SMC at a matched"
        + " budget), bench efficiency (quality against target evaluations) or bench perf (training-step time)",
        customSynopsis = "bench quality [--rows T/S/L,...] [--seeds S,...] [--precision P] [--standardise HOW] [--out DIR] [--checkpoint-seconds S] [--resume | --force] [--json]",
        description = "bench table FILE.json [FILE.json ...] [--plot DIR] [--json]\n"
                + "bench baselines [--budget N] [--targets gmm9;funnel10;mw5] [--samples K] [--json]\n"
                + "bench efficiency [--target gmm40] [--methods pt,smc,pis-lv,...] [--budgets N,...] [--iterations I]\n"
                + "    [--samples K] [--prior-std S] [--seed S] [--threads T] [--out DIR] [--resume | --force] [--json]\n"
                + "bench perf [--target gmm9] [--batch B] [--steps N] [--threads T] [--repeats R] [--json]\n\n"
                + "quality: trains each row (target/sampler/loss, e.g. gmm9/pis/lv) with the CPU protocol and prints\n"
                + "our Δlog Z, ESS and Δstd beside the published numbers, with wall time and target evaluations;\n"
                + "writes quality.json and one run folder per row and seed (an --out holding them is refused unless --force);\n"
                + "--resume continues every row from the checkpoint its folder holds (an interrupted suite loses at most\n"
                + "--checkpoint-seconds of each row; a finished row is only evaluated again) and starts the rows that have none;\n"
                + "with several --seeds a row shows the mean ± std over them. table: one table from the quality.json files of\n"
                + "runs made in parts (rows are deterministic for a seed), each row naming the commit it was run at; with --plot\n"
                + "one PNG per target into DIR (quality-TARGET.png: ours beside the published Δlog Z lb, rw, ESS, Δstd, which\n"
                + "bench quality also writes into its --out).\n"
                + "perf: median ms of a PIS-LV training step on gmm9 (or --target). baselines: MALA, HMC, parallel tempering, AIS and\n"
                + "SMC at a matched budget of target evaluations (log-density plus score evaluations, counted alike for\n"
                + "every method; each stops at or just under it), " + BaselineBenchmark.BUDGET_RANGE + ".\n"
                + "efficiency: sample quality against target evaluations, one curve per method (He et al. 2025, Fig. 2):\n"
                + "PT and SMC once per budget, each neural sampler trained once with the CPU protocol and scored at\n"
                + "iterations 10, 30, 100, ...; Sinkhorn and mode coverage of K samples (default 1000) against exact ones;\n"
                + "writes efficiency.json (after every method) and two log-x plots in --out (default runs/efficiency);\n"
                + "--resume keeps the methods an interrupted run in --out finished and runs the rest.")
public final class BenchCommand extends Command {
    @Parameters(arity = "0..*", paramLabel = "WHAT", hidden = true)
    List<String> what = new ArrayList<>();

    @Option(names = "--rows", paramLabel = "LIST", description = "comma-separated target/sampler/loss rows (default: all)")
    String rows;

    @Option(names = "--seeds", paramLabel = "LIST", description = "quality: comma-separated root seeds, each row trained once per seed")
    String seeds = "0";

    @Option(names = "--out", paramLabel = "DIR", description = "output folder")
    Path out = Path.of("runs/quality");

    @Option(names = "--plot", paramLabel = "DIR", description = "table: write one plot per target (ours beside the published row) into DIR")
    Path plot;

    @Option(names = "--iterations", paramLabel = "I", description = "override the protocol's iterations (for smoke runs)")
    Integer iterations;

    @Option(names = "--eval-paths", paramLabel = "K", description = "evaluation paths per row (the published protocol's 100 000)")
    int evalPaths = 100_000;

    @Option(names = "--precision", paramLabel = "P", description = "quality: the control networks' hidden layers in float64"
            + " (the protocol's) or float32 (as train --precision)")
    String precision;

    @Option(names = "--standardise", paramLabel = "HOW", description = "quality: the coordinates the rows' samplers run in,"
            + " none (the protocol's), pilot or pilot-cov (as train --standardise)")
    String standardise;

    @Option(names = "--batch", paramLabel = "B", description = "perf: batch")
    int batch = 512;

    @Option(names = "--steps", paramLabel = "N", description = "perf: time steps")
    int steps = 100;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads")
    int threads = 2;

    @Option(names = "--repeats", paramLabel = "R", description = "perf: measured steps")
    int repeats = 10;

    @Option(names = "--budget", paramLabel = "N", description = "baselines: target evaluations per method")
    long budget = 2_000_000;

    @Option(names = "--seed", paramLabel = "S", description = "baselines: seed")
    long seed = 1;

    @Option(names = "--samples", paramLabel = "K", description = "baselines: samples per method, scored against K exact samples")
    int samples = 5000;

    @Option(names = "--targets", paramLabel = "LIST", description = "baselines: ;-separated targets")
    String targets = "gmm9;funnel10;mw5";

    @Option(names = "--target", paramLabel = "SPEC", description = "efficiency: the target (default gmm40; it needs an exact"
            + " sampler); perf: the target of the timed step (default gmm9)")
    String target;

    @Option(names = "--methods", paramLabel = "LIST", description = "efficiency: comma-separated methods: pt, smc, or"
            + " sampler[-loss] (default " + EfficiencyBench.DEFAULT_METHODS + ")")
    String methods;

    @Option(names = "--budgets", paramLabel = "LIST", description = "efficiency: increasing target-evaluation budgets of pt"
            + " and smc (default " + EfficiencyBench.DEFAULT_BUDGETS + ")")
    String budgets;

    @Option(names = "--prior-std", paramLabel = "S", description = "efficiency: σ of the start N(0, σ²I) of pt, smc and the"
            + " annealed samplers (cmcd, mcd, nets, ldvi, pinn)")
    double priorStd = 1.0;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = Inputs.CHECKPOINT_SECONDS_HELP)
    double checkpointSeconds = CheckpointPolicy.DEFAULT_SECONDS;

    @Option(names = "--force", arity = "0..1", description = "quality: replace the results an --out folder holds")
    boolean force;

    @Option(names = "--resume", arity = "0..1", description = "quality: continue each row from its folder's checkpoint (same"
            + " protocol required); efficiency: keep the methods the run in --out finished (same settings required)")
    boolean resume;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    /** The quality-suite rows: every published row, plus trajectory balance on each target with PIS. */
    public static List<String> defaultRows() {
        return QualityRows.defaultRows();
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) throws Exception {
        if (what.size() > 1 && !"table".equals(what.get(0))) {
            throw new UsageException("unexpected argument '" + what.get(1) + "' after bench " + what.get(0));
        }
        if (what.isEmpty() || (what.size() != 1 && !"table".equals(what.get(0)))) {
            throw new UsageException("bench: expected 'quality', 'table', 'baselines', 'efficiency' or 'perf'");
        }
        switch (what.get(0)) {
            case "quality":
                return quality(stdout, err);
            case "perf":
                return PerfBench.run(this, stdout, err);
            case "baselines":
                return baselines(stdout, err);
            case "table":
                return table(stdout, err);
            case "efficiency":
                return EfficiencyBench.run(this, stdout, err);
            default:
                throw new UsageException("bench: unknown benchmark '" + what.get(0) + "'; expected quality, table, baselines, efficiency or perf");
        }
    }

    private int quality(PrintStream out, PrintStream err) throws Exception {
        int threads = Inputs.intIn("--threads", this.threads, 1, EvaluateCommand.MAX_THREADS);
        int evalPaths = Inputs.intIn("--eval-paths", this.evalPaths, 2, EvaluateCommand.MAX_PATHS);
        Integer iterations = this.iterations != null ? Inputs.intIn("--iterations", this.iterations, 0, Integer.MAX_VALUE) : null;
        Precision precision;
        try {
            precision = this.precision == null ? Precision.FLOAT64 : Precision.parse("--precision", this.precision);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<QualityRows.Row> rows = QualityRows.plan(this.rows, QualityRows.seeds(seeds), threads, iterations, precision,
                standardise == null ? Standardisation.NONE : TrainFlags.standardiseValue(standardise));
        double checkpointSeconds = Inputs.checkpointSeconds(this.checkpointSeconds);
        Path dir = this.out;
        Inputs.folder("--out", dir);
        if (resume && force) {
            throw new UsageException("--resume continues the rows in --out and --force replaces them; give one");
        }
        if (Files.exists(dir.resolve("quality.json")) && !force && !resume) {
            throw new UserError("--out: " + dir + " already holds the results of a bench quality run (quality.json);"
                    + " pass --resume to continue it, --force to replace it, or give another --out");
        }
        Set<String> resumed = new HashSet<>();
        for (QualityRows.Row r : rows) {
            Path rowDir = r.folder(dir);
            if (resume && QualityRows.resumable(rowDir, r)) {
                resumed.add(r.name());
            } else {
                TrainFlags.claim(rowDir, force, false, "bench quality", err);
            }
        }
        Files.deleteIfExists(dir.resolve("quality.json")); // --force: the old table must not outlive an interrupted run
        if (Files.isDirectory(dir)) { // nor its per-target plots
            try (var old = Files.newDirectoryStream(dir, "quality-*.png")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        // Between rows a signal is seen here; during a row by the row's own handler (TrainRunner), which tells onStop.
        String[] current = {rows.isEmpty() ? null : rows.get(0).name()};
        Runnable note = () -> err.println("\nstopping: bench quality ends after the current row's iteration; its checkpoint is kept");
        try (Shutdown between = Shutdown.install(note, code -> stoppedQuality(json, out, results, current[0], null, code))) {
            for (QualityRows.Row qr : rows) {
                String row = qr.name();
                current[0] = row;
                if (between.isRequested()) {
                    err.println("bench quality: stopped before " + row + "; " + results.size() + " rows written to "
                            + dir.resolve("quality.json"));
                    stoppedQuality(json, out, results, row, null, between.exitCode());
                    return between.exitCode();
                }
                TrainingConfig c = qr.config();
                err.println("== " + row + " (" + c.optimisation().batch() + " paths x " + c.time().steps() + " steps, "
                        + c.optimisation().iterations() + " iterations)");
                Map<String, Object> m;
                try {
                    TrainRunner.Outcome o = TrainRunner.run(c, qr.folder(dir), resumed.contains(row),
                            TrainRunner.Options.of(evalPaths, 2000, true, checkpointSeconds,
                                    stop -> stoppedQuality(json, out, results, row, stop, stop.get("exitCode"))), err);
                    if (!o.finished()) {
                        // SIGINT/SIGTERM: the row's checkpoint is kept, its object written by onStop; the suite stops here
                        err.println("bench quality: interrupted during " + row + "; " + results.size() + " rows written to "
                                + dir.resolve("quality.json"));
                        return o.exitCode();
                    }
                    m = o.metrics();
                    err.print(TrainRunner.table(m));
                } catch (UserError e) {
                    // a row that fails (e.g. non-finite training) is reported in the table; the other rows still run
                    err.println("row " + row + " failed: " + e.getMessage());
                    m = TrainRunner.failedRow(c, e.getMessage());
                    failed++;
                }
                results.add(m);
                RunFolder.writeJson(dir.resolve("quality.json"), Json.object().with("rows", results).withAll(Build.info()));
            }
        }
        err.println();
        err.println(QualityTable.markdown(results));
        writePlots(results, dir, err);
        if (json) {
            out.println(Json.write(Json.object().with("rows", results).withAll(Build.info())));
        }
        if (failed > 0) {
            err.println("bench quality: " + failed + " of " + rows.size() + " rows failed (see the table)");
            return Cli.EXIT_USER_ERROR;
        }
        return Cli.EXIT_OK;
    }

    /**
     * The {@code --json} object of a stopped {@code bench quality}: the finished rows, the row it stopped in or before,
     * and — stopped during a row — that row's checkpoint and iteration (the keys of {@link TrainRunner.StopReport}).
     */
    private static void stoppedQuality(boolean json, PrintStream out, List<Map<String, Object>> rows, String row, Json.Obj stop,
            Object exitCode) {
        if (!json) {
            return;
        }
        Json.Obj o = Json.object().with("finished", false).with("stopped_during", row);
        if (stop != null) {
            o.with("checkpoint", stop.get("checkpoint")).with("iteration", stop.get("iteration"))
                    .with("run_folder", stop.get("run_folder")).with("row_stopped_during", stop.get("stopped_during"));
        } else {
            o.with("checkpoint", null).with("iteration", null);
        }
        out.println(Json.write(o.with("rows", List.copyOf(rows)).with("exitCode", exitCode).withAll(Build.info())));
        out.flush();
    }

    /** {@code bench table FILE...}: the quality table of the rows of several {@code quality.json} files. */
    private int table(PrintStream out, PrintStream err) throws java.io.IOException {
        if (what.size() < 2) {
            throw new UsageException("bench table: give one or more quality.json files written by bench quality");
        }
        Path plots = plot;
        if (plots != null) {
            Inputs.folder("--plot", plots);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String f : what.subList(1, what.size())) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new UserError("bench table: " + p + " is not a readable file; give the quality.json of a bench quality run");
            }
            Object parsed;
            try {
                parsed = Json.read(p);
            } catch (RuntimeException e) {
                throw new UserError("bench table: " + e.getMessage());
            }
            if (!(parsed instanceof Map<?, ?> m) || !(m.get("rows") instanceof List<?> list)) {
                throw new UserError("bench table: " + p + " has no \"rows\" list; expected the quality.json of bench quality");
            }
            for (Object r : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) r;
                rows.add(row);
            }
        }
        if (json) { // the rows of every file as one object; the table for people on stderr
            err.print(QualityTable.markdown(rows));
            out.println(Json.write(Json.object().with("rows", rows).withAll(Build.info())));
        } else {
            out.print(QualityTable.markdown(rows));
        }
        if (plots != null) {
            writePlots(rows, plots, err);
        }
        return Cli.EXIT_OK;
    }

    /** The per-target plots of {@code rows} into {@code dir} ({@link QualityTable#plots}); a failure is a warning. */
    private static void writePlots(List<Map<String, Object>> rows, Path dir, PrintStream err) {
        try {
            for (Path p : QualityTable.plots(rows, dir)) {
                err.println("plot: " + p);
            }
        } catch (IOException | RuntimeException e) {
            err.println("warning: the per-target plots were not written: " + e.getMessage());
        }
    }

    private int baselines(PrintStream out, PrintStream err) {
        int samples = Inputs.intIn("--samples", this.samples, 2, 100_000);
        BaselineBenchmark bench;
        try {
            bench = new BaselineBenchmark(budget, seed, samples, List.of(SampleMetric.deltaStd(), SampleMetric.sinkhorn(1000)));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<Target> targets = new ArrayList<>();
        for (String spec : this.targets.split(";", -1)) {
            if (spec.isBlank()) {
                throw new UserError("--targets: empty target in '" + this.targets + "' (targets are separated by ;)");
            }
            Target t = Inputs.target("--targets", Protocol.targetSpec(spec.strip()));
            if (!t.hasExactSampler() && t.reference().isEmpty()) {
                throw new UserError("--targets: " + spec.strip() + " has neither an exact sampler nor reference moments"
                        + " (girsanov reference) to score the samples against");
            }
            targets.add(t);
        }
        err.printf("baselines at %d target evaluations per method, seed %d, K = %d samples%n", budget, seed, samples);
        List<BaselineBenchmark.Row> all = new ArrayList<>();
        for (Target t : targets) {
            try {
                all.addAll(bench.run(t));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        (json ? err : out).print(bench.format(all));
        if (json) {
            out.println(Json.write(Json.object().with("budget", budget).with("seed", seed).with("samples", samples)
                    .with("rows", bench.json(all)).withAll(Build.info())));
        }
        return Cli.EXIT_OK;
    }
}
