package org.girsanov.cli.commands;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.cli.Build;
import org.girsanov.cli.Cli;
import org.girsanov.cli.Command;
import org.girsanov.io.Json;
import org.girsanov.cli.UserError;
import org.girsanov.samplers.pde.KolmogorovLoss;
import org.girsanov.samplers.pde.KolmogorovProblem;
import org.girsanov.samplers.pde.KolmogorovProblems;
import org.girsanov.samplers.pde.KolmogorovSolver;
import org.girsanov.samplers.pde.MonteCarloEstimator;
import org.girsanov.samplers.pde.SolutionError;
import org.girsanov.samplers.pde.SolverConfig;
import org.girsanov.sde.RandomStreams;

/**
 * {@code girsanov pde}: learns {@code u(·, 0)} of a Kolmogorov equation with a closed form on its box, reports the
 * relative L² and sup errors and the target-variance reduction, beside plain Monte Carlo at the same cost (CPU time).
 */
@CommandLine.Command(name = "pde", header = "solve a Kolmogorov PDE on a box by regression on SDE paths (Feynman–Kac)",
        customSynopsis = "pde --problem SPEC [--loss plain|space-time|vr] [--iters I] [--batch M] [--steps N] [--json]",
        description = "Learns u(., 0) of du/dt = -1/2 tr(sigma sigma^T Hess u) - mu . grad u, u(., T) = phi on the problem's box\n"
                + "(Beck et al. 2021; the variance-reduced target of Richter & Berner, ICML 2022), then measures it against\n"
                + "the closed form at --eval-points uniform points, and plain Monte Carlo at the same cost (this thread's CPU\n"
                + "time with --threads 1, else wall time) at the\n"
                + "first --mc-points of them (rounds of 256 paths a point; --mc-points 0: no baseline). Problems: " + KolmogorovProblems.NAMES
                + ",\ne.g. heat:d=50, heat-gauss:d=10,sigma=1, gbm-call:d=20,r=0.05,sigma=0.4,strike=1 (docs/math.md §8).")
public final class PdeCommand extends Command {
    private static final long EVAL_STREAM = 43;
    private static final long VARIANCE_STREAM = 47;
    private static final long MC_STREAM = 53;

    @Option(names = "--problem", paramLabel = "SPEC", required = true,
            description = "the problem: " + KolmogorovProblems.NAMES + "[:key=value,...]")
    String problemSpec;

    @Option(names = "--loss", paramLabel = "NAME", description = "plain, space-time or vr")
    String lossName = "vr";

    @Option(names = "--iters", paramLabel = "I", description = "Adam steps")
    int iters = 2000;

    @Option(names = "--batch", paramLabel = "M", description = "paths per step")
    int batch = 256;

    @Option(names = "--steps", paramLabel = "N", description = "Euler-Maruyama steps")
    int steps = 20;

    @Option(names = "--width", paramLabel = "W", description = "hidden width")
    int width = 64;

    @Option(names = "--layers", paramLabel = "L", description = "hidden layers")
    int layers = 2;

    @Option(names = "--lr", paramLabel = "LR", description = "initial learning rate")
    double lr = 1e-2;

    @Option(names = "--lr-final", paramLabel = "LR", description = "final learning rate (exponential decay)")
    double lrFinal = 1e-4;

    @Option(names = "--eval-points", paramLabel = "P", description = "points of the box the error is measured at")
    int evalPoints = 2000;

    @Option(names = "--mc-points", paramLabel = "P", description = "points (of the --eval-points) for the equal-time Monte Carlo baseline (0: none)")
    int mcPoints = 2000;

    @Option(names = "--seed", paramLabel = "S", description = "seed")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads")
    int threads = 1;

    @Option(names = "--json", arity = "0..1", description = Cli.JSON_HELP)
    boolean json;

