package org.girsanov.benchmarks.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.metrics.ModeCoverage;
import org.girsanov.samplers.metrics.Sinkhorn;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.samplers.train.Presets;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * Sample quality against target evaluations (He et al. 2025, "No trick, no treat: pursuits and challenges towards
 * simulation-free training of neural samplers", its Figure 2): one curve per method, x = the target evaluations
 * spent (log-density plus score, one per point each, counted alike for every method), y = a sample metric of
 * {@code K} unweighted samples — the entropic OT cost (Sinkhorn, ε = 10⁻³, converged) against {@code K} exact samples,
 * and, on a mixture, the mode coverage.
 *
 * <ul>
 *   <li>Classical methods (parallel tempering, SMC; {@link BaselineMethods}) run once per budget, each stopping at
 *   or just under it ({@link Budgets}); the evaluations are those the run used.</li>
 *   <li>A neural sampler trains once with the CPU protocol ({@link Presets#cpu}, the default of
 *   {@code girsanov train}); at snapshot iterations it draws {@code K} forward paths with the EMA weights and their
 *   end points are scored. Its x is every evaluation of training up to the snapshot plus those of drawing that
 *   snapshot's {@code K} samples (the samples of earlier snapshots are not charged to later ones).</li>
 * </ul>
 * A last point, {@code exact}, scores a second independent exact sample: the metric's floor at {@code K}.
 */
public final class EfficiencyCurves {
    /** Random-stream purpose of the snapshot samples of a neural sampler. */
    static final long SNAPSHOT_STREAM = 31;
    /** The classical methods offered, by their names on the command line. */
    public static final List<String> CLASSICAL = List.of("pt", "smc");

    private final Target target;
    private final String targetSpec;
    private final int samples;
    private final long seed;
    private final double priorSigma;
    private final DMatrixRMaj exact;

    /** One point of a curve; {@code modeCoverage} is NaN when the target is not a Gaussian mixture. */
    public record Point(String method, long evaluations, long iteration, double sinkhorn, double modeCoverage,
                        double seconds) {
    }

    /**
     * @param target     the target, with an exact sampler
     * @param targetSpec its spec, for the neural samplers' training configs
     * @param samples    {@code K ≥ 10} samples per point
     * @param seed       seeds the exact samples, the classical runs and the training
     * @param priorSigma {@code σ} of the start {@code N(0, σ²I)} of the classical methods and the annealed samplers
     * @throws IllegalArgumentException naming the argument
     */
    public EfficiencyCurves(Target target, String targetSpec, int samples, long seed, double priorSigma) {
        if (!target.hasExactSampler()) {
            throw new IllegalArgumentException("--target: " + target.name() + " has no exact sampler to score against");
        }
        if (samples < 10) {
            throw new IllegalArgumentException("--samples: " + samples + "; allowed: >= 10");
        }
        if (!(priorSigma > 0) || !Double.isFinite(priorSigma)) {
            throw new IllegalArgumentException("--prior-std: " + priorSigma + "; allowed: finite and > 0");
        }
        this.target = target;
        this.targetSpec = targetSpec;
        this.samples = samples;
        this.seed = seed;
        this.priorSigma = priorSigma;
        this.exact = target.sample(samples, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    /** {@code "pt"} → {@code "PT(K=10)"}, {@code "smc"} → {@code "SMC-MALA"}: the baseline table's names. */
    static String baselineName(String method) {
        return switch (method) {
            case "pt" -> "PT(K=10)";
            case "smc" -> "SMC-MALA";
            default -> throw new IllegalArgumentException("--methods: '" + method + "' is not a classical method; allowed: "
                    + String.join(", ", CLASSICAL));
        };
    }

    /**
     * Checks, before any work, that every budget gives the classical {@code method} at least {@link Budgets#MIN_STEPS}
     * steps on this target.
     *
     * @throws IllegalArgumentException naming {@code --budgets} or {@code --methods}
     */
    public void checkBudgets(String method, long[] budgets) {
        BaselineMethods.Method m = BaselineMethods.named(baselineName(method), target, priorSigma, samples);
        for (long budget : budgets) {
            try {
                Budgets.steps(m.name(), target, budget, m.run());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("--budget:", "--budgets:"), e);
            }
        }
    }

    /** A classical method's curve: one run per budget (ascending). */
    public List<Point> classical(String method, long[] budgets) {
        BaselineMethods.Method m = BaselineMethods.named(baselineName(method), target, priorSigma, samples);
        List<Point> points = new ArrayList<>();
        for (long budget : budgets) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
            long steps = Budgets.steps(m.name(), target, budget, m.run());
            long t0 = System.nanoTime();
            Object r = m.run().apply(steps, rng);
            double secs = (System.nanoTime() - t0) * 1e-9;
            Budgets.check(m.name(), target, budget, Budgets.evaluations(r));
            points.add(point(method, Budgets.evaluations(r).total(), steps, BaselineMethods.samples(r, samples, rng), secs));
        }
        return points;
    }

    /**
     * A neural sampler's curve: trains {@code config} once and scores {@code K} samples at each snapshot iteration
     * (ascending, each ≤ the config's iterations).
     */
    public List<Point> neural(String method, TrainingConfig config, long[] snapshots) {
        List<Point> points = new ArrayList<>();
        long charged = 0;
        long t0 = System.nanoTime();
        try (Trainer trainer = new Trainer(config, target)) {
            for (long at : snapshots) {
                while (trainer.iteration() < at) {
                    trainer.step();
                }
                long before = trainer.evaluations().total();
                PathBatch p = trainer.simulate(samples, SNAPSHOT_STREAM, at, true);
                long sampling = trainer.evaluations().total() - before;
                points.add(point(method, before - charged + sampling, at, p.endPoints(), (System.nanoTime() - t0) * 1e-9));
                charged += sampling;
            }
        }
        return points;
    }

    /**
     * The training config of a neural method {@code kind-loss} (or {@code kind}, with its default loss): the CPU
     * protocol for this target's dimension, with this seed and thread count, and {@code iterations} if > 0; the
     * annealed samplers (cmcd, mcd, nets, ldvi, pinn) start from the classical methods' {@code N(0, σ² I)} too.
     */
    public TrainingConfig config(String method, int threads, int iterations) {
        String[] parts = method.split("-", 2);
        SamplerKind kind = SamplerKind.parse(parts[0]);
        LossKind loss = parts.length == 2 ? LossKind.parse(parts[1]) : kind.defaultLoss();
        TrainingConfig c = Presets.cpu(targetSpec, target.dimension(), kind, loss).withSeed(seed).withThreads(threads);
        if (kind.annealed() && priorSigma != 1.0) {
            c = c.toBuilder().priorStd(priorSigma).build();
        }
        return iterations > 0 ? c.withIterations(iterations) : c;
    }

    /** The snapshot iterations 10, 30, 100, 300, … below {@code iterations}, and {@code iterations} itself. */
    public static long[] snapshots(int iterations) {
        List<Long> at = new ArrayList<>();
        for (long k = 10, step = 0; k < iterations; k = (step++ % 2 == 0) ? k * 3 : k * 10 / 3) {
            at.add(k);
        }
        at.add((long) iterations);
        return at.stream().mapToLong(Long::longValue).toArray();
    }

    /** The floor: a second exact sample of {@code K}, no evaluations. */
    public Point exactFloor() {
        DMatrixRMaj s = target.sample(samples, RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 2));
        return point("exact", 0, 0, s, 0);
    }

    private Point point(String method, long evaluations, long iteration, DMatrixRMaj s, double seconds) {
        int n = Math.min(s.numRows, exact.numRows);
        double ot = Sinkhorn.cost(SampleMetric.head(s, n), SampleMetric.head(exact, n)).cost();
        double coverage = target instanceof GaussianMixture gm
                ? ModeCoverage.compute(gm.means(), gm.weights(), s).fraction() : Double.NaN;
        return new Point(method, evaluations, iteration, ot, coverage, seconds);
    }

    /** The points as a table. */
    public static String format(List<Point> points) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s %14s %10s %10s %9s %9s%n", "method",
                "target evals", "iteration", "Sinkhorn", "coverage", "time s"));
        for (Point p : points) {
            b.append(String.format(Locale.ROOT, "%-10s %14d %10d %10.4f %9.3f %9.2f%n", p.method(), p.evaluations(),
                    p.iteration(), p.sinkhorn(), p.modeCoverage(), p.seconds()));
        }
        return b.toString();
    }
}
