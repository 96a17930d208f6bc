package org.girsanov.samplers.marginal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.exploration.ReplayBuffer;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.NonFiniteException;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;

/**
 * Iterated denoising energy matching (iDEM; Akhound-Sadegh, Rector-Brooks, Bose, Mittal, Lemos, Liu, Sendera,
 * Ravanbakhsh, Gidel, Bengio, Malkin &amp; Tong, "Iterated Denoising Energy Matching for Sampling from Boltzmann
 * Densities", ICML 2024; docs/math.md §6, "Marginal alignment") as a {@link Loss} of the trainer:
 * <ul>
 *   <li><b>outer loop</b> — every {@code refreshEvery} iterations, {@code refreshPaths} paths of the current sampler
 *       (the reverse SDE driven by {@code s_θ}, {@link IdemScore}) are simulated on the path engine and their end
 *       points pushed into a first-in-first-out buffer of {@code capacity} states, sampled uniformly (a
 *       {@link ReplayBuffer} ranked by insertion order with a flat priority) — except the paths whose log-weight
 *       {@code log w} is more than {@code gap} nats below the refresh's median ({@link #keptEnds}): a path with
 *       {@code w < e^{−gap}} times the median carries no target mass, and on Many-Well such far-out states, whose
 *       noised scores the network cannot fit, made the buffer run away (samples to ±100; BENCHMARKS.md, "iDEM and RDMC
 *       at the CPU protocol");</li>
 *   <li><b>inner loop</b> — every iteration regresses {@code s_θ} on Monte Carlo scores of the noised target at noised
 *       buffer points:
 *       <pre>
 *   L(θ) = (1/B) Σ_i v_{τ_i} | s_θ(x_i, τ_i) − ŝ_K(x_i, τ_i) |²,   x_i = a_{τ_i} y_i + √v_{τ_i} ε_i,   y_i ~ buffer,
 *       </pre>
 *       {@code ŝ_K} the estimator of {@code ∇log p_τ} with {@code K} posterior draws (the target score identity
 *       {@code (1/a) Σ_k softmax_k(log ρ(x_0^(k))) ∇log ρ(x_0^(k))}, {@code x_0^(k) ~ N(x/a, (v/a²) I)}, combined
 *       with Tweedie's form on the same draws by the variance-minimising coefficient: {@link ControlVariateScore}; the
 *       assembly of {@code train} uses it, any {@link NoisedScoreEstimator} fits), and {@code v_τ} the denoising weight, so the
 *       residual {@code √v (s_θ − ŝ)} is of order one at every {@code τ}.</li>
 * </ul>
 * The minimiser over functions is {@code s_θ = E[ŝ_K | x, τ]}, the score {@code ∇log p_τ} up to the estimator's
 * {@code O(1/K)} bias, whatever the buffer's law (it only decides where the regression is accurate); the buffer
 * is what makes the method "iterated": as {@code s_θ} improves, its samples cover the target's modes. The sampler's
 * log Z and ESS come from the importance weights of its reverse process like every family
 * ({@link org.girsanov.samplers.families.Dis}).
 *
 * <p><b>Times.</b> Each chunk of the batch cuts its rows into {@value #TIME_GROUPS} groups; group {@code g} shares one
 * {@code τ = τ_min + (T − τ_min)(g + u)/G}, {@code u ~ U(0, 1)} (stratified), so the network runs batched.
 * <b>Determinism.</b> The buffer draws, times, noise and posterior draws of chunk {@code c} at iteration {@code i}
 * come from the stream {@code (seed; i, c, purpose)}, the refresh paths from their own, and gradients are reduced in
 * chunk order: the same seed gives the same bits for any thread count, and a resumed run continues exactly
 * ({@link #state()} holds the buffer).
 */
public final class IdemLoss implements Loss {
    /** Random-stream purpose of the regression draws. */
    static final long REGRESS_STREAM = 41;
    /** Random-stream purpose of the refresh paths. */
    static final long REFRESH_STREAM = 43;
    /** Groups of rows sharing one time, per chunk. */
    static final int TIME_GROUPS = 4;
    /** A rank priority so flat that the buffer is sampled uniformly (to 1 part in 10⁶ at a million states). */
    private static final double FLAT = 1e12;

