package org.girsanov.samplers.targets;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Exact samplers: sample means and variances within 5 standard errors of the exact moments. */
class ExactSamplerMomentsTest {
    private static final int N = 50_000;
    private static final double K = 5.0;

    static DMatrixRMaj fullCov() {
        return new DMatrixRMaj(new double[][] {{2.0, 0.6, -0.3}, {0.6, 1.0, 0.2}, {-0.3, 0.2, 0.5}});
    }

    @Test
    void gaussianFullCovariance() {
        GaussianTarget g = new GaussianTarget("g3", new double[] {1, -2, 0.5}, fullCov(), 1.7);
        DMatrixRMaj x = g.sample(N, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        for (int j = 0; j < 3; j++) {
            SampleMoments.assertMean("gaussian", x, j, g.mean()[j], K);
            SampleMoments.assertVariance("gaussian", x, j, fullCov().get(j, j), K);
        }
        // covariance (0,1): SE ≈ sqrt((Σ00 Σ11 + Σ01²)/n)
        double c01 = SampleMoments.covariance(x, 0, 1);
        double se = Math.sqrt((2.0 * 1.0 + 0.36) / N);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(c01 - 0.6) < K * se, "cov01 " + c01);
    }

    /** Exact mean and variance per coordinate of a mixture: Σ w μ and Σ w (Σ_jj + μ_j²) − mean². */
    static void checkMixture(GaussianMixture m, long seed) {
        DMatrixRMaj x = m.sample(N, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        DMatrixRMaj mu = m.means();
        double[] w = m.weights();
        for (int j = 0; j < m.dimension(); j++) {
            double mean = 0;
            double second = 0;
            for (int k = 0; k < w.length; k++) {
                mean += w[k] * mu.get(k, j);
                second += w[k] * (m.covariance(k).get(j, j) + mu.get(k, j) * mu.get(k, j));
            }
            SampleMoments.assertMean(m.name(), x, j, mean, K);
            SampleMoments.assertVariance(m.name(), x, j, second - mean * mean, K);
        }
    }

    @Test
    void gridMixtures() {
        checkMixture(GridMixture.gmm9(), 2L);
        checkMixture(GridMixture.gmm25(), 3L);
    }

    @Test
    void gmm40() {
        checkMixture(Gmm40.create(), 4L);
    }

    @Test
    void fullCovarianceMixtureWithUnequalWeights() {
        GaussianMixture m = new GaussianMixture("mix", new double[][] {{0, 0, 0}, {3, -1, 2}},
                new DMatrixRMaj[] {fullCov(), org.ejml.dense.row.CommonOps_DDRM.identity(3)}, new double[] {1, 3});
        checkMixture(m, 5L);
    }

    /** x₁ ~ N(0, 9) and x_i e^{−x₁/2} ~ N(0, 1) independent of x₁ (the conditional law). */
    @Test
    void funnel() {
        Funnel f = new Funnel(10);
        DMatrixRMaj x = f.sample(N, RandomSource.XO_RO_SHI_RO_128_PP.create(6L));
        SampleMoments.assertMean("funnel", x, 0, 0, K);
        SampleMoments.assertVariance("funnel", x, 0, 9, K);
        DMatrixRMaj z = new DMatrixRMaj(N, 2);
        for (int i = 0; i < N; i++) {
            z.set(i, 0, x.get(i, 3) * Math.exp(-0.5 * x.get(i, 0)));
            z.set(i, 1, x.get(i, 9) * Math.exp(-0.5 * x.get(i, 0)) * Math.signum(x.get(i, 0)));
        }
        for (int j = 0; j < 2; j++) {
            SampleMoments.assertMean("funnel standardised", z, j, 0, K);
            SampleMoments.assertVariance("funnel standardised", z, j, 1, K);
        }
    }
}
