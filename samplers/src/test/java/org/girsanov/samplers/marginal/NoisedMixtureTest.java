package org.girsanov.samplers.marginal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;
import org.junit.jupiter.api.Test;

/** The noised Gaussian mixture against Monte Carlo and finite differences (docs/math.md §7.7). */
class NoisedMixtureTest {

    /** {@code p_t(x) = E_{x_0 ~ ρ}[N(x; a x_0, v I)]}: the closed form against the Monte Carlo mean, within 4 SE. */
    @Test
    void densityIsTheMonteCarloConvolution() {
        GaussianMixture rho = Mixtures.threeIn2d();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int m = 200_000;
        DMatrixRMaj x0 = rho.sample(m, rng);
        double[][] noisings = {{Math.sqrt(0.7), 0.3}, {1.0, 0.5}, {Math.sqrt(0.05), 0.95}};
        double[][] points = {{0, 0}, {-2, 0.3}, {1.5, 1.5}, {0.2, -2}};
        for (double[] av : noisings) {
            double a = av[0];
            double v = av[1];
            GaussianMixture pt = NoisedMixture.of(rho, a, v);
            for (double[] x : points) {
                double sum = 0;
                double sq = 0;
                for (int i = 0; i < m; i++) {
                    double q = 0;
                    for (int j = 0; j < 2; j++) {
                        double r = x[j] - a * x0.get(i, j);
                        q += r * r;
                    }
                    double p = Math.exp(-0.5 * q / v) / (2 * Math.PI * v);
                    sum += p;
                    sq += p * p;
                }
                double mean = sum / m;
                double se = Math.sqrt((sq / m - mean * mean) / m);
                double exact = Math.exp(Mixtures.logDensity(pt, x));
                assertEquals(exact, mean, 4 * se + 1e-12, "a=" + a + " v=" + v + " x=" + x[0] + "," + x[1]);
            }
        }
    }

    /** The score is the gradient of the log-density (central differences). */
    @Test
    void scoreIsTheGradientOfTheLogDensity() {
        GaussianMixture rho = Mixtures.threeIn2d();
        for (GaussianMixture pt : new GaussianMixture[] {
                NoisedMixture.variancePreserving(rho, 0.4), NoisedMixture.varianceExploding(rho, 0.8)}) {
            double[][] points = {{0, 0}, {-1, 0.5}, {2.5, 1}, {0.3, -3}};
            DMatrixRMaj s = pt.score(new DMatrixRMaj(points));
            for (int i = 0; i < points.length; i++) {
                for (int j = 0; j < 2; j++) {
                    double h = 1e-5;
                    double[] p = points[i].clone();
                    double[] q = points[i].clone();
                    p[j] += h;
                    q[j] -= h;
                    double fd = (Mixtures.logDensity(pt, p) - Mixtures.logDensity(pt, q)) / (2 * h);
                    assertEquals(fd, s.get(i, j), 1e-6 * (1 + Math.abs(fd)));
                }
            }
        }
    }

    /** Exact samples of {@code a X_0 + √v ε} have the mixture's mean {@code a E X_0} and covariance {@code a² Cov X_0 + v I}. */
    @Test
    void samplesOfTheNoisingHaveTheClosedFormMoments() {
        GaussianMixture rho = Mixtures.threeIn2d();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        double a = 0.6;
        double v = 0.64;
        int m = 400_000;
        DMatrixRMaj x0 = rho.sample(m, rng);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj noisedByHand = new DMatrixRMaj(m, 2);
        for (int i = 0; i < 2 * m; i++) {
            noisedByHand.data[i] = a * x0.data[i] + Math.sqrt(v) * g.sample();
        }
        DMatrixRMaj exact = NoisedMixture.of(rho, a, v).sample(m, rng);
        double[] m1 = moments(noisedByHand);
        double[] m2 = moments(exact);
        for (int k = 0; k < m1.length; k++) {
            assertEquals(m1[k], m2[k], 0.02, "moment " + k);
        }
    }

    private static double[] moments(DMatrixRMaj x) {
        double[] s = new double[5];
        for (int i = 0; i < x.numRows; i++) {
            double u = x.get(i, 0);
            double w = x.get(i, 1);
            s[0] += u;
            s[1] += w;
            s[2] += u * u;
            s[3] += w * w;
            s[4] += u * w;
        }
        for (int k = 0; k < 5; k++) {
            s[k] /= x.numRows;
        }
        return s;
    }

    /** Noising twice is one noising: {@code (a₁, v₁) then (a₂, v₂)} is {@code (a₁a₂, a₂²v₁ + v₂)}. */
    @Test
    void noisingsCompose() {
        GaussianMixture rho = Mixtures.threeIn2d();
        GaussianMixture twice = NoisedMixture.of(NoisedMixture.of(rho, 0.8, 0.3), 0.5, 0.2);
        GaussianMixture once = NoisedMixture.of(rho, 0.4, 0.25 * 0.3 + 0.2);
        for (double[] x : new double[][] {{0, 0}, {1, -1}, {-0.7, 0.4}}) {
            assertEquals(Mixtures.logDensity(once, x), Mixtures.logDensity(twice, x), 1e-12);
        }
    }

    /**
     * The noising process's marginals use the OU transitions of the sde module; with a Gaussian {@code π_ref}
     * they are that module's closed-form OU marginals, and at large {@code τ} they approach {@code N(0, σ_∞² I)}.
     */
    @Test
    void noisingProcessMatchesTheOrnsteinUhlenbeckClosedForms() {
        VpLinearSchedule schedule = new VpLinearSchedule(1.5, 0.1, 4.0, 2.0);
        GaussianMixture gauss = GaussianMixture.isotropic("g", new double[][] {{1, -2}}, 0.3, null);
        MixtureNoisingProcess p = new MixtureNoisingProcess(gauss, schedule);
        VpOrnsteinUhlenbeck ou = new VpOrnsteinUhlenbeck(schedule, new IsotropicGaussian(new double[] {1, -2}, 0.3));
        for (double tau : new double[] {0, 0.3, 1.0, 2.0}) {
            assertEquals(ou.meanFactor(0, tau), p.meanFactor(0, tau), 1e-14);
            assertEquals(ou.transitionVariance(0, tau), p.transitionVariance(0, tau), 1e-14);
            DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3, 0.1}, {2, -1}});
            DMatrixRMaj s1 = p.score(x, tau);
            DMatrixRMaj s2 = ou.score(x, tau);
            for (int i = 0; i < 4; i++) {
                assertEquals(s2.data[i], s1.data[i], 1e-10);
            }
        }
        MixtureNoisingProcess mix = new MixtureNoisingProcess(Mixtures.threeIn2d(), new VpLinearSchedule(1.0, 1, 20, 1.0));
        GaussianMixture end = mix.marginal(1.0);
        double stationary = -Math.log(2 * Math.PI);
        assertTrue(Math.abs(Mixtures.logDensity(end, 0, 0) - stationary) < 1e-3);
    }
}