    @Override
    public int run(PrintStream out, PrintStream err) {
        KolmogorovProblem problem;
        KolmogorovLoss loss;
        try {
            problem = KolmogorovProblems.parse(problemSpec);
        } catch (IllegalArgumentException e) {
            throw new UserError("--problem: " + e.getMessage());
        }
        try {
            loss = KolmogorovLoss.of(lossName);
        } catch (IllegalArgumentException e) {
            throw new UserError("--loss: " + e.getMessage());
        }
        int batch = Inputs.intIn("--batch", this.batch, 2, 1_000_000);
        SolverConfig config = new SolverConfig(loss, Inputs.intIn("--steps", steps, 1, 10_000), batch, Math.min(batch, 256),
                Inputs.intIn("--iters", iters, 1, 10_000_000), rate("--lr", lr), rate("--lr-final", lrFinal),
                Inputs.intIn("--width", width, 1, 4096), Inputs.intIn("--layers", layers, 1, 64), seed,
                Inputs.intIn("--threads", threads, 1, EvaluateCommand.MAX_THREADS));
        int evalPoints = Inputs.intIn("--eval-points", this.evalPoints, 2, 10_000_000);
        int mcPoints = Math.min(evalPoints, Inputs.intIn("--mc-points", this.mcPoints, 0, 10_000_000));
        RandomStreams streams = new RandomStreams(config.seed());
        Json.Obj result = Json.object().with("problem", problem.name()).with("spec", problemSpec)
                .with("loss", loss.label()).with("d", problem.dimension()).with("steps", config.steps()).with("batch", batch)
                .with("iterations", config.iterations()).with("width", config.width()).with("layers", config.layers())
                .with("lr", config.lr()).with("lr_final", config.lrFinal()).with("seed", config.seed());
        // the cost both methods get: this thread's CPU time with one thread (robust to a shared machine), else wall time
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        boolean cpu = config.threads() == 1 && bean.isCurrentThreadCpuTimeSupported();
        LongSupplier clock = cpu ? bean::getCurrentThreadCpuTime : System::nanoTime;
        long t0 = System.nanoTime();
        long c0 = clock.getAsLong();
        try (KolmogorovSolver solver = new KolmogorovSolver(problem, config)) {
            int every = Math.max(1, config.iterations() / 10);
            solver.train((l, i) -> {
                if (i % every == 0) {
                    err.printf("iteration %d/%d  loss %.4g  (%.1f s)%n", i, config.iterations(), l, (System.nanoTime() - t0) / 1e9);
                }
            });
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            double trainCost = (clock.getAsLong() - c0) / 1e9;
            DMatrixRMaj points = problem.domain().sample(evalPoints, streams.stream(0, 0, EVAL_STREAM));
            double[] exact = problem.exactSolution().orElseThrow().values(points, 0.0);
            SolutionError e = SolutionError.of(solver.solution(points), exact);
            KolmogorovSolver.TargetVariance tv = solver.targetVariance(64, 64, streams.stream(0, 0, VARIANCE_STREAM));
            err.printf("%s, %s loss: relative L2 %.3e, relative Linf %.3e at %d points; %.1f s training (%.1f s %s)%n",
                    problem.name(), loss.label(), e.relativeL2(), e.relativeLInf(), evalPoints, trainSeconds, trainCost,
                    cpu ? "CPU" : "wall");
            err.printf("target variance at t = 0: plain %.4g, variance-reduced %.4g (factor %.1f)%n", tv.plain(), tv.reduced(),
                    tv.factor());
            result.with("train_seconds", trainSeconds).with("train_cost_seconds", trainCost)
                    .with("cost_clock", cpu ? "thread_cpu" : "wall").with("rel_l2", e.relativeL2()).with("rel_linf", e.relativeLInf())
                    .with("eval_points", evalPoints).with("target_variance_plain", tv.plain())
                    .with("target_variance_reduced", tv.reduced());
            if (mcPoints > 0) {
                result.with("mc", monteCarlo(problem, config, points, exact, mcPoints, trainCost, clock,
                        streams.stream(0, 0, MC_STREAM), err));
            }
        }
        if (json) {
            out.println(Json.write(result.withAll(Build.info())));
        }
        return Cli.EXIT_OK;
    }

    /** Paths per point and round of the Monte Carlo baseline. */
    private static final int MC_ROUND = 256;

    /**
     * Plain Monte Carlo at the first {@code k} points at the training's cost: rounds of {@link #MC_ROUND} paths at every
     * point until {@code seconds} of {@code clock} have passed (at least one round); the estimate is the mean over rounds.
     */
    private static Json.Obj monteCarlo(KolmogorovProblem problem, SolverConfig c, DMatrixRMaj points, double[] exact, int k,
                                       double seconds, LongSupplier clock, UniformRandomProvider rng, PrintStream err) {
        MonteCarloEstimator mc = new MonteCarloEstimator(problem, c.steps());
        int d = problem.dimension();
        DMatrixRMaj some = new DMatrixRMaj(k, d);
        System.arraycopy(points.data, 0, some.data, 0, k * d);
        double[] sum = new double[k];
        long t0 = System.nanoTime();
        long c0 = clock.getAsLong();
        int rounds = 0;
        do {
            double[] round = mc.at(some, MC_ROUND, rng);
            for (int i = 0; i < k; i++) {
                sum[i] += round[i];
            }
            rounds++;
        } while ((clock.getAsLong() - c0) / 1e9 < seconds);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cost = (clock.getAsLong() - c0) / 1e9;
        double[] approx = new double[k];
        for (int i = 0; i < k; i++) {
            approx[i] = sum[i] / rounds;
        }
        SolutionError e = SolutionError.of(approx, java.util.Arrays.copyOf(exact, k));
        int paths = rounds * MC_ROUND;
        err.printf("plain Monte Carlo, %d paths at each of %d points (%.1f s, cost %.1f s): relative L2 %.3e, relative Linf %.3e%n",
                paths, k, secs, cost, e.relativeL2(), e.relativeLInf());
        return Json.object().with("points", k).with("paths_per_point", paths).with("seconds", secs).with("cost_seconds", cost)
                .with("rel_l2", e.relativeL2()).with("rel_linf", e.relativeLInf());
    }

    private static double rate(String flag, double v) {
        if (!(v > 0) || !(v <= 1)) {
            throw new UserError(flag + ": " + v + " is out of range; allowed: (0, 1]");
        }
        return v;
    }
}
