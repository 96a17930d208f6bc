package org.girsanov.samplers.exploration;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * Which behaviour process an off-policy loss trains on at each iteration (docs/math.md §4, exploration; Sendera et al.
 * NeurIPS 2024): forward paths with the noise inflated by {@code κ_i} (κ decaying linearly from
 * {@code noiseScale} to 1 over {@code decayIterations}), and, every {@code backwardEvery}-th iteration once the
 * buffer holds {@code minBuffer} states, backward paths started at states drawn from the {@link ReplayBuffer}
 * by rank priority. Every {@code localSearchEvery}-th observation the buffer is refreshed by {@link LocalSearch}.
 *
 * <p>Use (the trainer integration):
 * <pre>{@code
 *   Behaviour b = schedule.batchFor(i, batchSize);       // forward (maybe explored) or backward from the buffer
 *   ... loss.evaluate(new TrainingBatch(model, batchSize, chunk, b, streams, i, executor, scale)) ...
 *   schedule.observe(i, terminalStatesOfFreshForwardPaths);   // feeds the buffer (scored by log ρ)
 * }</pre>
 * Everything random comes from streams keyed by (seed, iteration), so the schedule is deterministic and a
 * resumed run makes the same choices, provided the buffer is restored (it is not yet part of a checkpoint).
 */
public final class ExplorationSchedule {
    /** Random-stream purposes. */
    static final long BUFFER_STREAM = 21;
    static final long SEARCH_STREAM = 22;

    private final Target target;
    private final ReplayBuffer buffer;
    private final LocalSearch search;
    private final RandomStreams streams;
    private final double noiseScale;
    private final int decayIterations;
    private final int backwardEvery;
    private final int minBuffer;
    private final int localSearchEvery;
    private int observations;

    public ExplorationSchedule(Target target, ReplayBuffer buffer, LocalSearch search, long seed, double noiseScale,
                               int decayIterations, int backwardEvery, int minBuffer, int localSearchEvery) {
        if (!(noiseScale >= 1) || backwardEvery < 0 || minBuffer < 1 || localSearchEvery < 0 || decayIterations < 0) {
            throw new IllegalArgumentException("ExplorationSchedule: need noiseScale >= 1, backwardEvery >= 0, minBuffer >= 1,"
                    + " localSearchEvery >= 0, decayIterations >= 0");
        }
        this.target = target;
        this.buffer = buffer;
        this.search = search;
        this.streams = new RandomStreams(seed);
        this.noiseScale = noiseScale;
        this.decayIterations = decayIterations;
        this.backwardEvery = backwardEvery;
        this.minBuffer = minBuffer;
        this.localSearchEvery = localSearchEvery;
    }

    public ReplayBuffer buffer() {
        return buffer;
    }

    /** How many batches were observed (drives the local-search cadence; saved in checkpoints). */
    public int observations() {
        return observations;
    }

    /** Restores the observation count of a checkpoint. */
    public void restoreObservations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("observations = " + count + "; must be >= 0");
        }
        this.observations = count;
    }

    /** Whether iteration {@code i} trains on backward paths from the buffer. */
    public boolean backwardAt(long i) {
        return backwardEvery > 0 && (i + 1) % backwardEvery == 0 && buffer.size() >= minBuffer;
    }

    /** κ of iteration {@code i}. */
    public double noiseScaleAt(long i) {
        if (decayIterations == 0) {
            return noiseScale;
        }
        return 1 + (noiseScale - 1) * Math.max(0, 1 - i / (double) decayIterations);
    }

    /** The behaviour of iteration {@code i} for a batch of {@code batchSize} paths. */
    public Behaviour batchFor(long i, int batchSize) {
        if (backwardAt(i)) {
            return Behaviour.backwardFrom(buffer.sample(batchSize, streams.stream(i, 0, BUFFER_STREAM)));
        }
        double k = noiseScaleAt(i);
        return k == 1.0 ? Behaviour.onPolicy() : Behaviour.explore(k);
    }

    /** Adds terminal states (scored by {@code log ρ}) and runs the local search when it is due. */
    public void observe(long i, DMatrixRMaj states) {
        Tape t = Tape.noGrad();
        Var lp = target.logDensity(t, t.constant(states));
        buffer.add(states, lp.value().data.clone());
        observations++;
        if (search != null && localSearchEvery > 0 && observations % localSearchEvery == 0) {
            search.refresh(buffer, target, streams.stream(i, 0, SEARCH_STREAM));
        }
    }

    /**
     * Mixes on- and off-policy batches in one gradient step: evaluates {@code loss} on {@code onPolicyRows} forward
     * paths (weight {@code 1 − offWeight}) and on {@code offRows} backward paths from the buffer (weight
     * {@code offWeight}); both gradients are added to the parameters. The off-policy batch draws from streams of a
     * seed derived from {@code streams.seed()}, so its numbers are independent of the forward batch's. For LV this
     * is the sum of two LV losses (each with its own batch mean), still zero exactly at the optimum.
     */
    public LossValue[] mixedStep(Loss loss, Sampler model, long i, int onPolicyRows, int offRows, double offWeight,
                                 int chunkSize, RandomStreams streams, ChunkedExecutor executor, double lossScale) {
        LossValue on = loss.evaluate(new TrainingBatch(model, onPolicyRows, chunkSize, Behaviour.onPolicy(), streams, i,
                executor, (1 - offWeight) * lossScale));
        if (buffer.size() < minBuffer || offRows == 0 || offWeight == 0) {
            return new LossValue[] {on};
        }
        UniformRandomProvider rng = this.streams.stream(i, 1, BUFFER_STREAM);
        RandomStreams offStreams = new RandomStreams(streams.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        LossValue off = loss.evaluate(new TrainingBatch(model, offRows, chunkSize,
                Behaviour.backwardFrom(buffer.sample(offRows, rng)), offStreams, i, executor, offWeight * lossScale));
        return new LossValue[] {on, off};
    }
}
