package org.girsanov.samplers.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.autodiff.optim.Ema;
import org.girsanov.autodiff.optim.GradClip;
import org.girsanov.autodiff.optim.LearningRateSchedule;
import org.girsanov.samplers.exploration.ExplorationSchedule;
import org.girsanov.samplers.exploration.LocalSearch;
import org.girsanov.samplers.exploration.ReplayBuffer;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.losses.PathMemory;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.NonFiniteException;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.families.StandardisedSampler;
import org.girsanov.samplers.targets.CountingTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * Trains a diffusion sampler: Adam with an exponentially decaying learning rate (a learned {@code log Z} at
 * {@code logZLrScale} times the networks' rate), gradient-norm clipping,
 * an EMA of the weights, the loss divided by {@code d} (reference protocol of Richter &amp; Berner ICLR
 * 2024), a guard against non-finite values, atomic checkpoints (every {@code checkpointEvery} iterations and
 * every {@link CheckpointPolicy} interval of wall time) and exact resume.
 *
 * <p>Every random number of iteration {@code i} comes from streams keyed by {@code (seed, i, chunk)}, so a
 * run resumed from a checkpoint at iteration {@code i} continues with exactly the numbers an
 * uninterrupted run would have drawn, and the thread count never changes a result.
 */
public final class Trainer implements AutoCloseable {
    /** Random-stream purpose of the progress evaluations. */
    static final long PROGRESS_STREAM = 11;

    private final TrainingConfig config;
    private final Target target;
    final CountingTarget counted;
    private final Sampler model;
    private final Loss loss;
    final List<Parameter> params;
    final Adam adam;
    final Ema ema;
    private final RandomStreams streams;
    private final ChunkedExecutor executor;
    /**
     * Where LV and TB keep their first pass when the batch fits ({@link PathMemory#ofHeap()}): the same numbers, one
     * forward pass and its target evaluations fewer. A resumed run takes the decision of the checkpoint's.
     */
    PathMemory memory = PathMemory.ofHeap();
    final TrainingHistory history = new TrainingHistory();
    final ExplorationSchedule exploration;
    long iteration;
    /** Training seconds of the segments before the checkpoint this trainer resumed from. */
    double earlierSeconds;
    /** Nanoseconds spent in {@link #train} by this trainer. */
    private long segmentNanos;

    public Trainer(TrainingConfig config, Target target) {
        this.config = config;
        this.target = target;
        this.counted = new CountingTarget(target);
        this.model = SamplerFactory.model(config, counted);
        this.loss = SamplerFactory.loss(config, model);
        List<Parameter> all = new ArrayList<>(model.parameters());
        all.addAll(loss.parameters());
        this.params = List.copyOf(all);
        TrainingConfig.Optimisation o = config.optimisation();
        LearningRateSchedule schedule = o.lr() == o.lrFinal() ? LearningRateSchedule.constant(o.lr())
                : LearningRateSchedule.exponential(o.lr(), o.lrFinal(), Math.max(1, o.iterations()));
        double[] lrScale = new double[params.size()];
        for (int k = 0; k < lrScale.length; k++) {
            lrScale[k] = loss.logZParameters().contains(params.get(k)) ? o.logZLrScale() : model.learningRateScale(params.get(k));
        }
        this.adam = new Adam(params, schedule, lrScale);
        this.ema = o.emaDecay() > 0 ? new Ema(params, o.emaDecay()) : null;
        this.streams = new RandomStreams(config.run().seed());
        this.executor = new ChunkedExecutor(config.run().threads());
        // the buffer holds the sampler's states: in standardised coordinates its local search runs on that target
        Target states = model instanceof StandardisedSampler z ? z.coordinates() : counted;
        this.exploration = config.exploration().replayEvery() > 0 && loss.offPolicy() ? replaySchedule(config, states)
                : null;
    }

    /** Random-stream purpose of the forward paths that feed the replay buffer. */
    static final long BUFFER_FEED_STREAM = 17;

    /**
     * The replay schedule (Sendera et al. NeurIPS 2024): a buffer of {@code 8 × batch} terminal states ranked by
     * {@code log ρ} (rank priority {@code k = batch}), fed every {@code replayEvery} iterations with fresh forward
     * terminal states and refreshed by 20 MALA steps every 5 feeds; every {@code replayEvery}-th iteration trains
     * on backward paths from buffer states. The forward noise scale decays as for plain exploration.
     */
    private static ExplorationSchedule replaySchedule(TrainingConfig c, Target target) {
        int batch = c.optimisation().batch();
        ReplayBuffer buffer = new ReplayBuffer(8 * batch, target.dimension(), batch);
        return new ExplorationSchedule(target, buffer, new LocalSearch(0.05, 10, 20), c.run().seed(),
                c.exploration().kappa(), Math.max(1, c.optimisation().iterations() / 2), c.exploration().replayEvery(),
                batch, 5);
    }

    /** The exploration schedule when replay is on, else {@code null}. */
    public ExplorationSchedule exploration() {
        return exploration;
    }

    public TrainingConfig config() {
        return config;
    }

    public Sampler model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }

    public Target target() {
        return target;
    }

    /** Where LV and TB keep their first pass, and what it holds ({@link PathMemory#keptDoubles()}). */
    public PathMemory pathMemory() {
        return memory;
    }

    /** Target evaluations (log-density and score, one per point) since the run started, resumes included. */
    public CountingTarget evaluations() {
        return counted;
    }

    /** Gradient steps taken so far. */
    public long iteration() {
        return iteration;
    }

    public TrainingHistory history() {
        return history;
    }

    public List<Parameter> parameters() {
        return params;
    }

    public ChunkedExecutor executor() {
        return executor;
    }

    public RandomStreams streams() {
        return streams;
    }

    /** The behaviour of iteration {@code i}: κ decays linearly from {@code exploration} to 1 over half the run. */
    Behaviour behaviour(long i) {
        if (exploration != null) {
            return exploration.batchFor(i, config.optimisation().batch());
        }
        if (config.exploration().kappa() == 1.0) {
            return Behaviour.onPolicy();
        }
        double half = Math.max(1, config.optimisation().iterations() / 2.0);
        double kappa = 1 + (config.exploration().kappa() - 1) * Math.max(0, 1 - i / half);
        return kappa == 1.0 ? Behaviour.onPolicy() : Behaviour.explore(kappa);
    }

    /** Random-stream purpose of the jittered training grids. */
    static final long GRID_STREAM = 19;

    /**
     * The sampler of iteration {@code i}: on its own grid, or with {@code grid = jittered} on a fresh
     * {@link TimeGrid#jittered} grid of the same steps, drawn from the iteration's own stream.
     */
    Sampler trainedOn(long i) {
        if (!config.time().grid().jittered()) {
            return model;
        }
        return model.withGrid(TimeGrid.jittered(model.grid().end(), model.grid().steps(), streams.stream(i, 0, GRID_STREAM)));
    }

    /**
     * One gradient step. Throws {@link NonFiniteException} — before any parameter changes — when the loss
     * or the gradient is not finite.
     */
    public LossValue step() {
        Parameter.zeroGrads(params);
        if (exploration != null && iteration % config.exploration().replayEvery() == 0) {
            exploration.observe(iteration, PathBatch.simulate(model, config.optimisation().batch(), Behaviour.onPolicy(),
                    null, streams, iteration, BUFFER_FEED_STREAM, config.run().chunkSize(), executor).endPoints());
        }
        TrainingBatch batch = new TrainingBatch(trainedOn(iteration), config.optimisation().batch(),
                config.run().chunkSize(), behaviour(iteration), streams, iteration, executor, 1.0 / model.dimension(), memory);
        LossValue v = loss.evaluate(batch);
        if (!Double.isFinite(v.loss())) {
            throw new NonFiniteException(iteration, loss.name() + " loss", "value " + v.loss());
        }
        double norm = GradClip.globalNorm(params);
        if (!Double.isFinite(norm)) {
            throw new NonFiniteException(iteration, "gradient norm", "value " + norm);
        }
        if (config.optimisation().clip() > 0) {
            GradClip.clipGlobalNorm(params, config.optimisation().clip());
        }
        adam.step();
        if (ema != null) {
            ema.update();
        }
        history.addLoss(iteration, v.loss());
        iteration++;
        return v;
    }

    /** {@link #train(TrainingListener, Path, BooleanSupplier, CheckpointPolicy)} with {@link CheckpointPolicy#defaults()}. */
    public void train(TrainingListener listener, Path checkpoint, BooleanSupplier stop) throws IOException {
        train(listener, checkpoint, stop, CheckpointPolicy.defaults());
    }

    /**
     * Trains until {@code config.optimisation().iterations()} steps are done or {@code stop} says so, checkpointing to
     * {@code checkpoint} (when not null) every {@code checkpointEvery} steps, whenever {@code policy} says
     * enough wall time has passed since the last checkpoint, and at the end. Every checkpoint is written
     * atomically and records {@link #trainingSeconds()}. On a non-finite value it stops, leaves the last good
     * checkpoint in place, reports it to the listener and rethrows.
     */
    public void train(TrainingListener listener, Path checkpoint, BooleanSupplier stop, CheckpointPolicy policy)
            throws IOException {
        LongSupplier clock = policy.clock();
        long start = clock.getAsLong();
        long before = segmentNanos;
        long last = start;
        while (iteration < config.optimisation().iterations()) {
            if (stop.getAsBoolean()) {
                listener.message("stop requested at iteration " + iteration);
                break;
            }
            LossValue v;
            try {
                v = step();
            } catch (NonFiniteException e) {
                listener.message("training stopped: " + e.getMessage()
                        + (checkpoint != null ? "; the last good checkpoint is kept at " + checkpoint : ""));
                throw e;
            }
            if (v.excluded() > 0) {
                listener.message("iteration " + (iteration - 1) + ": " + v.excluded() + " of " + v.logWeights().length
                        + " paths had a non-finite log-weight and were left out of the loss");
            }
            listener.step(iteration, config.optimisation().iterations(), v.loss(), v.excluded());
            if (config.run().evalEvery() > 0 && iteration % config.run().evalEvery() == 0) {
                PathBatch p = simulate(Math.min(2048, config.run().evalPaths()), PROGRESS_STREAM, iteration, true);
                double ess = Metrics.ess(p.logWeights());
                double lb = Metrics.logZLowerBound(p.logWeights());
                double is = Metrics.logZImportance(p.logWeights());
                history.addEvaluation(iteration, ess, lb, is);
                listener.evaluated(iteration, ess, lb, is);
            }
            long now = clock.getAsLong();
            segmentNanos = before + (now - start);
            int every = config.run().checkpointEvery();
            boolean byIterations = every > 0 && iteration % every == 0;
            if (checkpoint != null && iteration < config.optimisation().iterations()
                    && (byIterations || policy.due(now, last))) {
                save(checkpoint);
                last = now;
                listener.checkpointed(iteration, checkpoint);
            }
        }
        segmentNanos = before + (clock.getAsLong() - start);
        memory.release(); // the evaluation after training needs the heap more than a kept pass it will not run
        if (checkpoint != null) {
            save(checkpoint);
            listener.checkpointed(iteration, checkpoint);
        }
    }

    /**
     * Wall seconds spent in {@link #train} over the whole run: those of the earlier segments (restored from the
     * checkpoint; {@code 0} for a checkpoint written before this was recorded) plus {@link #segmentSeconds()}.
     * Work lost to a crash after the last checkpoint is not counted.
     */
    public double trainingSeconds() {
        return earlierSeconds + segmentSeconds();
    }

    /** Wall seconds spent in {@link #train} by this trainer, since it was created or resumed. */
    public double segmentSeconds() {
        return segmentNanos / 1e9;
    }

    /** {@code k} forward paths with the EMA weights (when {@code useEma}), keyed by {@code key}. */
    public PathBatch simulate(int k, long purpose, long key, boolean useEma) {
        return withWeights(useEma, () -> PathBatch.simulate(model, k, Behaviour.onPolicy(), null, streams, key, purpose,
                config.run().chunkSize(), executor));
    }

    /** Runs {@code body} with the EMA weights swapped in (when there is an EMA and {@code useEma}). */
    public <R> R withWeights(boolean useEma, java.util.function.Supplier<R> body) {
        boolean swap = useEma && ema != null;
        if (swap) {
            ema.swap();
        }
        try {
            return body.get();
        } finally {
            if (swap) {
                ema.swap();
            }
        }
    }

    /** Writes the whole training state atomically ({@link TrainerCheckpoint}). */
    public void save(Path file) throws IOException {
        TrainerCheckpoint.write(this, file);
    }

    /** The config stored in a checkpoint. */
    public static TrainingConfig readConfig(Path file) throws IOException {
        return TrainerCheckpoint.readConfig(file);
    }

    /**
     * A trainer restored from {@code file}, optionally with a different iteration budget or thread count
     * ({@code overrides} applied to the stored config), continuing exactly where the checkpoint stopped.
     */
    public static Trainer resume(Path file, Target target, java.util.function.UnaryOperator<TrainingConfig> overrides)
            throws IOException {
        return TrainerCheckpoint.resume(file, target, overrides);
    }

    @Override
    public void close() {
        executor.close();
    }
}
