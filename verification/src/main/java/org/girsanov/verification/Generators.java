package org.girsanov.verification;

import java.util.Locale;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpCosineSchedule;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.VpSchedule;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;

/** Generators of random instances: shapes, schedules, grids, OU processes, nonlinear SDE pairs. */
public final class Generators {
    private Generators() {
    }

    /** A batch shape. */
    public record Shape(int rows, int cols) {
    }

    /** {@code rows ∈ [1, maxRows]}, {@code cols ∈ [1, maxCols]}. */
    public static Generator<Shape> shapes(int maxRows, int maxCols) {
        return rng -> new Shape(1 + rng.nextInt(maxRows), 1 + rng.nextInt(maxCols));
    }

    /** VP schedules on {@code [0, T]}: linear β with {@code β_min ∈ [0.05, 1]}, {@code β_max ∈ [β_min, 6]}, or cosine. */
    public static Generator<VpSchedule> vpSchedules(double horizon) {
        return rng -> {
            double sigma = 0.5 + 1.5 * rng.nextDouble();
            if (rng.nextBoolean()) {
                double bmin = 0.05 + 0.95 * rng.nextDouble();
                return new VpLinearSchedule(sigma, bmin, bmin + (6 - bmin) * rng.nextDouble(), horizon);
            }
            return new VpCosineSchedule(sigma, 0.008, (0.6 + 0.35 * rng.nextDouble()) * Math.PI / 2, horizon);
        };
    }

    /** Grids on {@code [0, T]} with {@code N ∈ [minSteps, maxSteps]}: uniform, power ({@code κ ∈ [0.5, 2.5]}) or cosine. */
    public static Generator<TimeGrid> grids(double horizon, int minSteps, int maxSteps) {
        return rng -> {
            int n = minSteps + rng.nextInt(maxSteps - minSteps + 1);
            return switch (rng.nextInt(3)) {
                case 0 -> TimeGrid.uniform(horizon, n);
                case 1 -> TimeGrid.power(horizon, n, 0.5 + 2 * rng.nextDouble());
                default -> TimeGrid.cosine(horizon, n);
            };
        };
    }

    /** A VP OU process from a random Gaussian, with a grid. */
    public record OuInstance(VpOrnsteinUhlenbeck process, TimeGrid grid) {
        @Override
        public String toString() {
            return process + " on " + grid + " " + java.util.Arrays.toString(grid.points());
        }
    }

    /** Random OU processes ({@code d ∈ [1, maxDim]}, initial mean in [−2, 2]^d, variance in [0.05, 2]) on random grids. */
    public static Generator<OuInstance> ouInstances(int maxDim, int minSteps, int maxSteps) {
        Generator<VpSchedule> schedules = vpSchedules(1.0);
        Generator<TimeGrid> grids = grids(1.0, minSteps, maxSteps);
        return rng -> {
            int d = 1 + rng.nextInt(maxDim);
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                m[j] = -2 + 4 * rng.nextDouble();
            }
            IsotropicGaussian init = new IsotropicGaussian(m, 0.05 + 1.95 * rng.nextDouble());
            return new OuInstance(new VpOrnsteinUhlenbeck(schedules.next(rng), init), grids.next(rng));
        };
    }

    /**
     * A nonlinear (forward, backward) pair with constant σ: {@code μ(x,t) = a tanh(x + c t) − b x} with random
     * coefficients, on a random grid, in dimension {@code d}.
     */
    public record NonlinearPair(Sde forward, Sde backward, double sigma, int dimension, TimeGrid grid, double[] coefficients) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "NonlinearPair(sigma=%.4f, d=%d, fwd a,b,c=%.4f,%.4f,%.4f, bwd a,b,c=%.4f,%.4f,%.4f, %s)",
                    sigma, dimension, coefficients[0], coefficients[1], coefficients[2], coefficients[3], coefficients[4],
                    coefficients[5], grid);
        }
    }

    /** Random {@link NonlinearPair}s. */
    public static Generator<NonlinearPair> nonlinearPairs(int maxDim) {
        Generator<TimeGrid> grids = grids(1.0, 2, 40);
        return rng -> {
            double[] c = new double[6];
            for (int i = 0; i < 6; i++) {
                c[i] = -2 + 4 * rng.nextDouble();
            }
            double sigma = 0.2 + 1.8 * rng.nextDouble();
            ConstantSchedule s = new ConstantSchedule(sigma);
            return new NonlinearPair(new Sde(tanh(c[0], c[1], c[2]), s), new Sde(tanh(c[3], c[4], c[5]), s), sigma,
                    1 + rng.nextInt(maxDim), grids.next(rng), c);
        };
    }

    /** {@code a tanh(x + c t) − b x}. */
    public static Drift tanh(double a, double b, double c) {
        return (tape, x, t) -> tape.sub(tape.scale(tape.tanh(tape.addScalar(x, c * t)), a), tape.scale(x, b));
    }
}
