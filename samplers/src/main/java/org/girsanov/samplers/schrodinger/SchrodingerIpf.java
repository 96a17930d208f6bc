package org.girsanov.samplers.schrodinger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.LearnedGaussianKernel;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * The Schrödinger bridge between two marginals {@code ρ0} and {@code ρ1}, each given by samples or (one of them) by
 * an unnormalised density, for the reference {@code Q: dX = σ dW} or {@code dX = −αX dt + σ dW} ({@link OuReference})
 * on {@code [0, 1]}, by iterative proportional fitting (docs/math.md §9; the discrete-time IPF
 * of De Bortoli, Thornton, Heng &amp; Doucet, "Diffusion Schrödinger bridge", NeurIPS 2021, and Vargas et al.,
 * "Solving Schrödinger bridges via maximum likelihood", Entropy 2021). IPF alternates the two half-bridges
 * <pre>
 *   P←^{k+1} = argmin { KL(P ‖ P→^k) : P_1 = ρ1 } = ρ1 ⊗ P→^k( · | x_1),
 *   P→^{k+1} = argmin { KL(P ‖ P←^{k+1}) : P_0 = ρ0 } = ρ0 ⊗ P←^{k+1}( · | x_0),     P→^0 = ρ0 ⊗ Q( · | x_0),
 * </pre>
 * which converge to the bridge {@code argmin { KL(P ‖ Q) : P_0 = ρ0, P_1 = ρ1 }}. Each iterate is a Markov chain
 * on the grid with the engine's Euler–Maruyama kernels (one learned drift network per direction, a
 * {@link FourierMlp} whose zero-initialised output makes the first forward process the reference) and, by default,
 * one learned log-variance offset per step and direction ({@link LearnedGaussianKernel}):
 * <pre>
 *   p→_n(x_{n+1} | x_n) = N(x_n + u_θ(x_n, t_n) Δt, e^{a_n} σ²Δt I),     p←_n(x_n | x_{n+1}) = N(x_{n+1} − w_φ(x_{n+1}, t_{n+1}) Δt, e^{b_n} σ²Δt I),
 * </pre>
 * {@code a_n = b_n = 0} at the start (the Euler–Maruyama kernels of {@code Q}; for {@code α ≠ 0} the forward mean is
 * {@code e^{−αΔt} x_n + u_θ Δt}, the backward one (for {@code α > 0}) {@code e^{−αΔt} x_{n+1} − w_φ Δt}, and the
 * variances {@code e^{a_n} v_Δt}, {@code e^{b_n} v_Δt}: at zero output each is {@code Q}'s exact transition, which is its
 * own reversal under its stationary law, so both networks learn a correction to {@code Q} and neither the whole mean
 * reversion — centred on {@code x_{n+1}}, an undertrained backward fit kept too little of it and the iterates left
 * {@code Q}'s reciprocal class from the first round, {@link ReciprocalCheck}. A repelling {@code α < 0} has no
 * stationary law, and its backward mean stays centred on {@code x_{n+1}}). Why the offsets: the reversal of a
 * Gaussian chain has a smaller conditional variance than {@code σ²Δt} (by {@code σ⁴Δt²/(s_n² + σ²Δt)} for a marginal
 * variance {@code s_n²}), so with the variance fixed every backward fit adds {@code O(Δt)} of variance at its far end,
 * and IPF carries that error over the rounds (measured: std 1.06 instead of 1 at {@code N = 20}, {@code σ = 1.5}); with
 * {@link IpfConfig#learnedVariance()} off, the kernels are the fixed-variance ones of De Bortoli et al.
 * A half-bridge keeps the previous process's conditional law away from the constrained end, so it is learned by
 * <b>maximum likelihood</b> on paths of the previous process: {@link #fitBackward()} simulates {@code P→^k} from
 * {@code ρ0} and maximises {@code Σ_n log p←_n(x_n | x_{n+1})} over {@code φ}; {@link #fitForward()} simulates
 * {@code P←^{k+1}} from {@code ρ1} and maximises {@code Σ_n log p→_n(x_{n+1} | x_n)} over {@code θ}. With fixed
 * Gaussian variances this is the mean matching of De Bortoli et al.: the optimal {@code w} is
 * {@code E[(c X_{n+1} − X_n)/Δt | X_{n+1}]} under the simulated process ({@code c} the backward mean's centre,
 * {@code e^{−αΔt}} or 1). Each fit warm-starts from the previous round's
 * network. With {@link IpfConfig#reciprocalProjection()} the simulated paths are first projected onto {@code Q}'s
 * bridges ({@link ReciprocalProjection}: their end points kept, the interior redrawn), which makes the rounds
 * iterative Markovian fitting (Shi et al., NeurIPS 2023): the same fixed point, but each fit is the Markovian
 * projection of a process of {@code Q}'s reciprocal class, so the fitting errors do not carry the iterates out of it.
 *
 * <p>Determinism (DESIGN invariant 6): a step's batch is cut into chunks; chunk {@code c} of step {@code s} draws its
 * end points and noise from the stream {@code (seed, s, c)}, its gradient goes into its own sink, and the sinks are
 * added in chunk order, so the result does not depend on the thread count. One tape per grid step: the memory does
 * not grow with {@code N}.
 *
 * <p><b>A target known by its density</b> ({@link BridgeEnd#density}, the sampling problem of seed 004): the forward
 * half-bridge {@code argmin { KL(P ‖ R) : P_0 = ρ0 }}, {@code R = ρ1 ⊗ p←}, cannot be fitted on paths from
 * {@code ρ1}. Its solution {@code ρ0 ⊗ R( · | x_0)} is the process whose log-weight
 * <pre>
 *   log w = log ρ̃1(X_N) + Σ_n log p←_n(X_n | X_{n+1}) − Σ_n log p→_n(X_{n+1} | X_n)
 * </pre>
 * is constant <b>given {@code X_0}</b> ({@code log dR( · | x_0)/dP( · | x_0) = log R_0(x_0)}), so
 * {@link #fitForward()} minimises the <b>conditional log-variance</b> {@code E_{x_0} Var(log w | X_0 = x_0)}: each step
 * draws {@code batch / }{@value #REPLICATES} start points from {@code ρ0}, runs {@value #REPLICATES} paths of the current
 * forward process from each (detached; with {@link IpfConfig#exploration()} {@code κ > 1} its noise inflated by
 * {@code κ}, which does not move the minimiser — {@code log w} is evaluated with the unchanged kernels — but lets the
 * paths reach modes the current process misses), and centres {@code log w} within each group. Neither {@code log ρ0} nor
 * {@code log Z} is needed: both are constant within a group. (The plain log-variance would not do: at the half-bridge
 * {@code log w = log R_0(X_0) − log ρ0(X_0) + const} still varies with {@code X_0}, and minimising its variance would
 * bend the conditional law to cancel that.) The gradient is the off-policy one,
 * {@code (2/B) Σ_i r_i ∇ log w_i} with the centred {@code r_i} held fixed, taken one grid step at a time
 * ({@link ConditionalLogVariance}). <b>A density start</b> is the mirror image: the backward half-bridge is fitted by
 * the conditional log-variance of {@code log ρ̃0(X_0) + Σ_n log p→_n − Σ_n log p←_n} given {@code X_N}, on backward
 * paths from samples of {@code ρ1}, and the forward one by maximum likelihood as before. With both ends' densities,
 * {@link #logWeights} makes the learned pair an importance sampler of either end ({@code log Z}, ESS).
 */
public final class SchrodingerIpf implements AutoCloseable {
    static final long INIT_STREAM = 51;
    static final long PATH_STREAM = 53;
    /** Paths per start point of the conditional log-variance (a density end). */
    public static final int REPLICATES = 8;

    private final BridgeEnd start;
    private final BridgeEnd end;
    private final IpfConfig config;
    private final TimeGrid grid;
    private final OuReference reference;
    private final FourierMlp forwardDrift;
    private final FourierMlp backwardDrift;
    private final LearnedGaussianKernel forward;
    private final LearnedGaussianKernel backward;
    private final List<Parameter> forwardParameters;
    private final List<Parameter> backwardParameters;
    private final Adam forwardAdam;
    private final Adam backwardAdam;
    private final RandomStreams streams;
    private final ChunkedExecutor executor;
    private final ConditionalLogVariance conditional;
    private final List<Round> rounds = new ArrayList<>();
    private long steps;

    /** One IPF round: the mean negative log-likelihood per path and grid step of each fit's last tenth of steps. */
    public record Round(int round, double backwardLoss, double forwardLoss) {
    }

    /** A bridge from {@code ρ0 = start} to {@code ρ1 = end} (same dimension). */
    public SchrodingerIpf(BridgeEnd start, BridgeEnd end, IpfConfig config) {
        if (start.dimension() != end.dimension()) {
            throw new IllegalArgumentException("SchrodingerIpf: the start has dimension " + start.dimension()
                    + " and the end " + end.dimension() + "; a bridge needs one dimension");
        }
        if (!start.hasSamples() && !end.hasSamples()) {
            throw new IllegalArgumentException("SchrodingerIpf: both rho0 and rho1 are densities; at least one end must be "
                    + "given by samples (BridgeEnd.ofSamples or BridgeEnd.of)");
        }
        if ((!start.hasSamples() || !end.hasSamples()) && config.batch() % REPLICATES != 0) {
            throw new IllegalArgumentException("SchrodingerIpf: batch = " + config.batch() + " with a density end; it must be"
                    + " a multiple of " + REPLICATES + " (paths per start point)");
        }
        this.start = start;
        this.end = end;
        this.config = config;
        this.grid = TimeGrid.uniform(1.0, config.steps());
        this.streams = new RandomStreams(config.seed());
        int d = start.dimension();
        UniformRandomProvider init = streams.stream(0, 0, INIT_STREAM);
        this.forwardDrift = new FourierMlp("ipf.forward", d, d, config.width(), config.layers(), init);
        this.backwardDrift = new FourierMlp("ipf.backward", d, d, config.width(), config.layers(), init);
        Parameter[] a = logVarianceOffsets("ipf.forward.logVariance", config.steps());
        Parameter[] b = logVarianceOffsets("ipf.backward.logVariance", config.steps());
        OuReference q = new OuReference(config.sigma(), config.alpha());
        this.reference = q;
        this.forward = new LearnedGaussianKernel((Tape t, Var x, int n) -> t.add(q.brownian() ? x : t.scale(x, q.decay(grid.dt(n))),
                        t.scale(forwardDrift.apply(t, x, grid.time(n)), grid.dt(n))),
                (Tape t, Var x, int n) -> logVariance(t, x, a[n], q.variance(grid.dt(n))), grid, Direction.FORWARD);
        this.backward = new LearnedGaussianKernel(
                (Tape t, Var x, int n) -> t.sub(q.alpha() > 0 ? t.scale(x, q.decay(grid.dt(n))) : x,
                        t.scale(backwardDrift.apply(t, x, grid.time(n + 1)), grid.dt(n))),
                (Tape t, Var x, int n) -> logVariance(t, x, b[n], q.variance(grid.dt(n))), grid, Direction.BACKWARD);
        this.forwardParameters = parameters(forwardDrift, a, config.learnedVariance());
        this.backwardParameters = parameters(backwardDrift, b, config.learnedVariance());
        this.forwardAdam = new Adam(forwardParameters, config.lr());
        this.backwardAdam = new Adam(backwardParameters, config.lr());
        this.executor = new ChunkedExecutor(config.threads());
        this.conditional = new ConditionalLogVariance(grid, config, streams, executor);
    }

    private static Parameter[] logVarianceOffsets(String name, int steps) {
        Parameter[] p = new Parameter[steps];
        for (int n = 0; n < steps; n++) {
            p[n] = new Parameter(name + "[" + n + "]", 1, 1);
        }
        return p;
    }

    /** {@code log(v_Δt) + offset} ({@code v_Δt = σ²Δt} for {@code dX = σ dW}) for every row of {@code x} ({@code rows × 1}). */
    private static Var logVariance(Tape t, Var x, Parameter offset, double referenceVariance) {
        return t.broadcastTo(t.addScalar(t.param(offset), Math.log(referenceVariance)), x.rows(), 1);
    }

    private static List<Parameter> parameters(FourierMlp drift, Parameter[] offsets, boolean learned) {
        List<Parameter> all = new ArrayList<>(drift.parameters());
        if (learned) {
            all.addAll(Arrays.asList(offsets));
        }
        return all;
    }

    /** Runs the configured rounds (after any already run), calling {@code listener} after each. */
    public List<Round> run(Consumer<Round> listener) {
        while (rounds.size() < config.rounds()) {
            double b = fitBackward();
            double f = fitForward();
            Round r = new Round(rounds.size() + 1, b, f);
            rounds.add(r);
            listener.accept(r);
        }
        return List.copyOf(rounds);
    }

    /**
     * The backward half-bridge: {@code iterations} Adam steps of {@code φ} on paths of the current forward process from
     * {@code ρ0} (maximum likelihood), or, for a density start, by the conditional log-variance on paths of the backward
     * process from {@code ρ1}; returns the mean loss of the last tenth.
     */
    public double fitBackward() {
        return start.hasSamples() ? fit(() -> step(backward, forward, start, backwardParameters, backwardAdam))
                : fit(() -> conditionalStep(backward, forward, end, start, backwardParameters, backwardAdam));
    }

    /**
     * The forward half-bridge: {@code θ} on paths of the current backward process from {@code ρ1} (maximum likelihood),
     * or, for a density end, by the conditional log-variance on paths of the forward process (returns its value).
     */
    public double fitForward() {
        return end.hasSamples() ? fit(() -> step(forward, backward, end, forwardParameters, forwardAdam))
                : fit(() -> conditionalStep(forward, backward, start, end, forwardParameters, forwardAdam));
    }

    private double conditionalStep(GaussianKernel fitted, MarkovKernel other, BridgeEnd from, BridgeEnd to,
                                   List<Parameter> params, Adam adam) {
        double loss = conditional.step(fitted, other, from, to, params, adam, steps);
        steps++;
        return loss;
    }

    private double fit(DoubleSupplier step) {
        int n = config.iterations();
        int tail = Math.max(1, n / 10);
        double tailLoss = 0;
        for (int i = 0; i < n; i++) {
            double loss = step.getAsDouble();
            if (i >= n - tail) {
                tailLoss += loss / tail;
            }
        }
        return tailLoss;
    }

    private record ChunkResult(Gradients gradients, double loss) {
    }

    /** One Adam step of maximum likelihood of {@code fitted} on a batch of paths of {@code simulator}. */
    private double step(MarkovKernel fitted, MarkovKernel simulator, BridgeEnd from, List<Parameter> params, Adam adam) {
        Parameter.zeroGrads(params);
        int chunks = (config.batch() + config.chunk() - 1) / config.chunk();
        long s = steps;
        List<ChunkResult> parts = executor.map(chunks, c -> {
            int rows = Math.min(config.chunk(), config.batch() - c * config.chunk());
            UniformRandomProvider rng = streams.stream(s, c, PATH_STREAM);
            List<DMatrixRMaj> x = simulate(simulator, from.sample(rows, rng), rng);
            if (config.reciprocalProjection()) {
                x = ReciprocalProjection.of(reference, x, grid, rng);
            }
            Gradients sink = new Gradients();
            double weight = 1.0 / ((double) config.batch() * grid.steps());
            double loss = 0;
            boolean fwd = fitted.direction() == Direction.FORWARD;
            for (int k = 0; k < grid.steps(); k++) {
                Tape t = new Tape();
                Var next = t.constant(fwd ? x.get(k + 1) : x.get(k));
                Var prev = t.constant(fwd ? x.get(k) : x.get(k + 1));
                Var nll = t.scale(t.sum(fitted.logDensity(t, next, prev, k)), -weight);
                t.backward(nll, sink);
                loss += nll.value().data[0];
            }
            return new ChunkResult(sink, loss);
        });
        double loss = 0;
        for (ChunkResult r : parts) {
            r.gradients().addToParameters();
            loss += r.loss();
        }
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("SchrodingerIpf: non-finite loss " + loss + " at step " + steps
                    + "; lower lr or check that the marginals' samples are finite");
        }
        adam.step();
        steps++;
        return loss;
    }

    /**
     * Paths of {@code kernel} from {@code x} at its own end ({@code t_0} forward, {@code t_N} backward): the states at
     * {@code t_0, …, t_N} (index = grid time).
     */
    private List<DMatrixRMaj> simulate(MarkovKernel kernel, DMatrixRMaj x, UniformRandomProvider rng) {
        int n = grid.steps();
        DMatrixRMaj[] path = new DMatrixRMaj[n + 1];
        boolean fwd = kernel.direction() == Direction.FORWARD;
        path[fwd ? 0 : n] = x;
        if (fwd) {
            for (int k = 0; k < n; k++) {
                path[k + 1] = kernel.sample(path[k], k, rng);
            }
        } else {
            for (int k = n - 1; k >= 0; k--) {
                path[k] = kernel.sample(path[k + 1], k, rng);
            }
        }
        return Arrays.asList(path);
    }

    /** {@code rows} paths of the learned forward process from {@code ρ0} (given by samples): states at {@code t_0, …, t_N}. */
    public List<DMatrixRMaj> simulateForward(int rows, UniformRandomProvider rng) {
        if (!start.hasSamples()) {
            throw new IllegalStateException("SchrodingerIpf.simulateForward: the start is a density (no samples to start from)");
        }
        return simulate(forward, start.sample(rows, rng), rng);
    }

    /** {@code rows} paths of the learned backward process from {@code ρ1} (given by samples): states at {@code t_0, …, t_N}. */
    public List<DMatrixRMaj> simulateBackward(int rows, UniformRandomProvider rng) {
        if (!end.hasSamples()) {
            throw new IllegalStateException("SchrodingerIpf.simulateBackward: the end is a density (no samples to start from)");
        }
        return simulate(backward, end.sample(rows, rng), rng);
    }

    /** Paths of the learned forward process from the rows of {@code x0} (any points: e.g. exact draws of a density start). */
    public List<DMatrixRMaj> simulateForwardFrom(DMatrixRMaj x0, UniformRandomProvider rng) {
        return simulate(forward, x0.copy(), rng);
    }

    /** Paths of the learned backward process from the rows of {@code x1} (e.g. exact draws of a density end). */
    public List<DMatrixRMaj> simulateBackwardFrom(DMatrixRMaj x1, UniformRandomProvider rng) {
        return simulate(backward, x1.copy(), rng);
    }

    /**
     * The bridge as an importance sampler, per path of {@code paths} (states at {@code t_0, …, t_N}):
     * <pre>
     *   log w = log ρ̃1(x_N) + Σ_n log p←_n(x_n | x_{n+1}) − Σ_n log p→_n(x_{n+1} | x_n) − log ρ̃0(x_0),
     * </pre>
     * the log-density ratio of the path measures {@code ρ̃1 ⊗ p←} and {@code ρ̃0 ⊗ p→}. Both sets of kernels are
     * normalised, so whatever the fit, on forward paths from {@code ρ0}: {@code E[w] = Z1/Z0} and
     * {@code E[log w] ≤ log(Z1/Z0)}; on backward paths from {@code ρ1}: {@code E[1/w] = Z0/Z1} and
     * {@code E[log w] ≥ log(Z1/Z0)} (Jensen). At the bridge the two path measures agree and {@code log w} is constant,
     * so its spread (ESS) measures how far the learned pair is from a bridge. Needs both ends' densities
     * ({@link BridgeEnd#target()}: a density end or one drawn from a target, {@link BridgeEnd#of}).
     */
    public double[] logWeights(List<DMatrixRMaj> paths) {
        if (start.target() == null || end.target() == null) {
            throw new IllegalStateException("SchrodingerIpf.logWeights: needs the densities of both ends; the "
                    + (start.target() == null ? "start" : "end") + " is a pool of samples (BridgeEnd.ofSamples)");
        }
        if (paths.size() != grid.steps() + 1) {
            throw new IllegalArgumentException("SchrodingerIpf.logWeights: " + paths.size() + " states per path; the grid has "
                    + (grid.steps() + 1));
        }
        double[] lw = ConditionalLogVariance.logDensity(end, paths.get(grid.steps()));
        double[] l0 = ConditionalLogVariance.logDensity(start, paths.get(0));
        for (int i = 0; i < lw.length; i++) {
            lw[i] -= l0[i];
        }
        ConditionalLogVariance.addLogKernelRatio(lw, 1, backward, forward, paths);
        return lw;
    }

    /** The learned forward drift {@code u_θ(x, t)} at every row of {@code x}. */
    public DMatrixRMaj forwardDrift(DMatrixRMaj x, double t) {
        Tape free = Tape.noGrad();
        return forwardDrift.apply(free, free.constant(x), t).value();
    }

    /** The rounds run so far. */
    public List<Round> rounds() {
        return List.copyOf(rounds);
    }

    public TimeGrid grid() {
        return grid;
    }

    public IpfConfig config() {
        return config;
    }

    @Override
    public void close() {
        executor.close();
    }
}
