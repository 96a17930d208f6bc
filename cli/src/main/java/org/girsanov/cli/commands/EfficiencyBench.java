package org.girsanov.cli.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.girsanov.benchmarks.baselines.EfficiencyCurves;
import org.girsanov.benchmarks.quality.Protocol;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.girsanov.cli.Plots;
import org.girsanov.cli.UsageException;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * {@code girsanov bench efficiency}: sample quality against target evaluations ({@link EfficiencyCurves}), one curve
 * per method, written to {@code efficiency.json} and two plots (Sinkhorn and mode coverage against evaluations on
 * a log axis) in {@code --out}. Every input is checked before any method runs.
 */
final class EfficiencyBench {
    /** The methods of He et al. 2025's Figure 2 that the library has. */
    static final String DEFAULT_METHODS = "pt,smc,pis-lv,dds-lv,cmcd-lv,nets";
    /** Budgets of the classical methods: half-decades from 3·10⁴ to 10⁷. */
    static final String DEFAULT_BUDGETS = "30000,100000,300000,1000000,3000000,10000000";
    /** Samples per point when {@code --samples} is not given (Sinkhorn's cost grows like K²). */
    static final int DEFAULT_SAMPLES = 1000;
    /** Files the command writes; an {@code --out} holding any of them is refused without {@code --force}. */
    static final List<String> FILES = List.of("efficiency.json", "efficiency-sinkhorn.png", "efficiency-coverage.png");

    private EfficiencyBench() {
    }

