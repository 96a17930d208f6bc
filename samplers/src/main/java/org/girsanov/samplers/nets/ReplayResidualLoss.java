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
import org.girsanov.samplers.families.Sampler;
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
 * The mean squared PINN residual at detached states of the sampler's own earlier trajectories, the loss of NETS
 * ({@link NetsLoss}) and of the PINN sampler ({@code org.girsanov.samplers.pinn.PinnLoss}):
 * <pre>
 *   L = (1/B) Σ_i R(x_i, t_{n_i})²,     x_i ~ buffer at t_{n_i},
 * </pre>
 * for a {@link PointResidual} {@code R}, with the divergences inside {@code R} exact ({@code probes = 0}) or by
 * Hutchinson with {@code m} Rademacher probes (unbiased for each divergence, so {@code E[R̂] = R}, though
 * {@code E[R̂²] = R² + Var}: the probe variance adds a parameter-dependent term, small for smooth fields).
 * <ul>
 *   <li><b>replay</b> — every {@code refreshEvery} iterations, {@code refreshPaths} forward paths of the current
 *       sampler are simulated on the path engine and their states at every grid time pushed into a
 *       {@link TrajectoryBuffer};</li>
 *   <li><b>times</b> — each chunk cuts its rows into {@value #TIME_GROUPS} groups; group {@code g} shares one grid
 *       index {@code n = ⌊(g + u)(N + 1)/G⌋}, {@code u ~ U(0, 1)} (stratified over {@code 0 … N}), so the networks
 *       run batched.</li>
 * </ul>
 * The loss's own parameters are the residual's ({@link PointResidual#parameters}; the sampler's are trained as
 * every sampler's). Draws of chunk {@code c} at iteration {@code i} come from the stream {@code (seed; i, c, purpose)}
 * and gradients are reduced in chunk order: the same seed gives the same bits for any thread count, and
 * {@link #state()} holds the buffer for an exact resume. Evaluation of the sampler (log Z, ESS) is that of its
 * kernel pair; the loss reports no path log-weights.
 */
public class ReplayResidualLoss implements Loss {
    /** Random-stream purpose of the residual draws (buffer rows, times, Hutchinson probes). */
    static final long RESIDUAL_STREAM = 47;
    /** Random-stream purpose of the refresh paths. */
    static final long REFRESH_STREAM = 53;
    /** Groups of rows sharing one time, per chunk. */
    static final int TIME_GROUPS = 4;

    private final String name;
    private final PointResidual residual;
    private final TrajectoryBuffer buffer;
    private final int probes;
    private final int refreshEvery;
    private final int refreshPaths;
    private final TimeGrid grid;

    /**
     * @param name         the loss's name, in its messages
     * @param model        the sampler whose paths fill the buffer
     * @param residual     {@code R}
     * @param probes       {@code 0}: exact divergences; {@code m ≥ 1}: Hutchinson with {@code m} Rademacher probes
     * @param capacity     states kept per grid time
     * @param refreshEvery iterations between refreshes of the buffer
     * @param refreshPaths paths simulated per refresh
     */
    public ReplayResidualLoss(String name, Sampler model, PointResidual residual, int probes, int capacity,
                              int refreshEvery, int refreshPaths) {
        this.name = Objects.requireNonNull(name, "ReplayResidualLoss: name must not be null");
        Objects.requireNonNull(model, name + " loss: model must not be null");
        this.residual = Objects.requireNonNull(residual, name + " loss: residual must not be null");
        this.grid = model.grid();
        this.buffer = new TrajectoryBuffer(grid.steps() + 1, Checks.atLeast(getClass().getSimpleName(), "capacity", capacity, 1),
                model.dimension());
        if (probes < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": probes = " + probes + "; 0 (exact divergence) or m >= 1"
                    + " (Hutchinson)");
        }
        this.probes = probes;
        this.refreshEvery = Checks.atLeast(getClass().getSimpleName(), "refreshEvery", refreshEvery, 1);
        this.refreshPaths = Checks.atLeast(getClass().getSimpleName(), "refreshPaths", refreshPaths, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Parameter> parameters() {
        return residual.parameters();
    }

    @Override
    public boolean offPolicy() {
        return false;
    }

    /** The replay of earlier trajectories. */
    public TrajectoryBuffer buffer() {
        return buffer;
    }

    /** The training grid, on which the buffer is kept. */
    protected TimeGrid grid() {
        return grid;
    }

    /** The divergence estimator of a residual evaluation drawing its probes from {@code rng}. */
    DivergenceEstimator divergence(UniformRandomProvider rng) {
        return probes == 0 ? DivergenceEstimator.exact() : DivergenceEstimator.hutchinson(probes, Probe.RADEMACHER, rng);
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        if (!b.model().grid().equals(grid)) {
            throw new IllegalArgumentException(name + " loss: the batch's grid " + b.model().grid()
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
            throw new NonFiniteException(b.iteration(), name + " residual", "value " + loss);
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
            throw new IllegalArgumentException(name + " loss: unknown state " + foreign);
        }
        buffer.restore(m);
    }
}
