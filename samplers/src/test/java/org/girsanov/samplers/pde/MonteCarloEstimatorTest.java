package org.girsanov.samplers.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo baseline {@code û(x, 0) = mean φ(X̂_N^x)}: its error against the closed form is within
 * {@code 4} standard errors plus the Euler bias bound {@code C Δt} (MSE {@code O(1/m + Δt²)}; Euler is exact in law
 * for the heat equation, so there {@code C = 0}), and the standard error shrinks like {@code 1/√m}.
 */
class MonteCarloEstimatorTest {

    @Test
    void heatEstimatesMatchTheClosedFormWithinFourStandardErrors() {
        for (KolmogorovProblem p : new KolmogorovProblem[] {KolmogorovProblems.heatQuadratic(4, Math.sqrt(2), 1, 0, 1),
            KolmogorovProblems.heatGaussian(4, 1, 2, 1, -1, 1)}) {
            double[] x = {0.3, -0.2, 0.5, 0.1};
            double exact = p.exactSolution().orElseThrow().values(org.ejml.data.DMatrixRMaj.wrap(1, 4, x.clone()), 0)[0];
            MonteCarloEstimator.Estimate e = new MonteCarloEstimator(p, 2).at(x, 40_000, RandomStreams.philox(7, 0, 0));
            assertEquals(exact, e.mean(), 4 * e.standardError(), p.name());
            assertTrue(e.standardError() < 2e-2 * Math.abs(exact), p.name() + ": se " + e.standardError());
        }
    }

    @Test
    void blackScholesEstimateIsWithinFourStandardErrorsPlusTheEulerBias() {
        KolmogorovProblem p = KolmogorovProblems.gbmGeometricCall(3, 0.05, 0.4, 1.0, 1, 0.9, 1.1);
        double[] x = {1.0, 0.95, 1.05};
        double exact = p.exactSolution().orElseThrow().values(org.ejml.data.DMatrixRMaj.wrap(1, 3, x.clone()), 0)[0];
        int steps = 50;
        MonteCarloEstimator.Estimate e = new MonteCarloEstimator(p, steps).at(x, 100_000, RandomStreams.philox(8, 0, 0));
        // weak Euler error for GBM: |E φ(X̂_N) − E φ(X_T)| ≤ C Δt; C = 0.1 is generous here (the bias is ~ r²T Δt/2)
        assertEquals(exact, e.mean(), 4 * e.standardError() + 0.1 / steps);
    }

    @Test
    void standardErrorShrinksLikeOneOverRootM() {
        KolmogorovProblem p = KolmogorovProblems.heatQuadratic(2, 1, 1, 0, 1);
        double[] x = {0.5, 0.5};
        MonteCarloEstimator mc = new MonteCarloEstimator(p, 1);
        double small = mc.at(x, 2_000, RandomStreams.philox(9, 0, 0)).standardError();
        double large = mc.at(x, 32_000, RandomStreams.philox(9, 1, 0)).standardError();
        assertEquals(4.0, small / large, 0.4);
    }
}
