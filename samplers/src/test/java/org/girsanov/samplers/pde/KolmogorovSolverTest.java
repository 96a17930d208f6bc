package org.girsanov.samplers.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The learned {@code u(·, 0)} against the closed forms after short training at small {@code d}, the variance
 * reduction of the Richter–Berner target, and thread-count independence.
 */
class KolmogorovSolverTest {

    private static SolverConfig config(KolmogorovLoss loss, int iterations) {
        return new SolverConfig(loss, 10, 256, 128, iterations, 1e-2, 1e-3, 32, 2, 1, 1);
    }

    private static SolutionError train(KolmogorovProblem p, SolverConfig c) {
        try (KolmogorovSolver s = new KolmogorovSolver(p, c)) {
            s.train((l, i) -> { });
            return s.error(2000, RandomStreams.philox(5, 0, 0));
        }
    }

    @Test
    void plainRegressionLearnsTheHeatEquationWithQuadraticTerminal() {
        SolutionError e = train(KolmogorovProblems.heatQuadratic(3, Math.sqrt(2), 1, 0, 1), config(KolmogorovLoss.PLAIN, 300));
        assertTrue(e.relativeL2() < 2e-2, "relative L2 " + e.relativeL2());
        assertTrue(e.relativeLInf() < 0.1, "relative Linf " + e.relativeLInf());
    }

    @Test
    void varianceReducedRegressionLearnsTheHeatEquationWithGaussianTerminal() {
        SolutionError e = train(KolmogorovProblems.heatGaussian(3, 1, Math.sqrt(3), 1, -1, 1),
                config(KolmogorovLoss.VARIANCE_REDUCED, 300));
        assertTrue(e.relativeL2() < 2e-2, "relative L2 " + e.relativeL2());
    }

    @Test
    void spaceTimeRegressionLearnsTheSolutionAtEveryGridTime() {
        KolmogorovProblem p = KolmogorovProblems.heatGaussian(3, 1, Math.sqrt(3), 1, -1, 1);
        try (KolmogorovSolver s = new KolmogorovSolver(p, config(KolmogorovLoss.SPACE_TIME, 300))) {
            s.train((l, i) -> { });
            DMatrixRMaj x = p.domain().sample(1000, RandomStreams.philox(5, 0, 0));
            for (double t : new double[] {0.0, 0.5}) {
                SolutionError e = SolutionError.of(s.network().values(x, t), p.exactSolution().orElseThrow().values(x, t));
                assertTrue(e.relativeL2() < 3e-2, "t = " + t + ": relative L2 " + e.relativeL2());
            }
        }
    }

    @Test
    void learnsTheBlackScholesGeometricBasketCall() {
        SolutionError e = train(KolmogorovProblems.gbmGeometricCall(3, 0.05, 0.4, 1.0, 1, 0.9, 1.1),
                config(KolmogorovLoss.PLAIN, 300));
        assertTrue(e.relativeL2() < 5e-2, "relative L2 " + e.relativeL2());
    }

    @Test
    void varianceReducedTargetHasAFractionOfThePlainTargetsVarianceOnceTrained() {
        KolmogorovProblem p = KolmogorovProblems.heatQuadratic(3, Math.sqrt(2), 1, 0, 1);
        try (KolmogorovSolver s = new KolmogorovSolver(p, config(KolmogorovLoss.VARIANCE_REDUCED, 300))) {
            KolmogorovSolver.TargetVariance before = s.targetVariance(32, 64, RandomStreams.philox(6, 0, 0));
            assertEquals(1.0, before.factor(), 1e-12, "an untrained network has ∇u = 0: the two targets coincide");
            s.train((l, i) -> { });
            KolmogorovSolver.TargetVariance after = s.targetVariance(32, 64, RandomStreams.philox(6, 0, 0));
            // Var φ(X_T) | ξ = 4σ²T|ξ|² + 2dσ⁴T² ≈ 40 here; the floor of the reduced one is the Euler error 2dσ⁴T²/N = 2.4
            assertTrue(after.plain() > 30, "plain " + after.plain());
            assertTrue(after.factor() > 4, "variance reduced only by " + after.factor() + ": " + after);
        }
    }

