package org.girsanov.samplers.schrodinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The closed-form Gaussian bridge against mathematics that does not use its formulas: the one-dimensional
 * maximiser of the entropic objective (for the Brownian and the Ornstein–Uhlenbeck reference), the σ → 0 and σ → ∞
 * limits, and an Euler–Maruyama simulation of its own drift, whose marginals, coupling and transport cost must be
 * the closed-form ones.
 */
class GaussianBridgeTest {
    static final DMatrixRMaj COV0 = new DMatrixRMaj(2, 2, true, 1.0, 0.5, 0.5, 2.0);
    static final DMatrixRMaj COV1 = new DMatrixRMaj(2, 2, true, 2.0, -0.6, -0.6, 0.8);
    /** Two 3 × 3 covariances whose bridge has a non-symmetric C (so a transposed C would show). */
    static final DMatrixRMaj A0 = spd(1.0, 0.3, 0.0, 0.2, 1.1, 0.4, 0.0, -0.5, 0.9);
    static final DMatrixRMaj A1 = spd(0.8, -0.6, 0.3, 0.0, 1.2, 0.5, 0.7, 0.1, 0.6);

    /** {@code B Bᵀ + 0.1 I} for the 3 × 3 {@code B} given row by row. */
    static DMatrixRMaj spd(double... b) {
        DMatrixRMaj m = new DMatrixRMaj(3, 3, true, b);
        DMatrixRMaj s = new DMatrixRMaj(3, 3);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(m, m, s);
        for (int i = 0; i < 3; i++) {
            s.add(i, i, 0.1);
        }
        return s;
    }

    @Test
    void oneDimensionalCouplingMaximisesTheEntropicObjective() {
        double s0 = 1.3;
        double s1 = 0.7;
        for (double sigma : new double[] {0.1, 0.5, 1.0, 3.0}) {
            GaussianBridge b = GaussianBridge.isotropic(new double[] {0.2}, s0, new double[] {-1.0}, s1, sigma);
            double c = b.crossCovariance().get(0, 0);
            // the objective c/σ² + ½ log(s0² s1² − c²) by a fine scan of c in (−s0 s1, s0 s1)
            double best = Double.NEGATIVE_INFINITY;
            double argmax = 0;
            for (int i = 1; i < 200000; i++) {
                double x = -s0 * s1 + 2 * s0 * s1 * i / 200000.0;
                double v = x / (sigma * sigma) + 0.5 * Math.log(s0 * s0 * s1 * s1 - x * x);
                if (v > best) {
                    best = v;
                    argmax = x;
                }
            }
            assertEquals(argmax, c, 2e-5, "sigma " + sigma);
        }
        assertEquals(s0 * s1, GaussianBridge.isotropic(new double[] {0}, s0, new double[] {0}, s1, 1e-4)
                .crossCovariance().get(0, 0), 1e-6, "σ → 0: the optimal-transport coupling");
        assertEquals(0.0, GaussianBridge.isotropic(new double[] {0}, s0, new double[] {0}, s1, 1e3)
                .crossCovariance().get(0, 0), 1e-6, "σ → ∞: the independent coupling");
    }

    /**
     * The Ornstein–Uhlenbeck reference: in one dimension the coupling maximises {@code E log q(x1 | x0) + H}, i.e.
     * {@code c a / v_1 + ½ log(s0² s1² − c²)} with {@code a = e^{−α}}, {@code v_1 = σ²(1 − e^{−2α})/(2α)} — a scan that
     * does not use the reduction to the Brownian problem; and {@code α → 0} is the Brownian bridge.
     */
    @Test
    void ornsteinUhlenbeckCouplingMaximisesItsEntropicObjective() {
        double s0 = 1.3;
        double s1 = 0.7;
        for (double alpha : new double[] {-0.5, 0.4, 1.5}) {
            for (double sigma : new double[] {0.3, 1.0, 2.0}) {
                GaussianBridge b = new GaussianBridge(new double[] {0.2}, diag(s0 * s0), new double[] {-1.0}, diag(s1 * s1),
                        sigma, alpha);
                double a = Math.exp(-alpha);
                double v1 = sigma * sigma * (1 - Math.exp(-2 * alpha)) / (2 * alpha);
                double best = Double.NEGATIVE_INFINITY;
                double argmax = 0;
                for (int i = 1; i < 200000; i++) {
                    double x = -s0 * s1 + 2 * s0 * s1 * i / 200000.0;
                    double v = x * a / v1 + 0.5 * Math.log(s0 * s0 * s1 * s1 - x * x);
                    if (v > best) {
                        best = v;
                        argmax = x;
                    }
                }
                assertEquals(argmax, b.crossCovariance().get(0, 0), 2e-5, "alpha " + alpha + ", sigma " + sigma);
            }
        }
        GaussianBridge brownian = new GaussianBridge(new double[] {1, -1}, COV0, new double[] {0, 3}, COV1, 0.8);
        GaussianBridge nearly = new GaussianBridge(new double[] {1, -1}, COV0, new double[] {0, 3}, COV1, 0.8, 1e-9);
        assertMatrix(brownian.crossCovariance(), nearly.crossCovariance(), 1e-7);
        assertMatrix(brownian.covariance(0.3), nearly.covariance(0.3), 1e-7);
        assertMatrix(brownian.drift(new DMatrixRMaj(1, 2, true, 0.4, -0.2), 0.6),
                nearly.drift(new DMatrixRMaj(1, 2, true, 0.4, -0.2), 0.6), 1e-7);
    }

    private static DMatrixRMaj diag(double v) {
        return new DMatrixRMaj(1, 1, true, v);
    }

