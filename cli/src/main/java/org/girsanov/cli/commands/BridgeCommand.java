package org.girsanov.cli.commands;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.cli.Plots;
import org.girsanov.cli.UserError;
import org.girsanov.io.Json;
import org.girsanov.samplers.metrics.DeltaStd;
import org.girsanov.samplers.schrodinger.BridgeEnd;
import org.girsanov.samplers.schrodinger.IpfConfig;
import org.girsanov.samplers.schrodinger.OuReference;
import org.girsanov.samplers.schrodinger.ReciprocalCheck;
import org.girsanov.samplers.schrodinger.SchrodingerIpf;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.BridgeEvaluation;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;

/**
 * {@code girsanov bridge}: the Schrödinger bridge between two targets by iterative proportional fitting
 * ({@link SchrodingerIpf}): from samples of {@code --from} to samples of {@code --to}, or to {@code --to}'s density
 * ({@code --to-density}, or when it has no exact sampler), or from {@code --from}'s density ({@code --from-density}, or
 * when it has no exact sampler) to samples of {@code --to}. Evaluates the bridge as a sampler of its density end (of
 * {@code --to} when neither is one) with the metrics of {@link BridgeEvaluation} — {@code log Z}, ESS, EUBO, Δstd,
 * MMD, Sinkhorn, mode coverage and weights, the keys of {@code train}'s metrics — and reports each round, the sampled
 * marginal's mean and std, the transport cost {@code E|X0 − X1|²}, and with {@code --plot} draws the sampled end on its
 * target density (2-D) or the pairwise marginals, and the coordinates of a few paths over time.
 */
@CommandLine.Command(name = "bridge", header = "learn the Schrödinger bridge between two targets by iterative proportional fitting",
        customSynopsis = "bridge --from SPEC --to SPEC [--to-density | --from-density] [--rounds R] [--iters I] [--steps N] [--sigma S] [--ou-rate A] [--fitting ipf|imf] [--plot FILE.png] [--json]",
        description = "Learns the Schrödinger bridge for the reference dX = sigma dW (or with --ou-rate A the Ornstein-Uhlenbeck\n"
                + "reference dX = -A X dt + sigma dW) on [0, 1] between --from (drawn from its exact\n"
                + "sampler) and --to, by iterative proportional fitting (docs/math.md section 9): each round fits the backward\n"
                + "and then the forward half-bridge by maximum likelihood on the other process's paths. With --to-density (or\n"
                + "a --to without an exact sampler) --to is known by its unnormalised density only and the forward half-bridge\n"
                + "is fitted by the log-variance of the path weight given the start point; --from-density (or a --from without\n"
                + "an exact sampler) is the mirror image. The bridge is then evaluated as a sampler of its density end (of --to\n"
                + "when both are sampled): log Z and ESS from its path weights, EUBO, delta_std, mmd, sinkhorn, mode coverage\n"
                + "and weights (train's metric names), and E|X0 - X1|^2. Example: bridge --from gaussian:d=2,var=1 --to gmm9 --to-density")
public final class BridgeCommand extends Command {
    private static final long SAMPLE_STREAM = 61;
    private static final long POOL_STREAM = 67;
    private static final int POOL = 20000;
    /** Points of the Sinkhorn, MMD and EUBO metrics (train's default). */
    private static final int SAMPLE_METRIC_K = 2000;
    /** The defaults of every flag that sets the IPF configuration. */
    private static final IpfConfig DEFAULTS = IpfConfig.defaults();

    @Option(names = "--from", paramLabel = "SPEC", required = true, description = "the start marginal rho0")
    String fromSpec;

    @Option(names = "--to", paramLabel = "SPEC", required = true, description = "the end marginal rho1")
    String toSpec;

    @Option(names = "--to-density", arity = "0..1", description = "use only --to's unnormalised density, not its samples")
    boolean toDensity;

    @Option(names = "--from-density", arity = "0..1", description = "use only --from's unnormalised density, not its samples")
    boolean fromDensity;

    @Option(names = "--rounds", paramLabel = "R", description = "rounds (a backward and a forward half-bridge each)")
    int rounds = DEFAULTS.rounds();

    @Option(names = "--iters", paramLabel = "I", description = "Adam steps per half-bridge")
    int iters = DEFAULTS.iterations();

    @Option(names = "--steps", paramLabel = "N", description = "grid steps on [0, 1]")
    int steps = DEFAULTS.steps();

    @Option(names = "--sigma", paramLabel = "S", description = "the reference's sigma")
    double sigma = DEFAULTS.sigma();

