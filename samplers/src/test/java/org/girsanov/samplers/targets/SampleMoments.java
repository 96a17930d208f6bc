package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;

/** Test helper: per-coordinate sample moments and k-standard-error assertions. */
public final class SampleMoments {
    private SampleMoments() {
    }

    public static double mean(DMatrixRMaj x, int j) {
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            s += x.get(i, j);
        }
        return s / x.numRows;
    }

    public static double central(DMatrixRMaj x, int j, int p) {
        double m = mean(x, j);
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            s += Math.pow(x.get(i, j) - m, p);
        }
        return s / x.numRows;
    }

    public static double covariance(DMatrixRMaj x, int a, int b) {
        double ma = mean(x, a);
        double mb = mean(x, b);
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            s += (x.get(i, a) - ma) * (x.get(i, b) - mb);
        }
        return s / (x.numRows - 1);
    }

    /** Sample mean of coordinate j within k standard errors of {@code expected}. */
    public static void assertMean(String what, DMatrixRMaj x, int j, double expected, double k) {
        double m = mean(x, j);
        double se = Math.sqrt(central(x, j, 2) / x.numRows);
        assertTrue(Math.abs(m - expected) <= k * se,
                what + " mean[" + j + "] = " + m + ", expected " + expected + " ± " + k + " x " + se);
    }

    /** Sample variance of coordinate j within k standard errors (SE² = (m₄ − s⁴)/n) of {@code expected}. */
    public static void assertVariance(String what, DMatrixRMaj x, int j, double expected, double k) {
        double v = central(x, j, 2);
        double se = Math.sqrt((central(x, j, 4) - v * v) / x.numRows);
        assertTrue(Math.abs(v - expected) <= k * se,
                what + " var[" + j + "] = " + v + ", expected " + expected + " ± " + k + " x " + se);
    }

    /** Mean of g(x_j) within k standard errors. */
    public static void assertExpectation(String what, DMatrixRMaj x, int j, java.util.function.DoubleUnaryOperator g,
                                  double expected, double k) {
        int n = x.numRows;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double v = g.applyAsDouble(x.get(i, j));
            s += v;
            s2 += v * v;
        }
        double m = s / n;
        double se = Math.sqrt(Math.max(s2 / n - m * m, 0) / n);
        assertTrue(Math.abs(m - expected) <= k * se,
                what + " E[g(x_" + j + ")] = " + m + ", expected " + expected + " ± " + k + " x " + se);
    }

    /** Per-coordinate mean and variance within k standard errors (independent rows). */
    public static void assertMeanAndVariance(String what, DMatrixRMaj x, double[] mean, double[] var, double k) {
        for (int j = 0; j < mean.length; j++) {
            assertMean(what, x, j, mean[j], k);
            assertVariance(what, x, j, var[j], k);
        }
    }
}
