package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Funnel;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.sde.TimeGrid;
import org.junit.jupiter.api.Test;

/** DIS's control is parametrised around the stationary score: with {@code u_θ = 0} the sampler is the stationary OU. */
class DisStationaryInitTest {
    /** {@code u_θ ≡ 0}. */
    static final Control ZERO = new Control() {
        @Override
        public Var apply(Tape t, Var x, double time) {
            return t.constant(new DMatrixRMaj(x.rows(), x.cols()));
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }
    };

    @Test
    void zeroControlKeepsTheStationaryLawAndFunnelLogWeightsStayModerate() {
        Target funnel = new Funnel(10);
        Dis dis = new Dis(funnel, TimeGrid.uniform(1.0, 50), ZERO, 1.0, 0.1, 10.0);
        PathBatch p = TestPaths.paths(dis, 4000, null, 7);
        DMatrixRMaj x = p.endPoints();
        // exact OU transitions keep N(0, 1): the band is 4.5 standard errors of a 4000-sample variance
        for (int j = 0; j < x.numCols; j++) {
            double[] col = new double[x.numRows];
            for (int i = 0; i < x.numRows; i++) {
                col[i] = x.get(i, j);
            }
            double v = TestPaths.variance(col);
            assertEquals(1.0, v, 0.1, "coordinate " + j + ": variance " + v);
            assertEquals(0.0, TestPaths.mean(col), 0.1, "coordinate " + j);
        }
        // so the funnel's log-density, and the log-weights, are finite and moderate: no e^{350}
        for (double lw : p.logWeights()) {
            assertTrue(Double.isFinite(lw) && lw > -1e4, "log w = " + lw);
        }
    }
}
