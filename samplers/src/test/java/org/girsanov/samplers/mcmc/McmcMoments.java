package org.girsanov.samplers.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;

/** Test helper: per-coordinate mean and variance within k standard errors (independent rows). */
final class McmcMoments {
    private McmcMoments() {
    }

    static double mean(DMatrixRMaj x, int j) {
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            s += x.get(i, j);
        }
        return s / x.numRows;
    }

    static double central(DMatrixRMaj x, int j, int p) {
        double m = mean(x, j);
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            s += Math.pow(x.get(i, j) - m, p);
        }
        return s / x.numRows;
    }

    static void assertMeanAndVariance(String what, DMatrixRMaj x, double[] mean, double[] var, double k) {
        for (int j = 0; j < mean.length; j++) {
            double m = mean(x, j);
            double v = central(x, j, 2);
            double seM = Math.sqrt(v / x.numRows);
            double seV = Math.sqrt((central(x, j, 4) - v * v) / x.numRows);
            assertTrue(Math.abs(m - mean[j]) <= k * seM, what + ": mean[" + j + "] = " + m + " vs " + mean[j] + " ± " + k * seM);
            assertTrue(Math.abs(v - var[j]) <= k * seV, what + ": var[" + j + "] = " + v + " vs " + var[j] + " ± " + k * seV);
        }
    }
}