    @Option(names = "--ou-rate", paramLabel = "A", description = "the Ornstein-Uhlenbeck reference dX = -A X dt + sigma dW,"
            + " a finite number (0: dX = sigma dW)")
    double ouRate = DEFAULTS.alpha();

    @Option(names = "--fitting", paramLabel = "M", description = "ipf (iterative proportional fitting, the default) or imf"
            + " (iterative Markovian fitting: each maximum-likelihood half-bridge on the reciprocal projection of the paths;"
            + " with a density end the conditional log-variance half is fitted as by ipf)")
    String fitting = DEFAULTS.reciprocalProjection() ? "imf" : "ipf";

    @Option(names = "--batch", paramLabel = "B", description = "paths per step (a multiple of " + SchrodingerIpf.REPLICATES
            + " with a density end)")
    int batch = DEFAULTS.batch();

    @Option(names = "--lr", paramLabel = "LR", description = "Adam's learning rate")
    double lr = DEFAULTS.lr();

    @Option(names = "--exploration", paramLabel = "K", description = "with a density end: the forward paths' noise times K >= 1"
            + " (2 reaches more modes)")
    double exploration = DEFAULTS.exploration();

    @Option(names = "--width", paramLabel = "W", description = "hidden width of the drift networks")
    int width = DEFAULTS.width();

    @Option(names = "--layers", paramLabel = "L", description = "hidden layers of the drift networks")
    int layers = DEFAULTS.layers();

    @Option(names = "--eval-paths", paramLabel = "K", description = "paths of the final evaluation")
    int evalPaths = 10000;

    @Option(names = "--seed", paramLabel = "S", description = "seed")
    long seed = 0;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads")
    int threads = 2;

    @Option(names = "--plot", paramLabel = "FILE", description = "write the end samples' plot here and the paths' plot beside it (-paths.png)")
    Path plot;

