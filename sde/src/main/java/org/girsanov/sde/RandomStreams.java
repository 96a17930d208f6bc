package org.girsanov.sde;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams keyed by {@code (seed, iteration, chunk)} (DESIGN invariants 6 and 7).
 *
 * <p>Counter-based: a Philox-4×64 generator (Salmon et al., SC 2011) whose 128-bit key is
 * {@code (seed, iteration · 2³² + chunk)}. Different keys give statistically independent streams, and a
 * stream depends only on its key — not on which thread asks or in which order — which is what makes
 * chunked simulation bitwise reproducible for any thread count.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /**
     * The stream for {@code (seed, iteration, chunk)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= iteration < 2³¹} and {@code 0 <= chunk < 2³¹}
     */
    public static UniformRandomProvider stream(long seed, long iteration, int chunk) {
        if (iteration < 0 || iteration > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("RandomStreams: iteration = " + iteration + "; must be in [0, 2^31)");
        }
        if (chunk < 0) {
            throw new IllegalArgumentException("RandomStreams: chunk = " + chunk + "; must be >= 0");
        }
        long key1 = (iteration << 32) | (chunk & 0xffffffffL);
        return RandomSource.PHILOX_4X64.create(new long[] {seed, key1, 0L, 0L, 0L, 0L});
    }
}
