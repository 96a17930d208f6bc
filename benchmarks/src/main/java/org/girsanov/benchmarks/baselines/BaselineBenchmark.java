package org.girsanov.benchmarks.baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.annealed.AnnealedResult;
import org.girsanov.samplers.mcmc.EvaluationCounter;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.targets.Target;
import org.girsanov.io.TargetSpecs;

/**
 * The classical baselines (MALA, HMC, parallel tempering, AIS, SMC) on gmm9, funnel10 and mw5 at an equal
 * budget of target evaluations: log-density plus score evaluations, one per point each, counted alike for every
 * method; each method runs as many steps as keep it at or just under the budget ({@link Budgets}). Prints, per row: evaluations, {@code Δlog Z = |log Ẑ − log Z|} (AIS/SMC), ESS (AIS/SMC),
 * every {@link SampleMetric} (default Δstd) on {@code K} samples against {@code K} exact samples, the
 * acceptance and wall time.
 *
 * <p>Allocation of the budget B (steps: as many as fit in B): MALA 500 chains (20% warm-up); HMC 500 chains, L = 10;
 * PT 10 rungs (β_min = 0.01, MALA moves) × 100 chains; AIS and SMC 1000 particles, MALA transitions,
 * one per level, the number of levels K as many as fit, {@code β_k = (k/K)²}, SMC resampling at ESS &lt; 0.5. MCMC chains start from the same
 * prior {@code N(0, σ²I)} the annealed methods use. MCMC samples: the last K/chains states of each chain
 * after warm-up (thinned); annealed samples: the particles systematically resampled by their weights. A last
 * row per target, {@code exact}, scores a second independent set of exact samples: the metrics' floor at K.
 *
 * <p>Usage: {@code BaselineBenchmark [--budget 2000000] [--seed 1] [--samples 5000] [--targets gmm9,funnel10,mw5]}; target specs
 * with parameters ({@link TargetSpecs}) are separated by {@code ;} instead, e.g. {@code --targets "funnel:d=5,scale=2;mw5"}.
 */
public final class BaselineBenchmark {
    private final long budget;
    private final long seed;
    private final int samples;
    private final List<SampleMetric> metrics;

    /** @throws IllegalArgumentException naming {@code --budget} when it lies outside {@link #budgetRange()} */
    public BaselineBenchmark(long budget, long seed, int samples, List<SampleMetric> metrics) {
        if (budget < Budgets.MIN_BUDGET || budget > Budgets.MAX_BUDGET) {
            throw new IllegalArgumentException("--budget: " + budget + " is out of range; allowed: " + budgetRange());
        }
        if (samples < 2) {
            throw new IllegalArgumentException("--samples: " + samples + " must be >= 2");
        }
        this.budget = budget;
        this.seed = seed;
        this.samples = samples;
        this.metrics = List.copyOf(metrics);
    }

    /** The budgets accepted, for messages and help (a constant): {@code "200000 to 10000000000 target evaluations"}. */
    public static final String BUDGET_RANGE = Budgets.MIN_BUDGET + " to " + Budgets.MAX_BUDGET + " target evaluations";

    /** {@link #BUDGET_RANGE}. */
    public static String budgetRange() {
        return BUDGET_RANGE;
    }

    /** σ of the prior {@code N(0, σ²I)} per target (covers the modes). */
    static double priorSigma(Target t) {
        switch (t.name()) {
            case "gmm9":
                return 5.0;
            case "funnel10":
                return 3.0;
            default:
                return 2.0;
        }
    }

    /** One table row. */
    public static final class Row {
        final String target;
        final String method;
        final EvaluationCounter evaluations;
        final double deltaLogZ;
        final double ess;
        final double[] metricValues;
        final double acceptance;
        final double seconds;

        Row(String target, String method, EvaluationCounter evaluations, double deltaLogZ, double ess,
            double[] metricValues, double acceptance, double seconds) {
            this.target = target;
            this.method = method;
            this.evaluations = evaluations;
            this.deltaLogZ = deltaLogZ;
            this.ess = ess;
            this.metricValues = metricValues;
            this.acceptance = acceptance;
            this.seconds = seconds;
        }
    }

    /** Runs every method on {@code target}, each stopping at or just under the budget of target evaluations. */
    public List<Row> run(Target target) {
        List<Row> rows = new ArrayList<>();
        double sigma = priorSigma(target);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        if (!target.hasExactSampler() && target.reference().isEmpty()) {
            throw new IllegalArgumentException("--targets: " + target.name() + " has neither an exact sampler nor reference"
                    + " moments to score the samples against");
        }
        // a real posterior has no exact sampler: Δstd is then taken against its reference moments, Sinkhorn is "—"
        DMatrixRMaj exact = target.hasExactSampler() ? target.sample(samples, rng) : null;
        for (BaselineMethods.Method m : BaselineMethods.all(target, sigma, samples)) {
            long steps = Budgets.steps(m.name(), target, budget, m.run());
            long t0 = System.nanoTime();
            Object r = m.run().apply(steps, rng);
            double secs = (System.nanoTime() - t0) * 1e-9;
            Budgets.check(m.name(), target, budget, Budgets.evaluations(r));
            rows.add(r instanceof McmcResult mr ? mcmc(target, m.name(), exact, mr, secs)
                    : annealed(target, m.name(), exact, rng, (AnnealedResult) r, secs));
        }
        if (exact != null) {
            rows.add(exactFloor(target, exact, rng));
        }
        return rows;
    }