    @Test
    void endMarginalsAreTheGivenOnes() {
        for (double alpha : new double[] {0.0, 1.2}) {
            GaussianBridge b = new GaussianBridge(new double[] {1, -1}, COV0, new double[] {0, 3}, COV1, 0.8, alpha);
            assertArrayEquals(new double[] {1, -1}, b.mean(0));
            assertArrayEquals(new double[] {0, 3}, b.mean(1));
            assertMatrix(COV0, b.covariance(0), 1e-12);
            assertMatrix(COV1, b.covariance(1), 1e-12);
        }
    }

    @Test
    void simulatingItsDriftGivesItsMarginalsCouplingAndCost() {
        simulateAndCompare(0.0);
    }

    @Test
    void simulatingTheOrnsteinUhlenbeckBridgeGivesItsMarginalsCouplingAndCost() {
        simulateAndCompare(0.9);
    }

    private static void simulateAndCompare(double alpha) {
        double sigma = 0.8;
        double[] m0 = {1, -1, 0.5};
        double[] m1 = {0, 3, -2};
        GaussianBridge b = new GaussianBridge(m0, A0, m1, A1, sigma, alpha);
        int d = 3;
        int k = 40000;
        int n = 400;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj l0 = cholesky(A0);
        DMatrixRMaj x = new DMatrixRMaj(k, d);
        double[] z = new double[d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = g.sample();
            }
            for (int j = 0; j < d; j++) {
                double v = m0[j];
                for (int l = 0; l <= j; l++) {
                    v += l0.get(j, l) * z[l];
                }
                x.set(i, j, v);
            }
        }
        DMatrixRMaj x0 = x.copy();
        DMatrixRMaj half = null;
        double dt = 1.0 / n;
        for (int s = 0; s < n; s++) {
            DMatrixRMaj f = b.drift(x, s * dt);
            for (int e = 0; e < x.data.length; e++) {
                x.data[e] += f.data[e] * dt + sigma * Math.sqrt(dt) * g.sample();
            }
            if (s + 1 == n / 2) {
                half = x.copy();
            }
        }
        assertMoments(b, 0.5, half, 0.04);
        assertMoments(b, 1.0, x, 0.04);
        DMatrixRMaj c = b.crossCovariance();
        double cost = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(c.get(i, j), covariance(x0, i, x, j), 0.04, "Cov(X0_" + i + ", X1_" + j + ")");
            }
        }
        for (int r = 0; r < k; r++) {
            for (int i = 0; i < d; i++) {
                double e = x0.get(r, i) - x.get(r, i);
                cost += e * e / k;
            }
        }
        assertEquals(b.transportCost(), cost, 0.05 * b.transportCost(), "E|X0 − X1|²");
        double asymmetry = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                asymmetry = Math.max(asymmetry, Math.abs(c.get(i, j) - c.get(j, i)));
            }
        }
        assertTrue(asymmetry > 0.1, "these covariances give a non-symmetric C (a transposed C would show): " + c);
    }

    @Test
    void badInputsAreNamed() {
        DMatrixRMaj notPd = new DMatrixRMaj(2, 2, true, 1, 2, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianBridge(new double[2], notPd, new double[2], COV1, 1.0));
        assertTrue(e.getMessage().contains("cov0 is not positive definite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianBridge(new double[2], COV0, new double[3], COV1, 1.0));
        assertTrue(e.getMessage().contains("need one dimension"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianBridge(new double[2], COV0, new double[2], COV1, 0.0));
        assertTrue(e.getMessage().contains("sigma = 0.0"), e.getMessage());
        DMatrixRMaj asym = new DMatrixRMaj(2, 2, true, 1, 0.1, 0.2, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianBridge(new double[2], COV0, new double[2], asym, 1.0));
        assertTrue(e.getMessage().contains("cov1 is not symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianBridge(new double[2], COV0, new double[2], COV1, 1.0, Double.NaN));
        assertTrue(e.getMessage().contains("alpha = NaN"), e.getMessage());
        GaussianBridge b = new GaussianBridge(new double[2], COV0, new double[2], COV1, 1.0);
        e = assertThrows(IllegalArgumentException.class, () -> b.drift(new DMatrixRMaj(1, 2), 1.0));
        assertTrue(e.getMessage().contains("need 0 <= t < 1"), e.getMessage());
    }

    static void assertMoments(GaussianBridge b, double t, DMatrixRMaj x, double tol) {
        double[] m = b.mean(t);
        DMatrixRMaj s = b.covariance(t);
        for (int i = 0; i < m.length; i++) {
            assertEquals(m[i], mean(x, i), tol, "mean_" + i + " at t = " + t);
            for (int j = 0; j < m.length; j++) {
                assertEquals(s.get(i, j), covariance(x, i, x, j), tol * Math.max(1, Math.abs(s.get(i, j))),
                        "cov_" + i + j + " at t = " + t);
            }
        }
    }

    static double mean(DMatrixRMaj x, int col) {
        double m = 0;
        for (int r = 0; r < x.numRows; r++) {
            m += x.get(r, col) / x.numRows;
        }
        return m;
    }

    static double covariance(DMatrixRMaj a, int i, DMatrixRMaj b, int j) {
        double ma = mean(a, i);
        double mb = mean(b, j);
        double c = 0;
        for (int r = 0; r < a.numRows; r++) {
            c += (a.get(r, i) - ma) * (b.get(r, j) - mb) / (a.numRows - 1);
        }
        return c;
    }

    private static DMatrixRMaj cholesky(DMatrixRMaj s) {
        var chol = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(s.numRows, true);
        if (!chol.decompose(s.copy())) {
            throw new AssertionError("not positive definite");
        }
        return chol.getT(null);
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-12);
    }

    private static void assertMatrix(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data, actual.data, tol);
    }
}