    static int run(BenchCommand a, PrintStream out, PrintStream err) throws IOException {
        String spec = Protocol.targetSpec(a.target != null ? a.target : "gmm40");
        Target target = Inputs.target("--target", spec);
        int samples = a.given("--samples") ? Inputs.intIn("--samples", a.samples, 10, 20_000) : DEFAULT_SAMPLES;
        long seed = a.seed;
        double sigma = a.priorStd;
        int threads = Inputs.intIn("--threads", a.threads, 1, EvaluateCommand.MAX_THREADS);
        int iterations = a.iterations != null ? Inputs.intIn("--iterations", a.iterations, 1, 10_000_000) : 0;
        EfficiencyCurves curves;
        try {
            curves = new EfficiencyCurves(target, spec, samples, seed, sigma);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String budgetList = a.budgets != null ? a.budgets : DEFAULT_BUDGETS;
        long[] budgets = budgets(budgetList);
        List<String> methods = List.of((a.methods != null ? a.methods : DEFAULT_METHODS).split(",", -1));
        Map<String, TrainingConfig> configs = new LinkedHashMap<>();
        for (String m : methods) {
            if (!EfficiencyCurves.CLASSICAL.contains(m)) {
                configs.put(m, neuralConfig(curves, m, threads, iterations));
            } else {
                try {
                    curves.checkBudgets(m, budgets);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
            }
        }
        if (configs.size() + methods.stream().filter(EfficiencyCurves.CLASSICAL::contains).distinct().count() != methods.size()) {
            throw new UserError("--methods: " + String.join(",", methods) + " names a method twice");
        }
        Path dir = a.given("--out") ? a.out : Path.of("runs/efficiency");
        boolean resume = a.resume;
        if (resume && a.force) {
            throw new UsageException("--resume continues the curves in --out and --force replaces them; give one");
        }
        Map<String, Object> settings = settings(spec, methods, budgets, iterations, samples, seed, sigma);
        List<EfficiencyCurves.Point> points = resume ? EfficiencyResume.finished(dir, settings, err) : new ArrayList<>();
        if (!resume) {
            claim(dir, a.force, err);
        }
        for (String m : methods) {
            if (points.stream().anyMatch(p -> p.method().equals(m))) {
                err.println("== " + m + ": finished in the run being resumed, kept");
                continue;
            }
            err.println("== " + m + (configs.containsKey(m) ? " (" + describe(configs.get(m)) + ")" : " (budgets " + budgetList + ")"));
            List<EfficiencyCurves.Point> curve;
            try {
                curve = configs.containsKey(m) ? curves.neural(m, configs.get(m),
                        EfficiencyCurves.snapshots(configs.get(m).optimisation().iterations())) : curves.classical(m, budgets);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            err.print(EfficiencyCurves.format(curve));
            points.addAll(curve);
            write(dir, target, settings, points);
        }
        points.removeIf(p -> "exact".equals(p.method()));
        EfficiencyCurves.Point floor = curves.exactFloor();
        points.add(floor);
        write(dir, target, settings, points);
        plot(dir, target, samples, points, floor);
        err.println();
        err.print(EfficiencyCurves.format(points));
        err.println("written: " + dir.resolve("efficiency.json") + " and the plots beside it");
        if (a.json) {
            out.println(Json.write(document(target, settings, points)));
        }
        return Cli.EXIT_OK;
    }

    private static TrainingConfig neuralConfig(EfficiencyCurves curves, String method, int threads, int iterations) {
        String[] parts = method.split("-", 2);
        if (!SamplerKind.ids().contains(parts[0]) || !SamplerKind.parse(parts[0]).learned()) {
            throw new UserError("--methods: '" + method + "' is neither a classical method (" + String.join(", ",
                    EfficiencyCurves.CLASSICAL) + ") nor a learned sampler, optionally with its loss (sampler-loss, e.g. "
                    + "pis-lv); samplers: " + String.join(", ", SamplerKind.ids()));
        }
        try {
            if (parts.length == 2) {
                LossKind.parse(parts[1]);
            }
            return curves.config(method, threads, iterations);
        } catch (IllegalArgumentException e) {
            throw new UserError("--methods: " + method + ": " + e.getMessage());
        }
    }

    static long[] budgets(String list) {
        String[] parts = list.split(",", -1);
        long[] b = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                b[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserError("--budgets: '" + parts[i] + "' is not a whole number of target evaluations");
            }
            if (b[i] < 1 || (i > 0 && b[i] <= b[i - 1])) {
                throw new UserError("--budgets: " + list + "; allowed: positive target evaluations, strictly increasing");
            }
        }
        return b;
    }

    private static String describe(TrainingConfig c) {
        return c.optimisation().batch() + " paths x " + c.time().steps() + " steps, " + c.optimisation().iterations()
                + " iterations";
    }

    private static void claim(Path dir, boolean force, PrintStream err) throws IOException {
        Inputs.creatable("--out", dir);
        List<String> present = FILES.stream().filter(f -> Files.exists(dir.resolve(f))).toList();
        if (!present.isEmpty() && !force) {
            throw new UserError("--out: " + dir + " already holds " + String.join(", ", present)
                    + "; pass --force to replace them, or give another --out");
        }
        for (String f : present) {
            err.println("bench efficiency: --force: replacing " + dir.resolve(f));
            Files.delete(dir.resolve(f));
        }
        Files.createDirectories(dir);
    }

    /**
     * What fixes the numbers of a run (not {@code --threads}, which never changes one): a resume must match it. The
     * methods are in order; {@code iterations} 0 is the protocol's.
     */
    static Map<String, Object> settings(String spec, List<String> methods, long[] budgets, int iterations, int samples,
                                        long seed, double sigma) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target_spec", spec);
        m.put("methods", List.copyOf(methods));
        List<Long> b = new ArrayList<>();
        for (long x : budgets) {
            b.add(x);
        }
        m.put("budgets", b);
        m.put("iterations", (long) iterations);
        m.put("samples", (long) samples);
        m.put("seed", seed);
        m.put("prior_std", sigma);
        return m;
    }

    private static Map<String, Object> document(Target target, Map<String, Object> settings,
                                                List<EfficiencyCurves.Point> points) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EfficiencyCurves.Point p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", p.method());
            m.put("target_evaluations", p.evaluations());
            m.put("iteration", p.iteration());
            m.put("sinkhorn", p.sinkhorn());
            m.put("mode_coverage", p.modeCoverage());
            m.put("wall_seconds", p.seconds());
            rows.add(m);
        }
        return Json.object().with("target", target.name()).with("samples", settings.get("samples"))
                .with("seed", settings.get("seed")).with("prior_std", settings.get("prior_std"))
                .with("settings", settings).with("points", rows).withAll(Build.info());
    }

    private static void write(Path dir, Target target, Map<String, Object> settings,
                              List<EfficiencyCurves.Point> points) throws IOException {
        RunFolder.writeJson(dir.resolve("efficiency.json"), document(target, settings, points));
    }

    private static void plot(Path dir, Target target, int samples, List<EfficiencyCurves.Point> points,
                             EfficiencyCurves.Point floor)
            throws IOException {
        Plots.lines(dir.resolve("efficiency-sinkhorn.png"), target.name() + ": Sinkhorn against target evaluations",
                "target evaluations", "Sinkhorn (K = " + samples + ")", series(points, EfficiencyCurves.Point::sinkhorn), true, true,
                Map.of("exact samples", floor.sinkhorn()));
        if (Double.isFinite(floor.modeCoverage())) {
            Plots.lines(dir.resolve("efficiency-coverage.png"), target.name() + ": mode coverage against target evaluations",
                    "target evaluations", "mode coverage (K = " + samples + ")", series(points, EfficiencyCurves.Point::modeCoverage), true, false,
                    Map.of("exact samples", floor.modeCoverage()));
        }
    }

    private static Map<String, double[][]> series(List<EfficiencyCurves.Point> points,
                                                  ToDoubleFunction<EfficiencyCurves.Point> y) {
        Map<String, List<EfficiencyCurves.Point>> byMethod = new LinkedHashMap<>();
        for (EfficiencyCurves.Point p : points) {
            if (!"exact".equals(p.method())) {
                byMethod.computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, double[][]> s = new LinkedHashMap<>();
        for (Map.Entry<String, List<EfficiencyCurves.Point>> e : byMethod.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(p -> p.evaluations()).toArray();
            double[] ys = e.getValue().stream().mapToDouble(y).toArray();
            s.put(e.getKey(), new double[][] {xs, ys});
        }
        return s;
    }
}
