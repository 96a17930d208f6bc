package org.girsanov.samplers.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.RegressionData;
import org.girsanov.samplers.targets.EightSchools;
import org.girsanov.samplers.targets.GeneralizedLinearModel;
import org.girsanov.samplers.targets.TargetReference;
import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The two reference estimators of log Z against values computed without the targets' code: a grid quadrature of
 * the logistic posterior written out naively, the eight-schools marginal likelihood by quadrature, and the shipped
 * references. A wrong prior normaliser, a missing intercept or a missing Jacobian term moves log Z by more than
 * the tolerances here.
 */
class EvidenceTest {
    // five examples, one feature, classes unbalanced (4 of 5 positive) so that the intercept matters
    static final double[] X = {-1.0, 0.3, 0.8, 1.5, 2.0};
    static final double[] Y = {0, 1, 1, 1, 1};
    static final double S = 1.5;

    static GeneralizedLinearModel small() {
        double[][] x = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            x[i] = new double[] {X[i]};
        }
        return GeneralizedLinearModel.logistic("small", RegressionData.of("test", x, Y, null, RegressionData.Response.BINARY),
                S, null);
    }

    /** log ∫∫ N(w; 0, S² I) Π_i σ(±(w₀ + w₁ x_i)) dw by the trapezoidal rule on [−12, 12]², written out naively. */
    static double smallLogZByQuadrature() {
        double h = 0.02;
        double sum = 0;
        for (double w0 = -12; w0 <= 12 + 1e-9; w0 += h) {
            for (double w1 = -12; w1 <= 12 + 1e-9; w1 += h) {
                double p = Math.exp(-(w0 * w0 + w1 * w1) / (2 * S * S)) / (2 * Math.PI * S * S);
                for (int i = 0; i < X.length; i++) {
                    double s = 1 / (1 + Math.exp(-(w0 + w1 * X[i])));
                    p *= Y[i] == 1 ? s : 1 - s;
                }
                sum += p * h * h;
            }
        }
        return Math.log(sum);
    }

    @Test
    void bothEstimatorsMatchQuadratureOnASmallLogisticPosterior() {
        GeneralizedLinearModel t = small();
        double exact = smallLogZByQuadrature();
        LaplaceApproximation lap = LaplaceApproximation.at(t, new double[2]);
        double[] g = t.score(new DMatrixRMaj(1, 2, true, lap.mode())).data;
        assertEquals(0, Math.hypot(g[0], g[1]), 1e-8, "the score vanishes at the mode");
        LogZEstimate is = new ImportanceSamplingEvidence(40000).estimate(t, new MultivariateT(lap, 5),
                new RandomStreams(1).stream(0, 0, 30), "");
        LogZEstimate smc = new SmcEvidence(300, 40, 4, 3, 1).estimate(t, S, 2);
        for (LogZEstimate e : new LogZEstimate[] {is, smc}) {
            assertTrue(e.standardError() < 0.02, e.toString());
            assertEquals(exact, e.logZ(), 4 * e.standardError() + 1e-3, e.method());
        }
    }

    @Test
    void eightSchoolsEstimatorsMatchTheMarginalLikelihood() {
        EightSchools t = new EightSchools(EightSchools.Form.NONCENTRED);
        double exact = t.logZ().getAsDouble();
        LaplaceApproximation lap = LaplaceApproximation.at(t, new double[10]);
        LogZEstimate is = new ImportanceSamplingEvidence(100000).estimate(t, new MultivariateT(lap, 2),
                new RandomStreams(3).stream(0, 0, 30), "");
        LogZEstimate smc = new SmcEvidence(200, 50, 4, 5, 1).estimate(t, 5.0, 4);
        for (LogZEstimate e : new LogZEstimate[] {is, smc}) {
            assertTrue(e.standardError() < 0.3, e.toString());
            assertEquals(exact, e.logZ(), 4 * e.standardError(), e.method());
        }
    }

    @Test
    void whitenedTargetHasTheSameIntegral() {
        GeneralizedLinearModel t = small();
        LaplaceApproximation lap = LaplaceApproximation.at(t, new double[2]);
        WhitenedTarget w = new WhitenedTarget(t, lap);
        // log ρ̃(z) = log ρ(x* + Cz) + log det C, and the score is Cᵀ∇ρ
        double[] z = {0.7, -1.1};
        double[] x = lap.fromStandard(z);
        assertEquals(NewtonMode.logDensity(t, x) + lap.logDetCovarianceFactor(), logDensity(w, z), 1e-12);
        double[] g = w.score(new DMatrixRMaj(1, 2, true, z)).data;
        for (int j = 0; j < 2; j++) {
            double[] p = z.clone();
            double[] m = z.clone();
            p[j] += 1e-5;
            m[j] -= 1e-5;
            assertEquals((logDensity(w, p) - logDensity(w, m)) / 2e-5, g[j], 1e-7);
        }
        assertEquals(z[0], lap.toStandard(x)[0], 1e-12);
        assertEquals(z[1], lap.toStandard(x)[1], 1e-12);
    }

    static double logDensity(org.girsanov.samplers.targets.Target t, double[] x) {
        org.girsanov.autodiff.Tape tape = org.girsanov.autodiff.Tape.noGrad();
        return t.logDensity(tape, tape.constant(new DMatrixRMaj(1, x.length, true, x))).value().data[0];
    }

    @Test
    void studentTIsNormalised() {
        assertEquals(0.5 * Math.log(Math.PI), MultivariateT.logGammaHalf(1), 1e-15);
        assertEquals(Math.log(6), MultivariateT.logGammaHalf(8), 1e-14);
        assertEquals(Math.log(0.75 * Math.sqrt(Math.PI)), MultivariateT.logGammaHalf(5), 1e-14);
        LaplaceApproximation lap = LaplaceApproximation.at(small(), new double[2]);
        MultivariateT q = new MultivariateT(lap, 3);
        // ∫ q = 1 over the plane, in polar standard coordinates: ∫ q(x* + C u) det C du
        double h = 0.01;
        double sum = 0;
        for (double r = h / 2; r < 2000; r += h * Math.max(1, r / 5)) {
            double dr = h * Math.max(1, r / 5);
            double[] x = lap.fromStandard(new double[] {r, 0});
            double lq = q.logDensity(new DMatrixRMaj(1, 2, true, x))[0];
            sum += 2 * Math.PI * r * dr * Math.exp(lq + lap.logDetCovarianceFactor());
        }
        assertEquals(1.0, sum, 2e-3);
    }

    @Test
    void chainMomentsMatchTheExactEightSchoolsMoments() {
        EightSchools t = new EightSchools(EightSchools.Form.NONCENTRED);
        TargetReference exact = t.reference().orElseThrow();
        ChainMoments.Result r = new ChainMoments(4, 300, 1500, 8).run(t, LaplaceApproximation.at(t, new double[10]),
                new RandomStreams(5).stream(0, 0, 32));
        assertTrue(r.maxRhat() < 1.05, "R̂ " + r.maxRhat());
        for (int j = 0; j < 10; j++) {
            assertEquals(exact.mean()[j], r.mean()[j], 5 * r.meanError()[j] + 0.02, "mean " + j);
            assertEquals(exact.std()[j], r.std()[j], 0.12 * exact.std()[j], "std " + j);
        }
    }
}
