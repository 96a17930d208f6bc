package org.girsanov.samplers.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.pde.Box;
import org.girsanov.samplers.pde.KolmogorovLoss;
import org.girsanov.samplers.pde.KolmogorovProblem;
import org.girsanov.samplers.pde.KolmogorovSolver;
import org.girsanov.samplers.pde.MonteCarloEstimator;
import org.girsanov.samplers.pde.SolverConfig;
import org.girsanov.sde.DiagonalDiffusion;
import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;

/** The README's Kolmogorov example, as written there (with a tiny budget), so it keeps compiling and running. */
class ReadmePdeExampleTest {

    @Test
    void ornsteinUhlenbeckExampleRuns() {
        KolmogorovProblem p = new KolmogorovProblem("mine", (tape, x, t) -> tape.scale(x, -1.0), // μ(x, t) = −x
                DiagonalDiffusion.constant(0.5), (tape, x) -> tape.sumCols(tape.square(x)),     // φ(x) = |x|²
                1.0, new Box(10, -1, 1));
        try (KolmogorovSolver s = new KolmogorovSolver(p, SolverConfig.defaults(KolmogorovLoss.VARIANCE_REDUCED).withIterations(3))) {
            s.train((loss, i) -> { });
            DMatrixRMaj points = p.domain().sample(100, RandomStreams.philox(1, 0, 0));
            double[] u0 = s.solution(points);                        // u_θ(x, 0) at the rows of points
            double[] mc = new MonteCarloEstimator(p, 20).at(points, 100, RandomStreams.philox(2, 0, 0)); // the baseline
            assertEquals(3, s.iteration());
            assertEquals(100, u0.length);
            assertTrue(Double.isFinite(u0[0]) && mc[0] > 0);
        }
    }
}
