package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class CoxProcessTest {

    static double[][] uniformPoints(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
        }
        return p;
    }

    static double[][] fields(CoxProcess c, int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[n][c.dimension()];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = c.priorMean() + 1.5 * (rng.nextDouble() - 0.5);
            }
        }
        return x;
    }

    @Test
    void scoreMatchesFiniteDifferencesOfTheTapeDensity() {
        CoxProcess c = new CoxProcess("lgcp4x4", uniformPoints(40, 1), 4);
        FiniteDifferences.assertScore(c, fields(c, 4, 2), 1e-5, 1e-6);
    }

    /**
     * The density written out independently: the Gaussian prior by a general inverse and determinant (not the class's
     * Cholesky route) and the Poisson terms cell by cell from counts binned here.
     */
    @Test
    void logDensityIsTheGaussianPriorPlusThePoissonTerms() {
        double[][] points = uniformPoints(25, 3);
        points[0] = new double[] {1.0, 1.0}; // on the upper corner: the last cell
        points[1] = new double[] {0.0, 0.74};
        int m = 3;
        CoxProcess c = new CoxProcess("lgcp3x3", points, m);
        int d = m * m;
        double[] counts = new double[d];
        for (double[] p : points) {
            counts[Math.min((int) (p[0] * m), m - 1) * m + Math.min((int) (p[1] * m), m - 1)]++;
        }
        assertArrayEquals(counts, c.counts());
        assertEquals(1.0, counts[d - 1] >= 1 ? 1.0 : 0.0, "the corner point lands in the last cell");
        DMatrixRMaj k = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double dist = Math.hypot(i / m - j / m, i % m - j % m);
                k.set(i, j, 1.91 * Math.exp(-dist * 33.0 / m));
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(d, d);
        CommonOps_DDRM.invert(k.copy(), inv);
        double logDet = Math.log(CommonOps_DDRM.det(k));
        double mu = Math.log(points.length) - 0.5 * 1.91;
        assertEquals(mu, c.priorMean(), 1e-15);
        for (double[] x : fields(c, 3, 4)) {
            double quad = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    quad += (x[i] - mu) * inv.get(i, j) * (x[j] - mu);
                }
            }
            double poisson = 0;
            for (int i = 0; i < d; i++) {
                poisson += x[i] * counts[i] - Math.exp(x[i]) / d;
            }
            double expected = -0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * quad + poisson;
            assertEquals(expected, FiniteDifferences.logDensity(c, x), 1e-9 * Math.abs(expected));
        }
    }

    @Test
    void badInputsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new CoxProcess("x", uniformPoints(3, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> new CoxProcess("x", new double[0][], 4));
        assertThrows(IllegalArgumentException.class, () -> new CoxProcess("x", new double[][] {{0.5, 1.2}}, 4));
    }
}
