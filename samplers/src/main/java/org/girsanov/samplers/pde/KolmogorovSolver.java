package org.girsanov.samplers.pde;

import java.util.List;
import java.util.function.ObjIntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.autodiff.optim.LearningRateSchedule;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * Learns {@code u(·, 0)} of a {@link KolmogorovProblem} on its box {@code K} (docs/math.md §8) by regression on
 * detached Euler–Maruyama paths from {@code ξ ~ U(K)}: Beck, Becker, Grohs, Jaafari &amp; Jentzen, "Solving the
 * Kolmogorov PDE by means of deep learning", J. Sci. Comput. 88 (2021), with the space-time and variance-reduced
 * losses of Richter &amp; Berner, "Robust SDE-based variational formulations for solving linear PDEs via deep
 * learning", ICML 2022 ({@link KolmogorovLoss}). The network is a {@link SpaceTimeNetwork}, the optimiser Adam with an
 * exponentially decaying learning rate.
 *
 * <p>Each step's batch is cut into chunks; chunk {@code c} of iteration {@code i} draws its points and paths from the
 * stream {@code (seed, i, c)}, its gradient goes into its own sink, and the sinks are added in chunk order — so the
 * result is the same for any thread count (DESIGN invariant 6). The variance-reduced loss runs backwards in time
 * through the stored path, one short tape per grid time, so its tape memory does not grow with {@code N}.
 */
public final class KolmogorovSolver implements AutoCloseable {
    static final long PATH_STREAM = 31;
    static final long PILOT_STREAM = 37;
    static final long INIT_STREAM = 41;
    private static final int PILOT_PATHS = 1024;

    private final KolmogorovProblem problem;
    private final SolverConfig config;
    private final MarkovKernel kernel;
    private final SpaceTimeNetwork network;
    private final List<Parameter> params;
    private final Adam adam;
    private final RandomStreams streams;
    private final ChunkedExecutor executor;
    private long iteration;

    public KolmogorovSolver(KolmogorovProblem problem, SolverConfig config) {
        this.problem = problem;
        this.config = config;
        this.kernel = problem.kernel(config.steps());
        this.streams = new RandomStreams(config.seed());
        UniformRandomProvider pilotRng = streams.stream(0, 0, PILOT_STREAM);
        double[] pilot = KolmogorovProblems.terminalValues(problem, KolmogorovPaths.simulate(kernel,
                problem.domain().sample(PILOT_PATHS, pilotRng), pilotRng, false).terminal());
        double mean = 0;
        for (double v : pilot) {
            mean += v / pilot.length;
        }
        double var = 0;
        for (double v : pilot) {
            var += (v - mean) * (v - mean) / (pilot.length - 1);
        }
        double scale = var > 0 && Double.isFinite(var) ? Math.sqrt(var) : 1.0;
        this.network = new SpaceTimeNetwork(problem.domain(), problem.horizon(), config.width(), config.layers(), mean, scale,
                streams.stream(0, 0, INIT_STREAM));
        this.params = network.parameters();
        LearningRateSchedule schedule = config.lr() == config.lrFinal() ? LearningRateSchedule.constant(config.lr())
                : LearningRateSchedule.exponential(config.lr(), config.lrFinal(), config.iterations());
        this.adam = new Adam(params, schedule);
        this.executor = new ChunkedExecutor(config.threads());
    }

