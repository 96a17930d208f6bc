package org.girsanov.samplers.nets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.NonFiniteException;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.sde.Checks;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;
import org.girsanov.sde.rnd.DivergenceEstimator;

/**
 * The NETS loss (Albergo &amp; Vanden-Eijnden, ICML 2025; docs/math.md §6): the mean squared PINN residual
 * ({@link TransportResidual}) at detached states of the sampler's own earlier trajectories,
 * <pre>
 *   L(θ, φ) = (1/B) Σ_i R_{θ,φ}(x_i, t_{n_i})²,     x_i ~ buffer at t_{n_i},
 * </pre>
 * with {@code ∇·b_θ} exact ({@code probes = 0}) or by Hutchinson with {@code m} Rademacher probes (unbiased for
 * {@code ∇·b}, so {@code E[R̂] = R}, though {@code E[R̂²] = R² + Var}: the probe variance adds a {@code θ}-dependent
 * term, small for smooth {@code b}).
 * <ul>
 *   <li><b>replay</b> — every {@code refreshEvery} iterations, {@code refreshPaths} forward paths of the current
 *       sampler are simulated on the path engine and their states at every grid time pushed into a
 *       {@link TrajectoryBuffer};</li>
 *   <li><b>times</b> — each chunk cuts its rows into {@value #TIME_GROUPS} groups; group {@code g} shares one grid
 *       index {@code n = ⌊(g + u)(N + 1)/G⌋}, {@code u ~ U(0, 1)} (stratified over {@code 0 … N}), so the networks
 *       run batched.</li>
 * </ul>
 * The residual's parameters are {@code θ} (the sampler's) and {@code φ} of {@link FreeEnergyRate} (this loss's,
 * checkpointed with the model). Draws of chunk {@code c} at iteration {@code i} come from the stream
 * {@code (seed; i, c, purpose)} and gradients are reduced in chunk order: the same seed gives the same bits for any
 * thread count, and {@link #state()} holds the buffer for an exact resume. Evaluation of the sampler (log Z, ESS) is
 * that of the CMCD pair; the loss reports no path log-weights.
 */
public final class NetsLoss implements Loss {
    /** Random-stream purpose of the residual draws (buffer rows, times, Hutchinson probes). */
    static final long RESIDUAL_STREAM = 47;
    /** Random-stream purpose of the refresh paths. */
    static final long REFRESH_STREAM = 53;
    /** Groups of rows sharing one time, per chunk. */
    static final int TIME_GROUPS = 4;

    private final TransportResidual residual;
    private final TrajectoryBuffer buffer;
    private final int probes;
    private final int refreshEvery;
    private final int refreshPaths;
    private final TimeGrid grid;

    /**
     * @param model        the sampler, whose {@code b_θ} and path the residual uses
     * @param freeEnergy   {@code ∂_t F_φ}
     * @param probes       {@code 0}: exact divergence; {@code m ≥ 1}: Hutchinson with {@code m} Rademacher probes
     * @param capacity     states kept per grid time
     * @param refreshEvery iterations between refreshes of the buffer
     * @param refreshPaths paths simulated per refresh
     */
    public NetsLoss(Nets model, FreeEnergyRate freeEnergy, int probes, int capacity, int refreshEvery, int refreshPaths) {
        Objects.requireNonNull(model, "NetsLoss: model must not be null");
        this.residual = new TransportResidual(model.path(), model.transport(), freeEnergy);
        this.grid = model.grid();
        this.buffer = new TrajectoryBuffer(grid.steps() + 1, Checks.atLeast("NetsLoss", "capacity", capacity, 1),
                model.dimension());
        if (probes < 0) {
            throw new IllegalArgumentException("NetsLoss: probes = " + probes + "; 0 (exact divergence) or m >= 1"
                    + " (Hutchinson)");
        }
        this.probes = probes;
        this.refreshEvery = Checks.atLeast("NetsLoss", "refreshEvery", refreshEvery, 1);
        this.refreshPaths = Checks.atLeast("NetsLoss", "refreshPaths", refreshPaths, 1);
    }

    @Override
    public String name() {
        return "nets";
    }

    @Override
    public List<Parameter> parameters() {
        return residual.freeEnergy().parameters();
    }

    @Override
    public boolean offPolicy() {
        return false;
    }

    /** The residual. */
    public TransportResidual residual() {
        return residual;
    }