    private final IdemScore score;
    private final NoisedScoreEstimator estimator;
    private final ReplayBuffer buffer;
    private final int refreshEvery;
    private final int refreshPaths;
    private final double tauMin;
    private final double gap;
    private long inserted;

    /**
     * @param score        {@code s_θ}, whose parameters are the sampler's
     * @param estimator    {@code ŝ_K}
     * @param capacity     states the buffer keeps (the newest)
     * @param refreshEvery iterations between refreshes of the buffer
     * @param refreshPaths paths simulated per refresh
     * @param tauMin       the smallest noising time regressed, in {@code (0, T)}
     * @param gap          refresh paths more than this many nats of log-weight below the median stay out of the
     *                     buffer ({@code > 0}; {@code +∞} keeps every finite one)
     */
    public IdemLoss(IdemScore score, NoisedScoreEstimator estimator, int dimension, int capacity, int refreshEvery,
                    int refreshPaths, double tauMin, double gap) {
        this.score = Objects.requireNonNull(score, "IdemLoss: score must not be null");
        this.estimator = Objects.requireNonNull(estimator, "IdemLoss: estimator must not be null");
        this.buffer = new ReplayBuffer(Checks.atLeast("IdemLoss", "capacity", capacity, 1), dimension, FLAT);
        this.refreshEvery = Checks.atLeast("IdemLoss", "refreshEvery", refreshEvery, 1);
        this.refreshPaths = Checks.atLeast("IdemLoss", "refreshPaths", refreshPaths, 1);
        if (!(tauMin > 0 && tauMin < score.horizon())) {
            throw new IllegalArgumentException("IdemLoss: tauMin = " + tauMin + "; must be in (0, " + score.horizon() + ")");
        }
        this.tauMin = tauMin;
        if (!(gap > 0)) {
            throw new IllegalArgumentException("IdemLoss: gap = " + gap + "; must be > 0 (+Infinity keeps every path)");
        }
        this.gap = gap;
    }

    @Override
    public String name() {
        return "dem";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public boolean offPolicy() {
        return false;
    }

    /** The buffer of the sampler's own samples. */
    public ReplayBuffer buffer() {
        return buffer;
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        if (b.iteration() % refreshEvery == 0 || buffer.size() == 0) {
            refresh(b);
        }
        Target target = b.model().target();
        List<Regression> parts = b.executor().map(b.chunks(), c -> regress(b, target, c));
        double loss = 0;
        for (Regression r : parts) {
            loss += r.loss;
            r.gradients.addToParameters();
        }
        if (!Double.isFinite(loss)) {
            throw new NonFiniteException(b.iteration(), "dem regression", "value " + loss);
        }
        return new LossValue(loss, new double[0], 0);
    }

    /** The outer loop: {@code refreshPaths} end points of the current sampler into the buffer, newest ranked first. */
    private void refresh(TrainingBatch b) {
        int chunks = (refreshPaths + b.chunkSize() - 1) / b.chunkSize();
        List<StreamedPaths.LogWeights> paths = b.executor().map(chunks, c -> StreamedPaths.logWeights(b.model(),
                Math.min(b.chunkSize(), refreshPaths - c * b.chunkSize()), Behaviour.onPolicy(), null,
                b.streams().stream(b.iteration(), c, REFRESH_STREAM)));
        for (DMatrixRMaj e : keptEnds(paths, gap)) {
            double[] order = new double[e.numRows];
            for (int i = 0; i < order.length; i++) {
                order[i] = inserted++;
            }
            buffer.add(e, order);
        }
    }

    /**
     * The end points, chunk by chunk and in order, of the paths whose log-weight is finite and at least
     * {@code median − gap} (the median over all the chunks' paths); chunks left empty are dropped.
     */
    static List<DMatrixRMaj> keptEnds(List<StreamedPaths.LogWeights> paths, double gap) {
        double[] all = paths.stream().flatMapToDouble(l -> Arrays.stream(l.logWeights()))
                .filter(Double::isFinite).sorted().toArray();
        List<DMatrixRMaj> kept = new ArrayList<>();
        if (all.length == 0) {
            return kept;
        }
        double floor = all[all.length / 2] - gap;
        for (StreamedPaths.LogWeights l : paths) {
            DMatrixRMaj e = l.endPoints();
            int d = e.numCols;
            double[] lw = l.logWeights();
            int n = 0;
            for (double w : lw) {
                n += Double.isFinite(w) && w >= floor ? 1 : 0;
            }
            if (n == 0) {
                continue;
            }
            DMatrixRMaj k = new DMatrixRMaj(n, d);
            int r = 0;
            for (int i = 0; i < e.numRows; i++) {
                if (Double.isFinite(lw[i]) && lw[i] >= floor) {
                    System.arraycopy(e.data, i * d, k.data, r++ * d, d);
                }
            }
            kept.add(k);
        }
        return kept;
    }

    private record Regression(double loss, Gradients gradients) {
    }

    /** Noised buffer points of one group: {@code x = a y + √v ε}, with their time. */
    public record NoisedPoints(DMatrixRMaj points, double tau, double a, double v) {
    }

    /** Noises {@code y} to time {@code tau}: {@code x = a_τ y + √v_τ ε}, {@code ε} from {@code rng}. */
    public NoisedPoints noise(DMatrixRMaj y, double tau, UniformRandomProvider rng) {
        double a = score.meanFactor(tau);
        double v = score.variance(tau);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < y.getNumElements(); i++) {
            x.data[i] = a * y.data[i] + Math.sqrt(v) * g.sample();
        }
        return new NoisedPoints(x, tau, a, v);
    }