    @Test
    void learnsAParametricFamilyAtOnceWithTheParameterAsAConstantCoordinate() {
        KolmogorovProblem p = KolmogorovProblems.heatQuadraticParametric(2, 0.5, 1.5, 1, 0, 1);
        assertEquals(3, p.dimension());
        SolutionError e = train(p, config(KolmogorovLoss.PLAIN, 400));
        assertTrue(e.relativeL2() < 3e-2, "relative L2 " + e.relativeL2());
        // the SDE leaves the parameter coordinate where it started
        DMatrixRMaj x0 = p.domain().sample(8, RandomStreams.philox(2, 0, 0));
        DMatrixRMaj xT = KolmogorovPaths.simulate(p.kernel(5), x0, RandomStreams.philox(3, 0, 0), false).terminal();
        for (int i = 0; i < 8; i++) {
            assertEquals(x0.get(i, 2), xT.get(i, 2), 0.0);
        }
    }

    @Test
    void theVarianceReducedTargetIsUnbiasedForAnArbitraryNetwork() {
        KolmogorovProblem p = KolmogorovProblems.heatQuadratic(3, Math.sqrt(2), 1, 0, 1);
        try (KolmogorovSolver s = new KolmogorovSolver(p, config(KolmogorovLoss.VARIANCE_REDUCED, 1))) {
            org.apache.commons.rng.UniformRandomProvider r = RandomStreams.philox(11, 0, 0);
            for (org.girsanov.autodiff.nn.Parameter q : s.network().parameters()) {
                DMatrixRMaj v = q.value();
                for (int k = 0; k < v.getNumElements(); k++) {
                    v.data[k] = 0.5 * (2 * r.nextDouble() - 1);
                }
            }
            int m = 20_000;
            double[] xi = {0.2, 0.7, 0.4};
            DMatrixRMaj x0 = new DMatrixRMaj(m, 3);
            for (int i = 0; i < m; i++) {
                System.arraycopy(xi, 0, x0.data, 3 * i, 3);
            }
            KolmogorovSolver.Targets y = s.targets(x0, RandomStreams.philox(12, 0, 0));
            double exact = p.exactSolution().orElseThrow().values(DMatrixRMaj.wrap(1, 3, xi.clone()), 0)[0];
            double mean = 0;
            double shift = 0;
            for (int i = 0; i < m; i++) {
                mean += y.reduced()[i] / m;
                shift += Math.abs(y.reduced()[i] - y.plain()[i]) / m;
            }
            double var = 0;
            for (int i = 0; i < m; i++) {
                var += (y.reduced()[i] - mean) * (y.reduced()[i] - mean) / (m - 1);
            }
            assertTrue(shift > 0.1, "the control variate must be active: mean |Y_vr − Y_plain| = " + shift);
            assertEquals(exact, mean, 4 * Math.sqrt(var / m), "E[Y_vr | ξ] = u(ξ, 0) for any θ");
        }
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        KolmogorovProblem p = KolmogorovProblems.heatGaussian(2, 1, 1, 1, -1, 1);
        SolverConfig one = new SolverConfig(KolmogorovLoss.VARIANCE_REDUCED, 4, 64, 16, 5, 1e-2, 1e-3, 8, 1, 3, 1);
        SolverConfig two = new SolverConfig(KolmogorovLoss.VARIANCE_REDUCED, 4, 64, 16, 5, 1e-2, 1e-3, 8, 1, 3, 2);
        DMatrixRMaj x = p.domain().sample(10, RandomStreams.philox(1, 0, 0));
        double[][] u = new double[2][];
        int k = 0;
        for (SolverConfig c : new SolverConfig[] {one, two}) {
            try (KolmogorovSolver s = new KolmogorovSolver(p, c)) {
                s.train((l, i) -> { });
                u[k++] = s.solution(x);
            }
        }
        assertArrayEquals(u[0], u[1], 0.0);
    }
}