    /**
     * The metrics' finite-sample floor: a second set of exact samples, independent of the reference set,
     * scored like the baselines (no target evaluations). A sampler cannot be told apart from exact below it.
     */
    private Row exactFloor(Target target, DMatrixRMaj exact, UniformRandomProvider rng) {
        long t0 = System.nanoTime();
        DMatrixRMaj s = target.sample(exact.numRows, rng);
        double secs = (System.nanoTime() - t0) * 1e-9;
        return new Row(target.name(), "exact", new EvaluationCounter(), Double.NaN, Double.NaN, metrics(target, s, exact),
                Double.NaN, secs);
    }

    private Row mcmc(Target target, String method, DMatrixRMaj exact, McmcResult r, double secs) {
        DMatrixRMaj s = BaselineMethods.samples(r, samples, null);
        return new Row(target.name(), method, r.evaluations(), Double.NaN, Double.NaN, metrics(target, s, exact),
                r.acceptanceRate(), secs);
    }

    private Row annealed(Target target, String method, DMatrixRMaj exact, UniformRandomProvider rng, AnnealedResult r,
                         double secs) {
        double dz = target.logZ().isPresent() ? Math.abs(r.logZ() - target.logZ().getAsDouble()) : Double.NaN;
        DMatrixRMaj s = BaselineMethods.samples(r, samples, rng);
        return new Row(target.name(), method, r.evaluations(), dz, r.ess(),
                metrics(target, s, exact == null ? null : sub(exact, s.numRows)),
                r.acceptanceRate(), secs);
    }

    /** The metrics of {@code s} against {@code exact} ({@code null}: none): the hook for further sample metrics. */
    public double[] metrics(Target target, DMatrixRMaj s, DMatrixRMaj exact) {
        double[] v = new double[metrics.size()];
        for (int m = 0; m < v.length; m++) {
            v[m] = metrics.get(m).value(target, s, exact);
        }
        return v;
    }

    private static DMatrixRMaj sub(DMatrixRMaj x, int k) {
        return x.numRows <= k ? x : BaselineMethods.rows(x, 0, k);
    }

    /** The table, one line per row. */
    public String format(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        int width = rows.stream().mapToInt(r -> r.target.length()).max().orElse(0);
        String targetColumn = "%-" + Math.max(10, width) + "s";
        b.append(String.format(Locale.ROOT, targetColumn + " %-10s %12s %12s %9s %7s", "target", "method", "target evals",
                "grad evals", "Δlog Z", "ESS"));
        for (SampleMetric m : metrics) {
            b.append(String.format(Locale.ROOT, " %9s", m.name()));
        }
        b.append(String.format(Locale.ROOT, " %7s %8s%n", "accept", "time s"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, targetColumn + " %-10s %12d %12d %9s %7s", r.target, r.method,
                    r.evaluations.total(), r.evaluations.gradientEvaluations(), fmt(r.deltaLogZ, 3),
                    fmt(r.ess, 4)));
            for (double v : r.metricValues) {
                b.append(String.format(Locale.ROOT, " %9s", fmt(v, 3)));
            }
            b.append(String.format(Locale.ROOT, " %7s %8.2f%n", fmt(r.acceptance, 3), r.seconds));
        }
        return b.toString();
    }

    /** The rows as JSON values: one object per row with the table's columns, {@code null} for "—". */
    public List<Map<String, Object>> json(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", r.target);
            m.put("method", r.method);
            m.put("target_evaluations", r.evaluations.total());
            m.put("density_evaluations", r.evaluations.densityEvaluations());
            m.put("gradient_evaluations", r.evaluations.gradientEvaluations());
            m.put("delta_logZ", r.deltaLogZ);
            m.put("ess", r.ess);
            Map<String, Object> metric = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                metric.put(metrics.get(i).name(), r.metricValues[i]);
            }
            m.put("metrics", metric);
            m.put("acceptance", r.acceptance);
            m.put("wall_seconds", r.seconds);
            out.add(m);
        }
        return out;
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    public static void main(String[] args) {
        long budget = 2_000_000;
        long seed = 1;
        int samples = 5000;
        String targets = "gmm9,funnel10,mw5";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            switch (a) {
                case "--budget":
                    budget = Long.parseLong(args[++i]);
                    break;
                case "--seed":
                    seed = Long.parseLong(args[++i]);
                    break;
                case "--samples":
                    samples = Integer.parseInt(args[++i]);
                    break;
                case "--targets":
                    targets = args[++i];
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a
                            + "; valid: --budget N, --seed S, --samples K, --targets spec,spec,...");
            }
        }
        BaselineBenchmark bench = new BaselineBenchmark(budget, seed, samples, List.of(SampleMetric.deltaStd(), SampleMetric.sinkhorn(1000)));
        System.out.printf(Locale.ROOT, "Baselines at a budget of %d target evaluations per method, seed %d, K = %d samples%n",
                budget, seed, samples);
        List<Row> all = new ArrayList<>();
        for (String spec : targets.split(targets.contains(";") ? ";" : ",")) {
            Target t = TargetSpecs.parse(spec.strip());
            List<Row> rows = bench.run(t);
            all.addAll(rows);
            System.out.print(bench.format(rows));
        }
        System.out.println();
        System.out.print(bench.format(all));
    }
}
