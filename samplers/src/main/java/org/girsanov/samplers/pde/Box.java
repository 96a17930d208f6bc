package org.girsanov.samplers.pde;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * The box {@code K = [lo_1, hi_1] × … × [lo_d, hi_d]} on which {@code u(·, 0)} is learned, with the uniform law of
 * {@code ξ} on it (Beck et al., J. Sci. Comput. 2021: the regression points are {@code ξ ~ U(K)}). For a parametric
 * family of PDEs the parameters are extra coordinates of the box ({@link #times}) that the SDE leaves constant.
 */
public final class Box {
    private final double[] lo;
    private final double[] hi;

    /** The cube {@code [lo, hi]^d}. */
    public Box(int dimension, double lo, double hi) {
        this(filled(dimension, lo), filled(dimension, hi));
    }

    /** @throws IllegalArgumentException unless both have the same length {@code ≥ 1} and {@code lo_j < hi_j} are finite */
    public Box(double[] lo, double[] hi) {
        if (lo.length < 1 || lo.length != hi.length) {
            throw new IllegalArgumentException("Box: " + lo.length + " lower and " + hi.length + " upper bounds; need the same"
                    + " number >= 1");
        }
        for (int j = 0; j < lo.length; j++) {
            if (!(lo[j] < hi[j]) || !Double.isFinite(lo[j]) || !Double.isFinite(hi[j])) {
                throw new IllegalArgumentException("Box: coordinate " + j + " is [" + lo[j] + ", " + hi[j] + "]; need finite lo < hi");
            }
        }
        this.lo = lo.clone();
        this.hi = hi.clone();
    }

    private static double[] filled(int d, double v) {
        if (d < 1) {
            throw new IllegalArgumentException("Box: dimension = " + d + "; must be >= 1");
        }
        double[] a = new double[d];
        Arrays.fill(a, v);
        return a;
    }

    /** {@code K × P}: this box's coordinates followed by {@code other}'s. */
    public Box times(Box other) {
        double[] l = Arrays.copyOf(lo, lo.length + other.lo.length);
        double[] h = Arrays.copyOf(hi, hi.length + other.hi.length);
        System.arraycopy(other.lo, 0, l, lo.length, other.lo.length);
        System.arraycopy(other.hi, 0, h, hi.length, other.hi.length);
        return new Box(l, h);
    }

    /** {@code d}. */
    public int dimension() {
        return lo.length;
    }

    /** {@code rows} independent points {@code ξ ~ U(K)} ({@code rows × d}). */
    public DMatrixRMaj sample(int rows, UniformRandomProvider rng) {
        int d = lo.length;
        DMatrixRMaj x = new DMatrixRMaj(rows, d);
        for (int k = 0; k < rows * d; k++) {
            int j = k % d;
            x.data[k] = lo[j] + (hi[j] - lo[j]) * rng.nextDouble();
        }
        return x;
    }

    /** The centre {@code (lo_j + hi_j) / 2} of every coordinate. */
    public double[] centre() {
        double[] c = new double[lo.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = 0.5 * (lo[j] + hi[j]);
        }
        return c;
    }

    /** The half-widths {@code (hi_j − lo_j) / 2}. */
    public double[] halfWidth() {
        double[] h = new double[lo.length];
        for (int j = 0; j < h.length; j++) {
            h[j] = 0.5 * (hi[j] - lo[j]);
        }
        return h;
    }

    /** The lower bound of coordinate {@code j}. */
    public double lo(int j) {
        return lo[j];
    }

    /** The upper bound of coordinate {@code j}. */
    public double hi(int j) {
        return hi[j];
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(lo) + "–" + Arrays.toString(hi);
    }
}
