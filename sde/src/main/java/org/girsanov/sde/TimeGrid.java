package org.girsanov.sde;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A time grid {@code 0 = t_0 < t_1 < … < t_N = T} (docs/math.md §2), uniform or not, with
 * {@code Δt_n = t_{n+1} − t_n}. Immutable.
 */
public final class TimeGrid {
    private final double[] t;

    private TimeGrid(double[] t) {
        this.t = t;
    }

    /** A grid with the given points; they must be finite, strictly increasing, and at least two. */
    public static TimeGrid of(double... points) {
        if (points == null || points.length < 2) {
            throw new IllegalArgumentException("TimeGrid: points must hold at least 2 times (one step); got "
                    + (points == null ? "null" : points.length));
        }
        for (int i = 0; i < points.length; i++) {
            if (!Double.isFinite(points[i])) {
                throw new IllegalArgumentException("TimeGrid: point " + i + " is " + points[i] + "; times must be finite");
            }
            if (i > 0 && !(points[i] > points[i - 1])) {
                throw new IllegalArgumentException("TimeGrid: points must be strictly increasing; t[" + (i - 1) + "] = "
                        + points[i - 1] + " >= t[" + i + "] = " + points[i]);
            }
        }
        return new TimeGrid(points.clone());
    }

    /** {@code N} equal steps on {@code [0, T]}. */
    public static TimeGrid uniform(double horizon, int steps) {
        checkArgs(horizon, steps);
        double[] p = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            p[i] = horizon * i / steps;
        }
        p[steps] = horizon;
        return new TimeGrid(p);
    }

    /**
     * Power spacing {@code t_n = T (n/N)^κ}: {@code κ > 1} concentrates steps near 0, {@code κ < 1} near T.
     */
    public static TimeGrid power(double horizon, int steps, double kappa) {
        checkArgs(horizon, steps);
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("TimeGrid.power: kappa = " + kappa + "; must be finite and > 0");
        }
        double[] p = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            p[i] = horizon * Math.pow((double) i / steps, kappa);
        }
        p[steps] = horizon;
        return of(p);
    }

    /** Cosine spacing {@code t_n = T (1 − cos(π n / 2N))}: fine near 0, coarse near T. */
    public static TimeGrid cosine(double horizon, int steps) {
        checkArgs(horizon, steps);
        double[] p = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            p[i] = horizon * (1 - Math.cos(Math.PI * i / (2.0 * steps)));
        }
        p[0] = 0;
        p[steps] = horizon;
        return of(p);
    }

    /**
     * A jittered uniform grid: {@code t_n = T (n + u_n) / N} for {@code 0 < n < N}, with independent
     * {@code u_n ~ U[−a, a]}, {@code a = }{@value #JITTER}, and {@code t_0 = 0}, {@code t_N = T}. Every step lies in
     * {@code [(1 − 2a) T/N, (1 + 2a) T/N]}, so no step degenerates, and the grid is non-uniform with probability one.
     * Drawn afresh for every gradient step, it trains a sampler on random coarse discretisations, to be evaluated on
     * a fine uniform one (Berner et al. 2025, arXiv 2501.06148: the coarse training grids must be non-uniform).
     */
    public static TimeGrid jittered(double horizon, int steps, UniformRandomProvider rng) {
        checkArgs(horizon, steps);
        double[] p = new double[steps + 1];
        for (int i = 1; i < steps; i++) {
            p[i] = horizon * (i + JITTER * (2 * rng.nextDouble() - 1)) / steps;
        }
        p[steps] = horizon;
        return of(p);
    }

    /** Half-width {@code a} of the jitter of {@link #jittered}, in units of {@code T/N}. */
    public static final double JITTER = 0.4;

    private static void checkArgs(double horizon, int steps) {
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("TimeGrid: horizon T = " + horizon + "; must be finite and > 0");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("TimeGrid: steps = " + steps + "; must be >= 1");
        }
    }

    /** The grid with every step halved (midpoints inserted): {@code 2N} steps, same end points. */
    public TimeGrid refine() {
        int n = steps();
        double[] p = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            p[2 * i] = t[i];
            p[2 * i + 1] = 0.5 * (t[i] + t[i + 1]);
        }
        p[2 * n] = t[n];
        return new TimeGrid(p);
    }

    /** Number of steps {@code N}. */
    public int steps() {
        return t.length - 1;
    }

    /** {@code t_n}, {@code 0 ≤ n ≤ N}. */
    public double time(int n) {
        return t[n];
    }

    /** {@code Δt_n = t_{n+1} − t_n}, {@code 0 ≤ n < N}. */
    public double dt(int n) {
        return t[n + 1] - t[n];
    }

    /** {@code t_0}. */
    public double start() {
        return t[0];
    }

    /** {@code t_N}. */
    public double end() {
        return t[t.length - 1];
    }

    /** A copy of the points. */
    public double[] points() {
        return t.clone();
    }

    /** Whether every step has the same length up to rounding. */
    public boolean isUniform() {
        double d0 = dt(0);
        for (int n = 1; n < steps(); n++) {
            if (Math.abs(dt(n) - d0) > 1e-12 * Math.max(1.0, Math.abs(end()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid g && Arrays.equals(t, g.t);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(t);
    }

    @Override
    public String toString() {
        return "TimeGrid(" + steps() + " steps on [" + start() + ", " + end() + "]" + (isUniform() ? ", uniform" : "") + ")";
    }
}
