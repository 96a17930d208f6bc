package org.girsanov.samplers.train;

import org.girsanov.sde.TimeGrid;

/**
 * The kind of training time grid of a {@link TrainingConfig}: {@code uniform}, {@code jittered} (a fresh jittered
 * uniform grid every iteration; evaluation on the uniform one), {@code cosine} (fine near 0) or {@code power:κ}
 * ({@code t_n = T (n/N)^κ}). {@link #parse(String)} reads the spec, {@code toString()} gives it back, and
 * {@link #on(double, int)} lays the grid on {@code [0, T]}.
 */
public sealed interface GridSpec {
    /** The uniform grid. */
    GridSpec UNIFORM = new Uniform();
    /** A fresh jittered uniform grid every training iteration, the uniform one otherwise. */
    GridSpec JITTERED = new Jittered();
    /** Cosine spacing, fine near 0. */
    GridSpec COSINE = new Cosine();

    /** The allowed specs, for messages. */
    String ALLOWED = "uniform, jittered, cosine, power:κ";

    /**
     * The grid on {@code [0, horizon]} with {@code steps} steps; for {@link #JITTERED} the uniform grid the sampler
     * is built and evaluated on (training draws a fresh {@link TimeGrid#jittered} grid every iteration).
     */
    TimeGrid on(double horizon, int steps);

    /** Whether training draws a fresh {@link TimeGrid#jittered} grid every iteration. */
    default boolean jittered() {
        return false;
    }

    /** {@code t_n = T (n/N)^κ}. */
    static GridSpec power(double kappa) {
        return new Power(kappa);
    }

    /**
     * The grid a spec names: {@code uniform}, {@code jittered}, {@code cosine} or {@code power:κ}.
     *
     * @throws IllegalArgumentException naming the allowed values otherwise
     */
    static GridSpec parse(String spec) {
        if (spec != null) {
            for (GridSpec g : new GridSpec[] {UNIFORM, JITTERED, COSINE}) {
                if (g.toString().equals(spec)) {
                    return g;
                }
            }
            if (spec.startsWith(Power.PREFIX)) {
                try {
                    return new Power(Double.parseDouble(spec.substring(Power.PREFIX.length())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("grid = '" + spec + "': κ is not a number; allowed: " + ALLOWED);
                }
            }
        }
        throw new IllegalArgumentException("grid = '" + spec + "'; allowed: " + ALLOWED + " (e.g. power:2)");
    }

    /** The uniform grid. */
    record Uniform() implements GridSpec {
        @Override
        public TimeGrid on(double horizon, int steps) {
            return TimeGrid.uniform(horizon, steps);
        }

        @Override
        public String toString() {
            return "uniform";
        }
    }

    /** The uniform grid, jittered afresh every training iteration. */
    record Jittered() implements GridSpec {
        @Override
        public TimeGrid on(double horizon, int steps) {
            return TimeGrid.uniform(horizon, steps);
        }

        @Override
        public boolean jittered() {
            return true;
        }

        @Override
        public String toString() {
            return "jittered";
        }
    }

    /** Cosine spacing {@code t_n = T (1 − cos(π n / 2N))}. */
    record Cosine() implements GridSpec {
        @Override
        public TimeGrid on(double horizon, int steps) {
            return TimeGrid.cosine(horizon, steps);
        }

        @Override
        public String toString() {
            return "cosine";
        }
    }

    /** {@code t_n = T (n/N)^κ}, {@code κ} finite and {@code > 0}. */
    record Power(double kappa) implements GridSpec {
        static final String PREFIX = "power:";

        public Power {
            if (!(kappa > 0) || !Double.isFinite(kappa)) {
                throw new IllegalArgumentException("grid = '" + PREFIX + number(kappa) + "': kappa = " + kappa
                        + "; must be finite and > 0");
            }
        }

        @Override
        public TimeGrid on(double horizon, int steps) {
            return TimeGrid.power(horizon, steps, kappa);
        }

        /** {@code power:κ}, an integral {@code κ} without a decimal point ({@code power:2}, {@code power:1.5}). */
        @Override
        public String toString() {
            return PREFIX + number(kappa);
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