    /** The replay of earlier trajectories. */
    public TrajectoryBuffer buffer() {
        return buffer;
    }

    /** The learned {@code log Z = F_φ(T)} on the training grid. */
    public double learnedLogZ() {
        double[] f = residual.freeEnergy().freeEnergies(grid);
        return f[f.length - 1];
    }

    /** The divergence estimator of a residual evaluation drawing its probes from {@code rng}. */
    DivergenceEstimator divergence(UniformRandomProvider rng) {
        return probes == 0 ? DivergenceEstimator.exact() : DivergenceEstimator.hutchinson(probes, Probe.RADEMACHER, rng);
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        if (!b.model().grid().equals(grid)) {
            throw new IllegalArgumentException("nets loss: the batch's grid " + b.model().grid()
                    + " differs from the training grid " + grid + " its buffer is kept on");
        }
        if (b.iteration() % refreshEvery == 0 || buffer.size(0) == 0) {
            refresh(b);
        }
        List<Part> parts = b.executor().map(b.chunks(), c -> chunk(b, c));
        double loss = 0;
        for (Part p : parts) {
            loss += p.loss;
            p.gradients.addToParameters();
        }
        if (!Double.isFinite(loss)) {
            throw new NonFiniteException(b.iteration(), "nets residual", "value " + loss);
        }
        return new LossValue(loss, new double[0], 0);
    }

    private record Part(double loss, Gradients gradients) {
    }

    private Part chunk(TrainingBatch b, int c) {
        UniformRandomProvider rng = b.streams().stream(b.iteration(), c, RESIDUAL_STREAM);
        int rows = b.chunkRows(c);
        int groups = Math.min(TIME_GROUPS, rows);
        int times = grid.steps() + 1;
        Gradients sink = new Gradients();
        double loss = 0;
        for (int g = 0; g < groups; g++) {
            int n = Math.min(times - 1, (int) ((g + rng.nextDouble()) * times / groups));
            DMatrixRMaj x = buffer.sample(n, (g + 1) * rows / groups - g * rows / groups, rng);
            Tape t = new Tape();
            Var r = residual.residual(t, x, grid.time(n), divergence(rng));
            Var term = t.scale(t.sum(t.square(r)), 1.0 / b.batchSize());
            loss += term.value().get(0);
            t.backward(t.scale(term, b.lossScale()), sink);
        }
        return new Part(loss, sink);
    }

    /** The replay: the states of {@code refreshPaths} forward paths at every grid time into the buffer. */
    private void refresh(TrainingBatch b) {
        int chunks = (refreshPaths + b.chunkSize() - 1) / b.chunkSize();
        List<DMatrixRMaj[]> parts = b.executor().map(chunks, c -> states(b, Math.min(b.chunkSize(),
                refreshPaths - c * b.chunkSize()), b.streams().stream(b.iteration(), c, REFRESH_STREAM)));
        for (DMatrixRMaj[] p : parts) {
            for (int n = 0; n < p.length; n++) {
                buffer.add(n, p[n]);
            }
        }
    }

    private DMatrixRMaj[] states(TrainingBatch b, int rows, UniformRandomProvider rng) {
        DMatrixRMaj[] out = new DMatrixRMaj[grid.steps() + 1];
        StreamedPaths.visit(b.model(), rows, Behaviour.onPolicy(), null, rng, false, new TransitionVisitor() {
            @Override
            public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                out[n] = xn.value();
            }

            @Override
            public void end(Tape t, Var xN) {
                out[grid.steps()] = xN.value();
            }
        });
        return out;
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        return buffer.size(0) == 0 ? Map.of() : prefixed(buffer.state());
    }

    private static Map<String, DMatrixRMaj> prefixed(Map<String, DMatrixRMaj> m) {
        Map<String, DMatrixRMaj> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put("buffer/" + k, v));
        return out;
    }

    @Override
    public void restoreState(Map<String, DMatrixRMaj> state) {
        if (state.isEmpty()) {
            return;
        }
        Map<String, DMatrixRMaj> m = new java.util.LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        state.forEach((k, v) -> {
            if (k.startsWith("buffer/")) {
                m.put(k.substring("buffer/".length()), v);
            } else {
                foreign.add(k);
            }
        });
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("nets loss: unknown state " + foreign);
        }
        buffer.restore(m);
    }
}