    /** One Adam step; returns the loss of the batch before the step. */
    public double step() {
        Parameter.zeroGrads(params);
        int chunks = (config.batch() + config.chunk() - 1) / config.chunk();
        long it = iteration;
        List<ChunkResult> parts = executor.map(chunks, c -> chunk(it, c));
        double loss = 0;
        for (ChunkResult r : parts) {
            r.gradients().addToParameters();
            loss += r.loss();
        }
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("KolmogorovSolver: non-finite loss " + loss + " at iteration " + iteration
                    + "; lower --lr or check that phi, mu and sigma are finite on the simulated paths");
        }
        adam.step();
        iteration++;
        return loss;
    }

    /** Runs the remaining iterations, calling {@code progress} with each loss and iteration number. */
    public void train(ObjIntConsumer<Double> progress) {
        while (iteration < config.iterations()) {
            double l = step();
            progress.accept(l, (int) iteration);
        }
    }

    private record ChunkResult(Gradients gradients, double loss) {
    }

    private ChunkResult chunk(long it, int c) {
        int rows = Math.min(config.chunk(), config.batch() - c * config.chunk());
        UniformRandomProvider rng = streams.stream(it, c, PATH_STREAM);
        DMatrixRMaj xi = problem.domain().sample(rows, rng);
        boolean spaceTime = config.loss() != KolmogorovLoss.PLAIN;
        KolmogorovPaths paths = KolmogorovPaths.simulate(kernel, xi, rng, spaceTime);
        double[] y = KolmogorovProblems.terminalValues(problem, paths.terminal());
        Gradients sink = new Gradients();
        if (!spaceTime) {
            return new ChunkResult(sink, regress(new Tape(), xi, 0.0, y, null, sink, 1.0 / config.batch()));
        }
        TimeGrid grid = kernel.grid();
        double weight = 1.0 / (config.batch() * (double) grid.steps());
        double loss = 0;
        for (int n = grid.steps() - 1; n >= 0; n--) {
            DMatrixRMaj dw = config.loss() == KolmogorovLoss.VARIANCE_REDUCED ? paths.increments().get(n) : null;
            loss += regress(new Tape(), paths.states().get(n), grid.time(n), y, dw, sink, weight);
        }
        return new ChunkResult(sink, loss);
    }

    /**
     * On {@code t}: {@code u = u_θ(x, time)}; with increments {@code dw} first subtracts
     * {@code σ(x, time)ᵀ∇u · ΔW} from the targets {@code y} (in place, detached); then adds the gradient of
     * {@code weight · Σ_i (u_i − y_i)²} into {@code sink} and returns that value.
     */
    private double regress(Tape t, DMatrixRMaj x, double time, double[] y, DMatrixRMaj dw, Gradients sink, double weight) {
        Var xv = t.input(x);
        Var u = network.apply(t, xv, time);
        if (dw != null) {
            subtractIntegrand(x, time, t.grad(u, false, xv)[0].value(), dw, y);
        }
        DMatrixRMaj target = new DMatrixRMaj(y.length, 1);
        System.arraycopy(y, 0, target.data, 0, y.length);
        Var loss = t.scale(t.sum(t.square(t.sub(u, t.constant(target)))), weight);
        t.backward(loss, sink);
        return loss.value().data[0];
    }

    /** {@code y_i −= Σ_j s_ij(x, t) ∂_j u_i ΔW_ij}, with {@code s} the diagonal of {@code σ}. */
    private void subtractIntegrand(DMatrixRMaj x, double time, DMatrixRMaj grad, DMatrixRMaj dw, double[] y) {
        Tape free = Tape.noGrad();
        DMatrixRMaj s = problem.diffusion().apply(free, free.constant(x), time).value();
        boolean scalar = s.getNumElements() == 1;
        int d = x.numCols;
        for (int i = 0; i < y.length; i++) {
            double a = 0;
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                a += (scalar ? s.data[0] : s.data[k]) * grad.data[k] * dw.data[k];
            }
            y[i] -= a;
        }
    }

    /**
     * The conditional variance of the regression targets at {@code t = 0}, {@code E_ξ[Var(Y_0 | ξ)]}, for the plain
     * target {@code φ(X_N)} and the variance-reduced one {@code φ(X_N) − Σ_n σᵀ∇u_θ(X_n, t_n) · ΔW_n} with the current
     * network, from {@code perPoint} paths at each of {@code points} points {@code ξ ~ U(K)}.
     */
    public TargetVariance targetVariance(int points, int perPoint, UniformRandomProvider rng) {
        if (points < 1 || perPoint < 2) {
            throw new IllegalArgumentException("targetVariance: points = " + points + ", perPoint = " + perPoint
                    + "; need points >= 1 and perPoint >= 2");
        }
        DMatrixRMaj xi = problem.domain().sample(points, rng);
        int d = problem.dimension();
        DMatrixRMaj x0 = new DMatrixRMaj(points * perPoint, d);
        for (int i = 0; i < x0.numRows; i++) {
            System.arraycopy(xi.data, (i / perPoint) * d, x0.data, i * d, d);
        }
        Targets y = targets(x0, rng);
        double[] plain = y.plain();
        double[] reduced = y.reduced();
        return new TargetVariance(meanGroupVariance(plain, perPoint), meanGroupVariance(reduced, perPoint));
    }

    /**
     * The regression targets at {@code t = 0} of one path from each row of {@code x0}: the plain {@code φ(X_N)} and the
     * variance-reduced {@code φ(X_N) − Σ_n σ(X_n, t_n)ᵀ∇u_θ(X_n, t_n) · ΔW_n} with the current network, on the same path.
     */
    public Targets targets(DMatrixRMaj x0, UniformRandomProvider rng) {
        KolmogorovPaths paths = KolmogorovPaths.simulate(kernel, x0, rng, true);
        double[] plain = KolmogorovProblems.terminalValues(problem, paths.terminal());
        double[] reduced = plain.clone();
        for (int n = 0; n < kernel.grid().steps(); n++) {
            Tape t = new Tape();
            DMatrixRMaj x = paths.states().get(n);
            Var xv = t.input(x);
            Var u = network.apply(t, xv, kernel.grid().time(n));
            subtractIntegrand(x, kernel.grid().time(n), t.grad(u, false, xv)[0].value(), paths.increments().get(n), reduced);
        }
        return new Targets(plain, reduced);
    }

    /** Per-path targets: {@code φ(X_N)} and the variance-reduced one. */
    public record Targets(double[] plain, double[] reduced) {
    }

    /** {@code E_ξ[Var(φ(X_T) | ξ)]} ({@link #plain}) and {@code E_ξ[Var(Y_0 | ξ)]} of the variance-reduced target. */
    public record TargetVariance(double plain, double reduced) {
        /** {@code plain / reduced}. */
        public double factor() {
            return plain / reduced;
        }
    }

    private static double meanGroupVariance(double[] v, int group) {
        double total = 0;
        int groups = v.length / group;
        for (int g = 0; g < groups; g++) {
            double m = 0;
            for (int k = 0; k < group; k++) {
                m += v[g * group + k] / group;
            }
            double s = 0;
            for (int k = 0; k < group; k++) {
                double e = v[g * group + k] - m;
                s += e * e / (group - 1);
            }
            total += s / groups;
        }
        return total;
    }

    /** The learned {@code u_θ(x_i, 0)} at every row of {@code x}. */
    public double[] solution(DMatrixRMaj x) {
        return network.values(x, 0.0);
    }

    /** The errors of {@code u_θ(·, 0)} against the closed form at {@code points} points of {@code K}. */
    public SolutionError error(int points, UniformRandomProvider rng) {
        ExactSolution exact = problem.exactSolution().orElseThrow(() -> new IllegalStateException(
                "KolmogorovSolver.error: problem '" + problem.name() + "' has no closed form"));
        DMatrixRMaj x = problem.domain().sample(points, rng);
        return SolutionError.of(solution(x), exact.values(x, 0.0));
    }

    public SpaceTimeNetwork network() {
        return network;
    }

    public KolmogorovProblem problem() {
        return problem;
    }

    public SolverConfig config() {
        return config;
    }

    /** Adam steps taken. */
    public long iteration() {
        return iteration;
    }

    @Override
    public void close() {
        executor.close();
    }
}
