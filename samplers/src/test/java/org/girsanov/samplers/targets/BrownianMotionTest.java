package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.samplers.metrics.LogWeights;
import org.junit.jupiter.api.Test;

class BrownianMotionTest {
    private static final int T = BrownianMotion.T;

    static double[][] points(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[5][T + 2];
        for (double[] z : p) {
            z[0] = -3 + 2 * rng.nextDouble();
            z[1] = -3 + 2 * rng.nextDouble();
            for (int t = 0; t < T; t++) {
                z[2 + t] = rng.nextDouble() - 0.6;
            }
        }
        return p;
    }

    @Test
    void scoreAndHessianMatchFiniteDifferences() {
        BrownianMotion bm = new BrownianMotion();
        FiniteDifferences.assertScore(bm, points(3), 1e-5, 1e-6);
        FiniteDifferences.assertHessian(bm, points(4), 1e-5, 1e-5);
    }

    static double normal(double v, double m, double s) {
        return -0.5 * Math.log(2 * Math.PI * s * s) - (v - m) * (v - m) / (2 * s * s);
    }

    /** The tape's log-density is the model written term by term (the generative story of the class Javadoc). */
    @Test
    void logDensityIsTheNormalisedModel() {
        BrownianMotion bm = new BrownianMotion();
        for (double[] z : points(5)) {
            double si = Math.exp(z[0]);
            double so = Math.exp(z[1]);
            double expected = normal(z[0], 0, 2) + normal(z[1], 0, 2);
            double prev = 0;
            int observed = 0;
            for (int t = 0; t < T; t++) {
                expected += normal(z[2 + t], prev, si);
                prev = z[2 + t];
                if (!Double.isNaN(BrownianMotion.Y[t])) {
                    expected += normal(BrownianMotion.Y[t], z[2 + t], so);
                    observed++;
                }
            }
            assertEquals(20, observed);
            assertEquals(expected, FiniteDifferences.logDensity(bm, z), 1e-10);
        }
    }

    /**
     * The Kalman likelihood and RTS moments against the brute-force Gaussian: {@code y_obs ~ N(0, Σ)},
     * {@code Σ_ij = q min(t_i, t_j) + r δ_ij}; {@code x | y ~ N(C Σ⁻¹ y, K − C Σ⁻¹ Cᵀ)}, {@code C_tj = q min(t, t_j)},
     * {@code K_ts = q min(t, s)}.
     */
    @Test
    void kalmanFilterAndSmootherMatchTheJointGaussian() {
        int[] obs = new int[20];
        int o = 0;
        for (int t = 0; t < T; t++) {
            if (!Double.isNaN(BrownianMotion.Y[t])) {
                obs[o++] = t;
            }
        }
        for (double[] ab : new double[][] {{-2.3, -1.9}, {-1, -3}, {0.5, 0.2}}) {
            double q = Math.exp(2 * ab[0]);
            double r = Math.exp(2 * ab[1]);
            DMatrixRMaj sigma = new DMatrixRMaj(20, 20);
            DMatrixRMaj c = new DMatrixRMaj(T, 20);
            DMatrixRMaj y = new DMatrixRMaj(20, 1);
            for (int i = 0; i < 20; i++) {
                y.set(i, 0, BrownianMotion.Y[obs[i]]);
                for (int j = 0; j < 20; j++) {
                    sigma.set(i, j, q * (Math.min(obs[i], obs[j]) + 1) + (i == j ? r : 0));
                }
                for (int t = 0; t < T; t++) {
                    c.set(t, i, q * (Math.min(t, obs[i]) + 1));
                }
            }
            DMatrixRMaj inv = sigma.copy();
            assertTrue(CommonOps_DDRM.invert(inv));
            DMatrixRMaj alpha = new DMatrixRMaj(20, 1);
            CommonOps_DDRM.mult(inv, y, alpha);
            double quad = CommonOps_DDRM.dot(y, alpha);
            double logLik = -0.5 * (20 * Math.log(2 * Math.PI) + Math.log(CommonOps_DDRM.det(sigma)) + quad);
            double[] mean = new double[T];
            double[] var = new double[T];
            assertEquals(logLik, BrownianMotionMarginal.logLikelihood(ab[0], ab[1], mean, var), 1e-9);
            DMatrixRMaj m = new DMatrixRMaj(T, 1);
            CommonOps_DDRM.mult(c, alpha, m);
            DMatrixRMaj ci = new DMatrixRMaj(T, 20);
            CommonOps_DDRM.mult(c, inv, ci);
            for (int t = 0; t < T; t++) {
                double v = q * (t + 1);
                for (int i = 0; i < 20; i++) {
                    v -= ci.get(t, i) * c.get(t, i);
                }
                assertEquals(m.get(t, 0), mean[t], 1e-10, "mean t=" + t);
                assertEquals(v, var[t], 1e-10 * Math.max(1, v), "variance t=" + t);
            }
        }
    }

    @Test
    void quadratureIsConverged() {
        TargetReference fine = BrownianMotionMarginal.reference(BrownianMotionMarginal.STEP);
        TargetReference coarse = BrownianMotionMarginal.reference(2 * BrownianMotionMarginal.STEP);
        assertEquals(coarse.logZ(), fine.logZ(), 1e-10);
        for (int k = 0; k < T + 2; k++) {
            assertEquals(coarse.mean()[k], fine.mean()[k], 1e-9, "mean " + k);
            assertEquals(coarse.std()[k], fine.std()[k], 1e-9, "std " + k);
        }
        // the posterior concentrates near the scales the data were drawn with (0.1, 0.15), far from the box's edges
        assertTrue(Math.abs(fine.mean()[0] - Math.log(0.1)) < 1.5, "E[log sigma_inn] = " + fine.mean()[0]);
        assertTrue(Math.abs(fine.mean()[1] - Math.log(0.15)) < 1.0, "E[log sigma_obs] = " + fine.mean()[1]);
    }

    /** An independent estimator: importance sampling of (a, b) from their prior, x integrated out by the Kalman filter. */
    @Test
    void importanceSamplingOverTheScalesAgreesWithTheQuadrature() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian g =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 400_000;
        double[] lw = new double[n];
        // proposal N(mode, 0.5²) per log-scale, centred by the quadrature's posterior mean (a proposal, not the answer)
        TargetReference ref = new BrownianMotion().reference().orElseThrow();
        double ma = ref.mean()[0];
        double mb = ref.mean()[1];
        double sa = 2 * ref.std()[0];
        double sb = 2 * ref.std()[1];
        for (int i = 0; i < n; i++) {
            double a = ma + sa * g.sample();
            double b = mb + sb * g.sample();
            lw[i] = BrownianMotionMarginal.logJoint(a, b) - normal(a, ma, sa) - normal(b, mb, sb);
        }
        double logZ = LogWeights.logZImportance(lw);
        // relative variance of the weights = 1/ESS − 1, so the delta-method error of log Ẑ is √((1/ESS − 1)/n)
        double se = Math.sqrt((1 / LogWeights.effectiveSampleSize(lw) - 1) / n);
        assertEquals(ref.logZ(), logZ, 4 * se + 1e-6, "IS " + logZ + " ± " + se + " vs quadrature " + ref.logZ());
    }
}
