package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Workspace;
import org.junit.jupiter.api.Test;

/** Closed-form scores equal autodiff scores of the same tape log-density. */
class ScoreTest {

    static List<Target> targets() {
        return List.of(
                new GaussianTarget("g3", new double[] {1, -2, 0.5}, ExactSamplerMomentsTest.fullCov(), -0.7),
                GridMixture.gmm9(), GridMixture.gmm25(), Gmm40.create(),
                new GaussianMixture("mix", new double[][] {{0, 0, 0}, {1, -1, 2}},
                        new DMatrixRMaj[] {ExactSamplerMomentsTest.fullCov(), CommonOps_DDRM.identity(3)}, new double[] {1, 3}),
                new Funnel(10), new Funnel(3, 1.5), ManyWell.mw5(), ManyWell.mw50(), new ManyWell(4, 2, -0.5));
    }

    /** Autodiff score through the Target default method (the lambda target has no closed form). */
    static DMatrixRMaj autodiffScore(Target t, DMatrixRMaj x) {
        return new LogDensityTarget(t.name() + "-autodiff", t.dimension(), t::logDensity).score(x);
    }

    @Test
    void closedFormEqualsAutodiff() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
        for (Target t : targets()) {
            assertTrue(t.hasClosedFormScore(), t.name());
            DMatrixRMaj x = t.sample(64, rng);
            // also points between modes, where responsibilities are mixed
            for (int i = 0; i < 16; i++) {
                for (int j = 0; j < t.dimension(); j++) {
                    x.set(i, j, 4 * (rng.nextDouble() - 0.5));
                }
            }
            DMatrixRMaj a = t.score(x);
            DMatrixRMaj b = autodiffScore(t, x);
            for (int i = 0; i < a.getNumElements(); i++) {
                double scale = 1 + Math.abs(b.data[i]);
                assertEquals(b.data[i], a.data[i], 1e-9 * scale, t.name() + " entry " + i);
            }
        }
    }

    /**
     * The score with scratch lent by a workspace tape is the plain score bit for bit, also when the lent arrays come
     * back dirty from an earlier step (a pool's contents are arbitrary) and through the counting and checking
     * decorators the engine wraps targets in.
     */
    @Test
    void scoreWithLentScratchEqualsPlainScore() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(22L);
        Workspace ws = new Workspace();
        for (Target t : targets()) {
            Target wrapped = new CountingTarget(CheckedTarget.of(t));
            for (int step = 0; step < 3; step++) {
                DMatrixRMaj x = t.sample(40 + step, rng);
                DMatrixRMaj plain = t.score(x);
                Tape dirty = new Tape(ws); // four NaN arrays of every length the score could ask for
                for (int m = 1; m <= 64; m++) {
                    for (int copy = 0; copy < 4; copy++) {
                        Arrays.fill(dirty.lend(m * x.numRows), Double.NaN);
                    }
                }
                ws.recycle();
                DMatrixRMaj lent = wrapped.score(new Tape(ws), x);
                ws.recycle();
                for (int i = 0; i < plain.getNumElements(); i++) {
                    assertEquals(Double.doubleToLongBits(plain.data[i]), Double.doubleToLongBits(lent.data[i]),
                            t.name() + " step " + step + " entry " + i);
                }
            }
        }
    }
}
