package org.girsanov.samplers.paths;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The random streams of one run: a root seed, and a stream per {@code (iteration, chunk, purpose)}
 * (DESIGN invariant 6), built on the counter-based {@link org.girsanov.sde.RandomStreams}. The purpose
 * (path simulation, evaluation, initial weights, …) is folded into the seed with the SplitMix64
 * finaliser, so streams of different purposes never coincide.
 *
 * <p>Each batch chunk draws from its own stream, so the numbers a chunk sees do not depend on which
 * thread runs it; and a stream can be re-created to replay a path exactly (the second, gradient pass
 * of the streamed losses, DESIGN invariant 5).
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream for one (iteration ≥ 0, chunk ≥ 0, purpose). */
    public UniformRandomProvider stream(long iteration, long chunk, long purpose) {
        if (chunk > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RandomStreams: chunk = " + chunk + "; must be < 2^31");
        }
        return org.girsanov.sde.RandomStreams.stream(mix(seed ^ mix(purpose + 0x9E3779B97F4A7C15L)), iteration, (int) chunk);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
