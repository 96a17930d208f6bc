package org.girsanov.samplers.paths;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams keyed by {@code (seed, iteration, chunk, purpose)} (DESIGN invariant 6).
 *
 * <p>Each batch chunk draws from its own stream, so the numbers a chunk sees do not depend on which
 * thread runs it or in which order chunks run; and a stream can be re-created to replay a path
 * exactly (the second, gradient pass of the streamed losses, DESIGN invariant 5). The key is hashed
 * with the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014) into the 128-bit state of a
 * xoroshiro128++ generator (Blackman &amp; Vigna 2021).
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream for one (iteration, chunk, purpose). */
    public UniformRandomProvider stream(long iteration, long chunk, long purpose) {
        long h = mix(seed ^ 0x243F6A8885A308D3L);
        h = mix(h ^ iteration * 0x9E3779B97F4A7C15L);
        h = mix(h ^ chunk * 0xC2B2AE3D27D4EB4FL);
        h = mix(h ^ purpose * 0x165667B19E3779F9L);
        long[] state = {mix(h ^ 0x1L), mix(h ^ 0x2L)};
        return RandomSource.XO_RO_SHI_RO_128_PP.create(state);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
