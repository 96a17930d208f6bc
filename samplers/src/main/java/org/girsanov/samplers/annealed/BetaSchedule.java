package org.girsanov.samplers.annealed;

/**
 * Inverse-temperature schedules {@code 0 = β_0 < β_1 < … < β_K = 1} for the geometric annealing path
 * {@code π_k ∝ p_prior^{1−β_k} ρ^{β_k}} (docs/math.md §6).
 */
public final class BetaSchedule {
    private BetaSchedule() {
    }

    /** {@code β_k = k/K}. */
    public static double[] linear(int levels) {
        return power(levels, 1.0);
    }

    /**
     * {@code β_k = (k/K)^p}: {@code p > 1} spends more levels near the prior, where the path changes fastest
     * for peaked targets (Neal, "Annealed importance sampling", Stat. Comput. 2001, §5 uses p = 4 style
     * schedules).
     */
    public static double[] power(int levels, double p) {
        if (levels < 1) {
            throw new IllegalArgumentException("annealing schedule: need at least 1 level, got " + levels);
        }
        if (!(p > 0)) {
            throw new IllegalArgumentException("annealing schedule: exponent must be positive, got " + p);
        }
        AnnealingSchedule schedule = AnnealingSchedule.power(p);
        double[] b = new double[levels + 1];
        for (int k = 0; k <= levels; k++) {
            b[k] = schedule.beta(k / (double) levels);
        }
        b[levels] = 1.0;
        return b;
    }

    /** Throws unless {@code betas} increases from 0 to 1. */
    static void validate(double[] betas) {
        validate("levels", betas);
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the schedule {@code name} unless
     * {@code 0 = β_0 < β_1 < … < β_K = 1}.
     */
    static void validate(String name, double[] betas) {
        if (betas.length < 2 || betas[0] != 0.0 || betas[betas.length - 1] != 1.0) {
            throw new IllegalArgumentException("annealing schedule " + name + " must start at 0 and end at 1, got "
                    + java.util.Arrays.toString(betas));
        }
        for (int k = 1; k < betas.length; k++) {
            if (!(betas[k] > betas[k - 1])) {
                throw new IllegalArgumentException("annealing schedule " + name + " must increase strictly; β_" + k
                        + " = " + betas[k] + " after " + betas[k - 1]);
            }
        }
    }
}
