package org.girsanov.sde;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams keyed by {@code (seed, iteration, chunk)} (DESIGN invariants 6 and 7), and
 * the streams of one run keyed by {@code (iteration, chunk, purpose)}.
 *
 * <p>Counter-based: a Philox-4×64 generator (Salmon et al., SC 2011) whose 128-bit key is
 * {@code (seed, iteration · 2³² + chunk)}. Different keys give statistically independent streams, and a
 * stream depends only on its key — not on which thread asks or in which order — which is what makes
 * chunked simulation bitwise reproducible for any thread count, and lets a stream be re-created to replay a
 * path exactly (the second, gradient pass of the streamed losses). The purpose (path simulation,
 * evaluation, initial weights, …) is folded into the seed with the SplitMix64 finaliser, so streams of
 * different purposes never coincide.
 *
 * @param seed the run's root seed
 */
public record RandomStreams(long seed) {

    /** The stream for one (iteration ≥ 0, chunk ≥ 0, purpose) of this run. */
    public UniformRandomProvider stream(long iteration, long chunk, long purpose) {
        if (chunk > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RandomStreams: chunk = " + chunk + "; must be < 2^31");
        }
        return philox(mix(seed ^ mix(purpose + 0x9E3779B97F4A7C15L)), iteration, (int) chunk);
    }

    /**
     * The stream for {@code (seed, iteration, chunk)}. (Named apart from the instance method {@link #stream}: an
     * overload would let {@code streams.stream(0, 0, 2)} silently resolve to this static method, ignoring the run's
     * seed.)
     *
     * @throws IllegalArgumentException unless {@code 0 <= iteration < 2³¹} and {@code 0 <= chunk < 2³¹}
     */
    public static UniformRandomProvider philox(long seed, long iteration, int chunk) {
        if (iteration < 0 || iteration > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RandomStreams: iteration = " + iteration + "; must be in [0, 2^31)");
        }
        if (chunk < 0) {
            throw new IllegalArgumentException("RandomStreams: chunk = " + chunk + "; must be >= 0");
        }
        long key1 = (iteration << 32) | (chunk & 0xffffffffL);
        return RandomSource.PHILOX_4X64.create(new long[] {seed, key1, 0L, 0L, 0L, 0L});
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
