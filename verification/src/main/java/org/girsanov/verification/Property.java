package org.girsanov.verification;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The property harness (DESIGN "verification"): run a check over random instances, report the first failure
 * with everything needed to replay it.
 *
 * <p>Trial {@code i} of {@code forAll(gen, trials, seed, check)} uses the trial seed
 * {@code s_i = mix(seed, i)} (SplitMix64 finaliser): the instance is {@code gen.next(stream(s_i))} and the
 * check receives a second stream derived from {@code s_i} for its own randomness. On failure the
 * {@link PropertyFailure} message prints {@code s_i} and the instance; {@link #replay} with that seed
 * regenerates the same instance and the same check randomness.
 */
public final class Property {
    private Property() {
    }

    /** A check of one instance: returns a verdict (a failed verdict fails the property) or throws. */
    @FunctionalInterface
    public interface Check<T> {
        Verdict apply(T instance, UniformRandomProvider rng);
    }

    /**
     * Runs {@code trials} trials; returns the verdicts of all of them.
     *
     * @throws PropertyFailure at the first failing trial, naming its seed and instance
     */
    public static <T> java.util.List<Verdict> forAll(Generator<T> gen, int trials, long seed, Check<T> check) {
        if (trials < 1) {
            throw new IllegalArgumentException("Property.forAll: trials = " + trials + "; must be >= 1");
        }
        java.util.List<Verdict> out = new java.util.ArrayList<>();
        for (int i = 0; i < trials; i++) {
            out.add(replay(gen, trialSeed(seed, i), check, i));
        }
        return out;
    }

    /** Replays one trial from its seed (as printed by a failure). */
    public static <T> Verdict replay(Generator<T> gen, long trialSeed, Check<T> check) {
        return replay(gen, trialSeed, check, -1);
    }

    private static <T> Verdict replay(Generator<T> gen, long trialSeed, Check<T> check, int trial) {
        T instance = gen.next(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {trialSeed, 1L}));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {trialSeed, 2L});
        Function<String, String> msg = why -> "property failed" + (trial >= 0 ? " on trial " + trial : "")
                + "; replay with trialSeed = " + trialSeed + "L\n  instance: " + instance + "\n  " + why;
        Verdict v;
        try {
            v = check.apply(instance, rng);
        } catch (RuntimeException | AssertionError e) {
            throw new PropertyFailure(msg.apply("threw " + e), trialSeed, e);
        }
        if (!v.passed()) {
            throw new PropertyFailure(msg.apply(v.toString()), trialSeed, null);
        }
        return v;
    }

    /** {@code s_i}: the SplitMix64 finaliser of {@code seed + (i+1)·γ}. */
    public static long trialSeed(long seed, int trial) {
        long z = seed + (trial + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