    /** The regression target {@code ŝ_K(x, τ)} at noised points. */
    public DMatrixRMaj target(Target target, NoisedPoints p, UniformRandomProvider rng) {
        return estimator.estimate(target, p.points(), p.a(), p.v(), rng).score();
    }

    private Regression regress(TrainingBatch b, Target target, int c) {
        UniformRandomProvider rng = b.streams().stream(b.iteration(), c, REGRESS_STREAM);
        int rows = b.chunkRows(c);
        DMatrixRMaj y = buffer.sample(rows, rng);
        int groups = Math.min(TIME_GROUPS, rows);
        int d = y.numCols;
        Gradients sink = new Gradients();
        double loss = 0;
        double horizon = score.horizon();
        for (int g = 0; g < groups; g++) {
            int from = g * rows / groups;
            int to = (g + 1) * rows / groups;
            DMatrixRMaj part = new DMatrixRMaj(to - from, d);
            System.arraycopy(y.data, from * d, part.data, 0, (to - from) * d);
            double tau = tauMin + (horizon - tauMin) * (g + rng.nextDouble()) / groups;
            NoisedPoints p = noise(part, tau, rng);
            DMatrixRMaj s = target(target, p, rng);
            Tape t = new Tape();
            Var r = t.sub(score.score(t, t.constant(p.points()), tau), t.constant(s));
            Var term = t.scale(t.sum(t.square(r)), p.v() / b.batchSize());
            loss += term.value().get(0);
            t.backward(t.scale(term, b.lossScale()), sink);
        }
        return new Regression(loss, sink);
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        if (buffer.size() == 0) {
            return Map.of();
        }
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        m.put("buffer/states", buffer.states());
        double[] order = buffer.scores();
        DMatrixRMaj o = new DMatrixRMaj(order.length, 1);
        System.arraycopy(order, 0, o.data, 0, order.length);
        m.put("buffer/order", o);
        return m;
    }

    @Override
    public void restoreState(Map<String, DMatrixRMaj> state) {
        if (state.isEmpty()) {
            return;
        }
        DMatrixRMaj states = state.get("buffer/states");
        DMatrixRMaj order = state.get("buffer/order");
        if (states == null || order == null || order.numRows != states.numRows) {
            throw new IllegalArgumentException("dem loss: the state needs buffer/states and buffer/order of equal rows; got "
                    + state.keySet());
        }
        buffer.add(states.copy(), order.data.clone());
        for (double v : order.data) {
            inserted = Math.max(inserted, (long) v + 1);
        }
    }
}
