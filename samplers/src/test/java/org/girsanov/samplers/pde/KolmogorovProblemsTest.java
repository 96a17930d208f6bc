package org.girsanov.samplers.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.sde.GaussianDensity;
import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The closed forms solve their PDE (finite differences of {@link ExactSolution} in {@code x} and {@code t}) and meet
 * {@code φ} at {@code t = T}; the spec parser names bad parts.
 */
class KolmogorovProblemsTest {

    /** {@code ∂_t u + ½ Σ_j s_j² ∂_jj u + μ · ∇u} by central differences at {@code (x, t)}. */
    private static double residual(KolmogorovProblem p, double[] x, double t) {
        int d = x.length;
        double h = 1e-2; // the reference Φ has relative error 1.2e-7, which 1/h² would amplify
        double dt = (u(p, x, t + h) - u(p, x, t - h)) / (2 * h);
        Tape tape = Tape.noGrad();
        DMatrixRMaj xm = DMatrixRMaj.wrap(1, d, x.clone());
        DMatrixRMaj mu = p.drift().apply(tape, tape.constant(xm), t).value();
        DMatrixRMaj s = p.diffusion().apply(tape, tape.constant(xm), t).value();
        double r = dt;
        double u0 = u(p, x, t);
        for (int j = 0; j < d; j++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[j] += h;
            b[j] -= h;
            double ua = u(p, a, t);
            double ub = u(p, b, t);
            double sj = s.getNumElements() == 1 ? s.data[0] : s.data[j];
            r += 0.5 * sj * sj * (ua - 2 * u0 + ub) / (h * h) + mu.data[j] * (ua - ub) / (2 * h);
        }
        return r;
    }

    private static double u(KolmogorovProblem p, double[] x, double t) {
        return p.exactSolution().orElseThrow().values(DMatrixRMaj.wrap(1, x.length, x.clone()), t)[0];
    }

    @Test
    void closedFormsSolveTheirEquationAndMeetPhiAtTheHorizon() {
        UniformRandomProvider rng = RandomStreams.philox(3, 0, 0);
        for (KolmogorovProblem p : new KolmogorovProblem[] {KolmogorovProblems.heatQuadratic(3, 0.7, 1, -1, 1),
            KolmogorovProblems.heatGaussian(3, 1.2, 1.5, 1, -1, 1), KolmogorovProblems.gbmGeometricCall(3, 0.05, 0.4, 1.0, 1, 0.9, 1.1),
            KolmogorovProblems.heatQuadraticParametric(2, 0.5, 1.5, 1, 0, 1)}) {
            DMatrixRMaj x = p.domain().sample(5, rng);
            int d = p.dimension();
            for (int i = 0; i < 5; i++) {
                double[] xi = java.util.Arrays.copyOfRange(x.data, d * i, d * i + d);
                double scale = Math.max(1e-3, Math.abs(u(p, xi, 0.5)));
                assertEquals(0, residual(p, xi, 0.5) / scale, 1e-3, p.name() + " at " + java.util.Arrays.toString(xi));
            }
            double[] atT = p.exactSolution().orElseThrow().values(x, p.horizon());
            double[] phi = KolmogorovProblems.terminalValues(p, x);
            for (int i = 0; i < 5; i++) {
                assertEquals(phi[i], atT[i], 1e-6 * Math.max(1, Math.abs(phi[i])), p.name() + ": u(., T) = phi");
            }
        }
    }

    @Test
    void normalCdfMatchesKnownValues() {
        assertEquals(0.5, GaussianDensity.cdf(0), 1e-7);
        assertEquals(0.9750021048517795, GaussianDensity.cdf(1.96), 2e-7);
        assertEquals(0.0013498980316301, GaussianDensity.cdf(-3), 1e-8);
    }

    @Test
    void specsParseAndBadPartsAreNamed() {
        assertEquals(50, KolmogorovProblems.parse("heat:d=50").dimension());
        assertEquals(4, KolmogorovProblems.parse("gbm-call:d=4,sigma=0.3").dimension());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KolmogorovProblems.parse("wave")).getMessage()
                .contains("heat, heat-gauss, gbm-call, heat-param"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KolmogorovProblems.parse("heat:q=1")).getMessage()
                .contains("unknown key 'q'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KolmogorovProblems.parse("heat:d=2.5")).getMessage()
                .contains("d = 2.5"));
        assertThrows(IllegalArgumentException.class, () -> KolmogorovProblems.parse("heat:sigma=x"));
        assertThrows(IllegalArgumentException.class, () -> KolmogorovProblems.parse("heat:sigma=-1"));
        assertThrows(IllegalArgumentException.class, () -> KolmogorovProblems.parse("gbm-call:lo=-1"));
    }
}
