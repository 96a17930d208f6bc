package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class EightSchoolsTest {

    static double[][] points(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[6][10];
        for (double[] x : p) {
            x[0] = 10 * rng.nextDouble() - 2;
            x[1] = 4 * rng.nextDouble() - 2;
            for (int j = 2; j < 10; j++) {
                x[j] = 20 * rng.nextDouble() - 8;
            }
        }
        return p;
    }

    @Test
    void scoresAndHessiansMatchFiniteDifferences() {
        for (EightSchools.Form f : EightSchools.Form.values()) {
            EightSchools t = new EightSchools(f);
            FiniteDifferences.assertScore(t, points(7), 1e-5, 1e-7);
            FiniteDifferences.assertHessian(t, points(8), 1e-5, 1e-6);
        }
    }

    /** The log-density written out term by term, at one point. */
    @Test
    void logDensityIsTheNormalisedHierarchicalModel() {
        double[] x = {4, 1.2, 10, 7, -2, 6, 0, 3, 15, 9};
        double tau = Math.exp(1.2);
        double c = normal(4, 0, 5) + Math.log(2 / (Math.PI * 5 * (1 + tau * tau / 25))) + 1.2;
        double centred = c;
        double nonCentred = c;
        for (int j = 0; j < 8; j++) {
            centred += normal(x[2 + j], 4, tau) + normal(EightSchools.Y[j], x[2 + j], EightSchools.SIGMA[j]);
            nonCentred += normal(x[2 + j], 0, 1) + normal(EightSchools.Y[j], 4 + tau * x[2 + j], EightSchools.SIGMA[j]);
        }
        assertEquals(centred, FiniteDifferences.logDensity(new EightSchools(EightSchools.Form.CENTRED), x), 1e-12);
        assertEquals(nonCentred, FiniteDifferences.logDensity(new EightSchools(EightSchools.Form.NONCENTRED), x), 1e-12);
    }

    static double normal(double v, double m, double s) {
        return -0.5 * Math.log(2 * Math.PI * s * s) - (v - m) * (v - m) / (2 * s * s);
    }

    /** log p(y | τ) of the closed form equals ∫ N(μ; 0, 25) Π_j N(y_j; μ, σ_j² + τ²) dμ by quadrature. */
    @Test
    void marginalLikelihoodGivenTau() {
        for (double s : new double[] {-3, 0, 1.5, 3}) {
            double tau2 = Math.exp(2 * s);
            double integral = 0;
            double h = 1e-3;
            for (double mu = -60; mu <= 60; mu += h) {
                double lp = normal(mu, 0, 5);
                for (int j = 0; j < 8; j++) {
                    lp += normal(EightSchools.Y[j], mu, Math.sqrt(EightSchools.SIGMA[j] * EightSchools.SIGMA[j] + tau2));
                }
                integral += h * Math.exp(lp + 35);
            }
            double logPrior = Math.log(2 / (Math.PI * 5)) + s - Math.log1p(tau2 / 25);
            assertEquals(Math.log(integral) - 35 + logPrior, EightSchoolsMarginal.logJoint(s), 1e-9);
        }
    }

    @Test
    void quadratureIsConverged() {
        for (EightSchools.Form f : EightSchools.Form.values()) {
            TargetReference fine = EightSchoolsMarginal.reference(f);
            TargetReference coarse = EightSchoolsMarginal.reference(f, 2 * EightSchoolsMarginal.STEP);
            assertEquals(coarse.logZ(), fine.logZ(), 1e-11);
            for (int j = 0; j < 10; j++) {
                assertEquals(coarse.mean()[j], fine.mean()[j], 1e-9);
                assertEquals(coarse.std()[j], fine.std()[j], 1e-9);
            }
        }
    }

    @Test
    void bothFormsHaveTheSameLogZ() {
        double c = new EightSchools(EightSchools.Form.CENTRED).logZ().getAsDouble();
        double n = new EightSchools(EightSchools.Form.NONCENTRED).logZ().getAsDouble();
        assertEquals(c, n, 1e-12);
        assertTrue(c < -30 && c > -40, "log Z = " + c);
        TargetReference rc = new EightSchools(EightSchools.Form.CENTRED).reference().orElseThrow();
        TargetReference rn = new EightSchools(EightSchools.Form.NONCENTRED).reference().orElseThrow();
        assertEquals(rc.mean()[0], rn.mean()[0], 1e-9, "E[μ] in both forms");
        assertEquals(rc.std()[1], rn.std()[1], 1e-9, "std of log τ in both forms");
        assertEquals(1.0, rn.std()[2], 0.2, "η_1 is close to its N(0, 1) prior");
    }
}
