package org.girsanov.samplers.annealed;

import java.util.Locale;
import org.girsanov.sde.TimeGrid;

/**
 * A continuous annealing schedule {@code β: [0, 1] → [0, 1]} of the geometric path
 * {@code π_t ∝ p_prior^{1−β_t} ρ^{β_t}} (docs/math.md §6), read at {@code s = (t − t_0)/(t_N − t_0)} of a time
 * grid: {@code β} must increase strictly from {@code β(0) = 0} to {@code β(1) = 1} over the grid's times
 * ({@link #levels}). The discrete AIS levels of {@link BetaSchedule} are the same schedule on {@code s = k/K}.
 */
public interface AnnealingSchedule {

    /** A short name, e.g. {@code linear} or {@code power:2}, used in error messages. */
    String name();

    /** {@code β(s)}, {@code s ∈ [0, 1]}. */
    double beta(double s);

    /**
     * {@code dβ/ds}, which the NETS residual needs ({@code ∂_t log π̃_t = β'_t (log ρ − log p_prior)},
     * {@link AnnealingPath#logDensityRate}). A schedule without a closed-form derivative does not provide one.
     *
     * @throws UnsupportedOperationException naming the schedule, unless it overrides this
     */
    default double rate(double s) {
        throw new UnsupportedOperationException("annealing schedule " + name()
                + " has no closed-form derivative dβ/ds; NETS needs one (use linear or power:p)");
    }

    /** {@code β(s) = s}. */
    static AnnealingSchedule linear() {
        return new Power(1.0);
    }

    /** {@code β(s) = s^p}: {@code p > 1} spends more of the time near the prior. */
    static AnnealingSchedule power(double p) {
        return new Power(p);
    }

    /**
     * {@code β_n = β((t_n − t_0)/(t_N − t_0))} at every time of {@code grid}.
     *
     * @throws IllegalArgumentException naming the schedule unless {@code 0 = β_0 < β_1 < … < β_N = 1}
     */
    default double[] levels(TimeGrid grid) {
        int steps = grid.steps();
        double[] b = new double[steps + 1];
        double span = grid.end() - grid.start();
        for (int n = 0; n <= steps; n++) {
            b[n] = beta(n == steps ? 1.0 : (grid.time(n) - grid.start()) / span);
        }
        BetaSchedule.validate(name(), b);
        return b;
    }

    /** {@code β(s) = s^p}, {@code p > 0} ({@code p = 1}: linear). */
    record Power(double exponent) implements AnnealingSchedule {
        public Power {
            if (!(exponent > 0) || !Double.isFinite(exponent)) {
                throw new IllegalArgumentException("annealing schedule power:" + exponent
                        + ": the exponent must be finite and > 0");
            }
        }

        @Override
        public String name() {
            return exponent == 1.0 ? "linear" : String.format(Locale.ROOT, "power:%s", exponent);
        }

        @Override
        public double beta(double s) {
            return exponent == 1.0 ? s : Math.pow(s, exponent);
        }

        /** {@code dβ/ds = p s^{p−1}}. */
        @Override
        public double rate(double s) {
            return exponent == 1.0 ? 1.0 : exponent * Math.pow(s, exponent - 1);
        }
    }
}
