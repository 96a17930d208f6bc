package org.girsanov.sde;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * {@code N(m, v I)} on {@code R^d}; {@code v = 0} is the point mass {@code δ_m} (sampling only — it has no
 * density). Immutable.
 */
public final class IsotropicGaussian implements Distribution {
    private final double[] mean;
    private final double variance;

    /** @throws IllegalArgumentException unless the mean is finite and the variance finite and {@code >= 0} */
    public IsotropicGaussian(double[] mean, double variance) {
        if (mean == null || mean.length == 0) {
            throw new IllegalArgumentException("IsotropicGaussian: mean must have dimension >= 1");
        }
        for (int j = 0; j < mean.length; j++) {
            Checks.finite("IsotropicGaussian", "mean[" + j + "]", mean[j]);
        }
        this.mean = mean.clone();
        this.variance = Checks.nonNegative("IsotropicGaussian", "variance", variance);
    }

    /** {@code N(0, σ² I_d)}. */
    public static IsotropicGaussian centred(int dimension, double sigma) {
        Checks.atLeast("IsotropicGaussian", "dimension", dimension, 1);
        Checks.nonNegative("IsotropicGaussian", "sigma", sigma);
        return new IsotropicGaussian(new double[dimension], sigma * sigma);
    }

    /** The point mass {@code δ_x}. */
    public static IsotropicGaussian point(double[] x) {
        return new IsotropicGaussian(x, 0.0);
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    /** A copy of the mean. */
    public double[] mean() {
        return mean.clone();
    }

    /** Mean coordinate {@code j}. */
    public double mean(int j) {
        return mean[j];
    }

    /** The per-coordinate variance {@code v}. */
    public double variance() {
        return variance;
    }

    /** The mean as a {@code 1 × d} row. */
    public DMatrixRMaj meanRow() {
        return new DMatrixRMaj(1, mean.length, true, mean);
    }

    /** {@code n} draws; a point mass draws no random numbers. */
    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        Checks.atLeast("IsotropicGaussian.sample", "n", n, 1);
        int d = mean.length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        if (variance == 0) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(mean, 0, x.data, i * d, d);
            }
            return x;
        }
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double s = Math.sqrt(variance);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.data[i * d + j] = mean[j] + s * z.sample();
            }
        }
        return x;
    }

    /** {@code log N(x; m, v I)}, {@code n × 1}. */
    @Override
    public Var apply(Tape tape, Var x) {
        if (variance == 0) {
            throw new IllegalStateException("IsotropicGaussian: a point mass has no log-density");
        }
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("IsotropicGaussian: x has " + x.cols() + " columns; must be " + mean.length);
        }
        return GaussianDensity.isotropic(tape, x, tape.constant(meanRow()), variance);
    }

    /** {@code log N(x_i; m, v I) = −|x_i − m|²/(2v) − (d/2) log(2πv)} of every row, gradient-free. */
    public double[] logDensity(DMatrixRMaj x) {
        if (variance == 0) {
            throw new IllegalStateException("IsotropicGaussian: a point mass has no log-density");
        }
        int d = mean.length;
        if (x.numCols != d) {
            throw new IllegalArgumentException("IsotropicGaussian: x has " + x.numCols + " columns; must be " + d);
        }
        double[] out = new double[x.numRows];
        double c = -0.5 * d * Math.log(2 * Math.PI * variance);
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double r = x.data[i * d + j] - mean[j];
                s += r * r;
            }
            out[i] = c - 0.5 * s / variance;
        }
        return out;
    }

    /** The score {@code −(x − m)/v}, {@code n × d}. */
    public DMatrixRMaj score(DMatrixRMaj x) {
        DMatrixRMaj s = new DMatrixRMaj(x.numRows, x.numCols);
        int d = mean.length;
        for (int i = 0; i < s.getNumElements(); i++) {
            s.data[i] = -(x.data[i] - mean[i % d]) / variance;
        }
        return s;
    }

    @Override
    public String toString() {
        return "N(" + java.util.Arrays.toString(mean) + ", " + variance + " I)";
    }
}
