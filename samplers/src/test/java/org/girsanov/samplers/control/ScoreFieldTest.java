package org.girsanov.samplers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianTarget;
import org.junit.jupiter.api.Test;

/** The bridge's interpolated score fields against their closed forms. */
class ScoreFieldTest {
    /** {@code N((1, −2), 0.5 I)}: score {@code −(x − μ)/0.5}. */
    static final GaussianTarget TARGET = GaussianTarget.isotropic("g", new double[] {1.0, -2.0}, 0.5, 0.0);

    @Test
    void towardsTargetIsZeroAtTheStartAndTheTargetScoreAtTheEnd() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3, 0.7}, {-1.0, 2.0}});
        DMatrixRMaj score = TARGET.score(x);
        double horizon = 2.0;
        for (double time : new double[] {0.0, 0.5, 2.0}) {
            DMatrixRMaj s = ScoreField.towardsTarget(TARGET, horizon).at(null, x, time);
            for (int i = 0; i < s.getNumElements(); i++) {
                assertEquals(time / horizon * score.data[i], s.data[i], 1e-15);
            }
        }
        // closed form of the Gaussian's score, so the field is not compared with itself only
        assertEquals(-(0.3 - 1.0) / 0.5 * 0.25, ScoreField.towardsTarget(TARGET, horizon).at(null, x, 0.5).data[0], 1e-12);
    }

    @Test
    void fromPriorIsThePriorScoreAtTheStartAndZeroAtTheEnd() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3, 0.7}});
        double priorStd = 2.0;
        DMatrixRMaj start = ScoreField.fromPrior(priorStd, 1.0).at(null, x, 0.0);
        assertEquals(-0.3 / 4, start.data[0], 1e-15);
        assertEquals(-0.7 / 4, start.data[1], 1e-15);
        DMatrixRMaj mid = ScoreField.fromPrior(priorStd, 1.0).at(null, x, 0.25);
        assertEquals(-0.75 * 0.7 / 4, mid.data[1], 1e-15);
        DMatrixRMaj end = ScoreField.fromPrior(priorStd, 1.0).at(null, x, 1.0);
        assertEquals(0.0, Math.abs(end.data[0]) + Math.abs(end.data[1]), 0.0);
        assertEquals(0.3, x.data[0], 0.0, "the field must not write into x");
    }
}
