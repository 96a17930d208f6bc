package org.girsanov.benchmarks.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.girsanov.benchmarks.cli.Args;
import org.girsanov.benchmarks.cli.Cli;
import org.girsanov.benchmarks.cli.Command;
import org.girsanov.benchmarks.cli.Flag;
import org.girsanov.benchmarks.cli.Json;
import org.girsanov.benchmarks.cli.UsageException;
import org.girsanov.benchmarks.cli.UserError;
import org.girsanov.benchmarks.quality.Protocol;
import org.girsanov.benchmarks.quality.PublishedRow;
import org.girsanov.samplers.targets.TargetSpecs;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * {@code girsanov bench quality}: the rows of the published table (plus TB rows) trained with the CPU
 * protocol, printed beside the published numbers; {@code girsanov bench perf}: the median time of a
 * PIS-LV training step.
 */
public final class BenchCommand implements Command {

    /** The quality-suite rows: every published row, plus trajectory balance on each target with PIS. */
    public static List<String> defaultRows() {
        List<String> rows = new ArrayList<>();
        for (PublishedRow r : PublishedRow.ALL) {
            rows.add(r.key());
        }
        for (String t : List.of("gmm9", "funnel10", "mw5", "mw50")) {
            rows.add(t + "/pis/tb");
        }
        return rows;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "bench quality (the published table), bench baselines (MCMC/AIS/SMC at a matched budget) or bench perf (training-step time)";
    }

    @Override
    public String usage() {
        return "bench quality [--rows T/S/L,...] [--out DIR] [--json]\n"
                + "bench baselines [--budget N] [--targets gmm9;funnel10;mw5]\n"
                + "bench perf [--batch B] [--steps N] [--threads T] [--repeats R] [--json]\n\n"
                + "quality: trains each row (target/sampler/loss, e.g. gmm9/pis/lv) with the CPU protocol and prints\n"
                + "our Δlog Z, ESS and Δstd beside the published numbers, with wall time and target evaluations;\n"
                + "writes quality.json and one run folder per row. perf: median ms of a PIS-LV training step on gmm9.\n"
                + "baselines: MALA, HMC, parallel tempering, AIS and SMC at a matched budget of score evaluations.";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.option("rows", "LIST", "comma-separated target/sampler/loss rows (default: all)"),
                Flag.option("out", "DIR", "output folder").withDefault("runs/quality"),
                Flag.option("iterations", "I", "override the protocol's iterations (for smoke runs)"),
                Flag.option("eval-paths", "K", "evaluation paths per row").withDefault(20000),
                Flag.option("batch", "B", "perf: batch").withDefault(512),
                Flag.option("steps", "N", "perf: time steps").withDefault(100),
                Flag.option("threads", "T", "worker threads").withDefault(2),
                Flag.option("repeats", "R", "perf: measured steps").withDefault(10),
                Flag.option("budget", "N", "baselines: score evaluations per method").withDefault(2_000_000),
                Flag.option("seed", "S", "baselines: seed").withDefault(1),
                Flag.option("targets", "LIST", "baselines: ;-separated targets").withDefault("gmm9;funnel10;mw5"),
                Cli.JSON_FLAG);
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        if (a.positionals().size() != 1) {
            throw new UsageException("bench: expected 'quality', 'baselines' or 'perf'");
        }
        switch (a.positionals().get(0)) {
            case "quality":
                return quality(a, out, err);
            case "perf":
                return perf(a, out, err);
            case "baselines":
                return baselines(a, out, err);
            default:
                throw new UsageException("bench: unknown benchmark '" + a.positionals().get(0) + "'; expected quality, baselines or perf");
        }
    }

    private int quality(Args a, PrintStream out, PrintStream err) throws Exception {
        List<String> rows = a.has("rows") ? Arrays.asList(a.getString("rows").split(",")) : defaultRows();
        Path dir = a.getPath("out");
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (String row : rows) {
            String[] p = row.trim().split("/");
            if (p.length != 3) {
                throw new UsageException("--rows: '" + row + "' is not target/sampler/loss");
            }
            String spec = Protocol.targetSpec(p[0]);
            TrainingConfig c = Protocol.of(spec, p[1], p[2]).withThreads(a.getInt("threads"));
            if (a.has("iterations")) {
                c = c.withIterations(a.getInt("iterations"));
            }
            err.println("== " + row + " (" + c.batch() + " paths x " + c.steps() + " steps, " + c.iterations() + " iterations)");
            Map<String, Object> m;
            try {
                TrainRunner.Outcome o = TrainRunner.run(c, dir.resolve(row.replace('/', '-')), false, a.getInt("eval-paths"),
                        2000, true, err);
                if (!o.finished()) {
                    // SIGINT/SIGTERM: the row's checkpoint is kept; the suite stops here
                    err.println("bench quality: interrupted during " + row + "; " + results.size() + " rows written to "
                            + dir.resolve("quality.json"));
                    return Cli.EXIT_INTERRUPTED;
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
            RunFolder.writeJson(dir.resolve("quality.json"), Json.object().with("rows", results).with("version", Cli.version()));
        }
        err.println();
        err.println(QualityTable.markdown(results));
        if (a.getBoolean("json")) {
            out.println(Json.write(Json.object().with("rows", results).with("version", Cli.version())));
        }
        if (failed > 0) {
            err.println("bench quality: " + failed + " of " + rows.size() + " rows failed (see the table)");
            return Cli.EXIT_USER_ERROR;
        }
        return Cli.EXIT_OK;
    }

    private int baselines(Args a, PrintStream out, PrintStream err) {
        long budget = a.getLong("budget");
        org.girsanov.benchmarks.baselines.BaselineBenchmark bench = new org.girsanov.benchmarks.baselines.BaselineBenchmark(
                budget, a.getLong("seed"), 5000, List.of(org.girsanov.benchmarks.baselines.SampleMetric.deltaStd(),
                org.girsanov.benchmarks.baselines.SampleMetric.sinkhorn(1000)));
        err.printf("baselines at %d score evaluations per method, seed %d, K = 5000 samples%n", budget, a.getLong("seed"));
        List<org.girsanov.benchmarks.baselines.BaselineBenchmark.Row> all = new ArrayList<>();
        for (String spec : a.getString("targets").split(";")) {
            all.addAll(bench.run(TrainRunner.parseTarget(Protocol.targetSpec(spec.strip()))));
        }
        out.print(bench.format(all));
        return Cli.EXIT_OK;
    }

    private int perf(Args a, PrintStream out, PrintStream err) throws Exception {
        TrainingConfig c = TrainingConfig.defaults("gmm9", "pis", "lv").withBatch(a.getInt("batch"))
                .withSteps(a.getInt("steps")).withThreads(a.getInt("threads")).withIterations(1000);
        int repeats = a.getInt("repeats");
        double[] ms = new double[repeats];
        try (Trainer t = new Trainer(c, TargetSpecs.parse("gmm9"))) {
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
        err.printf("PIS-LV training step on gmm9, batch %d, %d steps, %d threads: median %.1f ms over %d steps (3 warm-up)%n",
                c.batch(), c.steps(), c.threads(), median, repeats);
        if (a.getBoolean("json")) {
            out.println(Json.write(Json.object().with("median_step_ms", median).with("step_ms", ms).with("batch", c.batch())
                    .with("steps", c.steps()).with("threads", c.threads()).with("version", Cli.version())));
        }
        return Cli.EXIT_OK;
    }
}