    @Option(names = "--force", arity = "0..1", description = "overwrite existing --plot files")
    boolean force;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        Target from = Inputs.target("--from", fromSpec);
        Target to = Inputs.target("--to", toSpec);
        boolean startDensity = fromDensity || !from.hasExactSampler();
        boolean density = toDensity || !to.hasExactSampler();
        if (startDensity && density) {
            throw new UserError("--from: " + from.name() + " and --to: " + to.name() + " are both known by their density only"
                    + " (no exact sampler, or --from-density / --to-density); at least one end must be given by samples");
        }
        if (from.dimension() != to.dimension()) {
            throw new UserError("--from has dimension " + from.dimension() + " and --to " + to.dimension() + "; they must agree");
        }
        double sigma = Inputs.positive("--sigma", this.sigma);
        double lr = Inputs.positive("--lr", this.lr);
        if (!Double.isFinite(ouRate)) {
            throw new UserError("--ou-rate: " + Inputs.text(ouRate) + " is out of range; allowed: a finite number (0: dX = sigma dW)");
        }
        String fitting = this.fitting.toLowerCase(Locale.ROOT);
        if (!fitting.equals("ipf") && !fitting.equals("imf")) {
            throw new UserError("--fitting: " + this.fitting + " is not a method; allowed: ipf, imf");
        }
        if (!(exploration >= 1) || Double.isInfinite(exploration)) {
            throw new UserError("--exploration: " + Inputs.text(exploration) + " is out of range; allowed: a finite number >= 1");
        }
        boolean anyDensity = density || startDensity;
        int batch = Inputs.intIn("--batch", this.batch, anyDensity ? SchrodingerIpf.REPLICATES : 1, 1_000_000);
        if (anyDensity && batch % SchrodingerIpf.REPLICATES != 0) {
            throw new UserError("--batch: " + batch + " with a density end; allowed: a multiple of " + SchrodingerIpf.REPLICATES);
        }
        IpfConfig config = DEFAULTS.withRounds(Inputs.intIn("--rounds", rounds, 1, 10_000))
                .withIterations(Inputs.intIn("--iters", iters, 1, 10_000_000)).withSteps(Inputs.intIn("--steps", steps, 1, 10_000))
                .withSigma(sigma).withAlpha(ouRate).withReciprocalProjection(fitting.equals("imf")).withBatch(batch).withLr(lr).withExploration(exploration)
                .withNetwork(Inputs.intIn("--width", width, 1, 4096), Inputs.intIn("--layers", layers, 0, 64)).withSeed(seed)
                .withThreads(Inputs.intIn("--threads", threads, 1, EvaluateCommand.MAX_THREADS));
        int evalPaths = Inputs.intIn("--eval-paths", this.evalPaths, 2, 10_000_000);
        Path pathsPlot = plot == null ? null : plot.resolveSibling(stem(plot) + "-paths.png");
        if (plot != null) {
            Inputs.newFile("--plot", plot, force);
            Inputs.newFile("--plot", pathsPlot, force);
        }
        RandomStreams streams = new RandomStreams(config.seed());
        BridgeEnd start = startDensity ? BridgeEnd.density(from) : BridgeEnd.of(from);
        BridgeEnd end = density ? BridgeEnd.density(to) : BridgeEnd.of(to);
        Target sampled = startDensity ? from : to;
        String at = startDensity ? "start" : "end";
        err.printf("girsanov bridge: %s (%s) -> %s (%s), sigma %s, ou-rate %s, %s, %d steps, %d rounds of %d iterations, batch %d%n",
                from.name(), startDensity ? "its density" : "its samples", to.name(), density ? "its density" : "its samples",
                sigma, ouRate, fitting.toUpperCase(Locale.ROOT), config.steps(), config.rounds(), config.iterations(), batch);
        long t0 = System.nanoTime();
        List<Object> rounds = new ArrayList<>();
        Json.Obj result = Json.object().with("from", fromSpec).with("to", toSpec).with("from_density", startDensity)
                .with("to_density", density).with("sigma", sigma).with("ou_rate", ouRate).with("fitting", fitting).with("steps", config.steps()).with("rounds", config.rounds())
                .with("iterations", config.iterations()).with("batch", batch).with("lr", lr).with("exploration", exploration).with("seed", config.seed());
        try (SchrodingerIpf ipf = new SchrodingerIpf(start, end, config)) {
            ipf.run(r -> {
                err.printf("round %d/%d  backward %s %.4g  forward %s %.4g  (%.1f s)%n", r.round(), config.rounds(),
                        startDensity ? "conditional log-variance" : "NLL", r.backwardLoss(),
                        density ? "conditional log-variance" : "NLL", r.forwardLoss(), (System.nanoTime() - t0) / 1e9);
                rounds.add(Json.object().with("round", r.round()).with("backward_loss", r.backwardLoss())
                        .with("forward_loss", r.forwardLoss()));
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<DMatrixRMaj> paths = startDensity ? ipf.simulateBackward(evalPaths, streams.stream(0, 0, SAMPLE_STREAM))
                    : ipf.simulateForward(evalPaths, streams.stream(0, 0, SAMPLE_STREAM));
            DMatrixRMaj x0 = paths.get(0);
            DMatrixRMaj x1 = paths.get(paths.size() - 1);
            DMatrixRMaj xs = startDensity ? x0 : x1;
            double[] mean = columnMeans(xs);
            double[] std = DeltaStd.columnStd(xs);
            double cost = 0;
            for (int i = 0; i < x1.data.length; i++) {
                cost += (x1.data[i] - x0.data[i]) * (x1.data[i] - x0.data[i]) / evalPaths;
            }
            Evaluation ev = BridgeEvaluation.evaluate(ipf, paths, startDensity, sampled, startDensity ? to : from, streams,
                    Math.min(SAMPLE_METRIC_K, evalPaths), true);
            result.with("rounds_run", rounds).with("train_seconds", seconds).with("eval_paths", evalPaths)
                    .with(at + "_mean", mean).with(at + "_std", std).with("transport_cost", cost);
            result.withAll(ev.all());
            if (sampled.hasExactSampler()) {
                DMatrixRMaj ref = sampled.sample(POOL, streams.stream(0, 0, POOL_STREAM));
                result.with("target_mean", columnMeans(ref));
            }
            err.printf("%s marginal: mean %s, std %s%s; E|X0 - X1|^2 = %.4g (%.1f s training)%n", at, Json.write(mean),
                    Json.write(std), ev.metrics().containsKey("delta_std") ? ", delta_std " + Json.number(ev.get("delta_std")) : "",
                    cost, seconds);
            err.printf("as a sampler of %s: %s%n", sampled.name(), weightSummary(ev));
            if (evalPaths >= 8 && config.steps() >= 2) {
                result.with("reciprocal", reciprocal(new OuReference(config.sigma(), config.alpha()), paths, ipf.grid(), err));
            } else {
                err.println("pinned given (X0, X1): not checked (needs --steps >= 2 and --eval-paths >= 8)");
            }
            if (plot != null) {
                plots(plot, pathsPlot, sampled, paths, startDensity, from.name() + " -> " + to.name());
                result.with("plots", List.of(plot.toString(), pathsPlot.toString()));
            }
        }
        if (json) {
            out.println(Json.write(result.withAll(Build.info())));
        }
        return Cli.EXIT_OK;
    }

    /**
     * {@link ReciprocalCheck} of the evaluation paths at the grid times nearest {@code t = ¼, ½, ¾}: the pinned process
     * fitted given {@code (X0, X1)} beside the reference's (weights {@code A_t}, {@code B_t}; residual over {@code s_t²}),
     * which a Schrödinger bridge matches whatever its coupling — printed and returned for the JSON.
     */
    private static List<Object> reciprocal(OuReference q, List<DMatrixRMaj> paths, TimeGrid grid, PrintStream err) {
        List<ReciprocalCheck.Pinned> pinned;
        try {
            pinned = ReciprocalCheck.of(q, paths, grid);
        } catch (IllegalArgumentException e) {
            err.println("pinned given (X0, X1): not checked (" + e.getMessage() + ")");
            return null;
        }
        List<Object> out = new ArrayList<>();
        StringBuilder line = new StringBuilder("pinned given (X0, X1), against the reference's bridge:");
        int steps = grid.steps();
        for (double q4 : new double[] {0.25, 0.5, 0.75}) {
            int k = (int) Math.max(1, Math.min(steps - 1, Math.round(q4 * steps)));
            ReciprocalCheck.Pinned p = pinned.get(k - 1);
            out.add(Json.object().with("t", p.time()).with("start_weight", p.startWeight()).with("end_weight", p.endWeight())
                    .with("reference_start_weight", p.referenceStartWeight()).with("reference_end_weight", p.referenceEndWeight())
                    .with("intercept", p.intercept()).with("variance_ratio", p.varianceRatio())
                    .with("weight_error", p.weightError()));
            line.append(String.format(Locale.ROOT, "  t %.3g: weights %.3f, %.3f (%.3f, %.3f), variance ratio %.3f", p.time(),
                    p.startWeight(), p.endWeight(), p.referenceStartWeight(), p.referenceEndWeight(), p.varianceRatio()));
        }
        err.println(line);
        return out;
    }

    /** {@code log Z} (with its error when known), ESS and EUBO of the evaluation, as far as they were computed. */
    private static String weightSummary(Evaluation ev) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("logZ_is", "delta_logZ_is", "logZ_lb", "eubo", "ess", "mode_weight_error")) {
            if (ev.metrics().containsKey(k)) {
                b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(Json.number(ev.get(k)));
            }
        }
        return b.toString();
    }

    private static void plots(Path plot, Path pathsPlot, Target sampled, List<DMatrixRMaj> paths, boolean atStart, String title)
            throws Exception {
        DMatrixRMaj xs = paths.get(atStart ? 0 : paths.size() - 1);
        String t = atStart ? "t = 0" : "t = 1";
        double[][] s = RunFolder.toArray(xs, 5000);
        if (sampled.dimension() == 2) {
            double[] range = range(s);
            Plots.densityWithSamples(plot, title + ": target density and bridge samples at " + t, RunFolder.logDensity(sampled),
                    range, range, s);
        } else {
            double[][] ref = sampled.hasExactSampler()
                    ? RunFolder.toArray(sampled.sample(3000, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(12345L)), 3000)
                    : null;
            Plots.pairwiseMarginals(plot, title + ": pairwise marginals at " + t + " (bridge vs exact)", RunFolder.toArray(xs, 3000), ref, 4);
        }
        Map<String, double[][]> lines = new LinkedHashMap<>();
        int shown = Math.min(12, xs.numRows);
        for (int i = 0; i < shown; i++) {
            double[][] xy = new double[2][paths.size()]; // {ts, xs}
            for (int k = 0; k < paths.size(); k++) {
                xy[0][k] = (double) k / (paths.size() - 1);
                xy[1][k] = paths.get(k).get(i, 0);
            }
            lines.put("path " + (i + 1), xy);
        }
        Plots.lines(pathsPlot, title + ": first coordinate of " + shown + " bridge paths", "t", "x_1", lines, false);
    }

    private static double[] range(double[][] s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : s) {
            for (double v : r) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = 0.1 * (hi - lo) + 1e-9;
        return new double[] {lo - pad, hi + pad};
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".png") ? n.substring(0, n.length() - 4) : n;
    }

    private static double[] columnMeans(DMatrixRMaj x) {
        double[] m = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                m[j] += x.get(i, j) / x.numRows;
            }
        }
        return m;
    }
}
