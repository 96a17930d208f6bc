package org.girsanov.samplers.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.TestPaths;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.junit.jupiter.api.Test;

class ExplorationTest {
    static final GaussianTarget TARGET = TestPaths.gaussian(new double[] {1.0, -0.5}, 0.5, 1.3);

    static DMatrixRMaj column(double... v) {
        DMatrixRMaj m = new DMatrixRMaj(v.length, 1);
        System.arraycopy(v, 0, m.data, 0, v.length);
        return m;
    }

    @Test
    void rankPrioritySamplingMatchesItsProbabilitiesAndCapacityKeepsTheBest() {
        ReplayBuffer b = new ReplayBuffer(4, 1, 1.0);
        b.add(column(10, 20, 30), new double[] {1, 2, 3});
        b.add(column(40, 50), new double[] {0.5, 4});
        assertEquals(4, b.size());
        assertArrayEquals(new double[] {4, 3, 2, 1}, b.scores(), 0.0, "lowest score dropped, rank order");
        double[] p = b.probabilities();
        assertEquals(1.0 / (1 + 0) / (1 + 0.5 + 1.0 / 3 + 0.25), p[0], 1e-12);
        int n = 40000;
        int[] idx = b.sampleIndices(n, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        int[] count = new int[4];
        for (int i : idx) {
            count[i]++;
        }
        for (int r = 0; r < 4; r++) {
            double se = Math.sqrt(p[r] * (1 - p[r]) / n);
            assertEquals(p[r], count[r] / (double) n, 5 * se, "rank " + r);
        }
        int[] again = b.sampleIndices(n, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertArrayEquals(idx, again, "deterministic given the rng");
    }

    @Test
    void localSearchMovesBadStatesTowardsTheTarget() {
        ReplayBuffer b = new ReplayBuffer(200, 2, 10);
        DMatrixRMaj far = new DMatrixRMaj(200, 2);
        java.util.Arrays.fill(far.data, 4.0);
        b.add(far, new double[200]);
        double acc = new LocalSearch(0.1, 50, 100).refresh(b, TARGET, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        DMatrixRMaj x = b.states();
        double m0 = 0;
        for (int i = 0; i < x.numRows; i++) {
            m0 += x.get(i, 0) / x.numRows;
        }
        assertTrue(acc > 0.3, "acceptance " + acc);
        assertEquals(1.0, m0, 0.25, "mean of the first coordinate after MALA");
        assertTrue(b.scores()[0] > -3, "scores are log ρ now");
    }

    @Test
    void backwardPathsFromTargetSamplesHaveConstantLogWeightAtTheOptimum() {
        Pis m = TestPaths.optimalPis(TARGET, 0.5, 1.3, 40);
        DMatrixRMaj x = TARGET.sample(128, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
            LossValue v = new LogVarianceLoss().evaluate(new TrainingBatch(m, 128, 64, Behaviour.backwardFrom(x),
                    new RandomStreams(4), 0, ex, 1.0));
            assertTrue(v.loss() < 0.03, "LV on backward paths at the optimum: " + v.loss());
            assertEquals(1.3, TestPaths.mean(v.logWeights()), 0.1);
        }
    }

    @Test
    void scheduleAlternatesBehavioursDeterministically() {
        ReplayBuffer b = new ReplayBuffer(64, 2, 5);
        ExplorationSchedule s = new ExplorationSchedule(TARGET, b, new LocalSearch(0.05, 0, 5), 9, 2.0, 10, 3, 16, 2);
        assertEquals(2.0, s.batchFor(0, 32).noiseScale(), 1e-12);
        assertTrue(s.batchFor(2, 32).forward(), "buffer still empty: forward");
        s.observe(0, TARGET.sample(32, RandomSource.XO_RO_SHI_RO_128_PP.create(5L)));
        s.observe(1, TARGET.sample(32, RandomSource.XO_RO_SHI_RO_128_PP.create(6L)));
        Behaviour back = s.batchFor(2, 32);
        assertFalse(back.forward());
        assertEquals(32, back.terminalStates().numRows);
        assertArrayEquals(back.terminalStates().data, s.batchFor(2, 32).terminalStates().data, 0.0);
        assertEquals(1.0, s.batchFor(20, 32).noiseScale(), 0.0);
        Pis m = TestPaths.optimalPis(TARGET, 0.5, 1.3, 10);
        try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
            LossValue[] v = s.mixedStep(new LogVarianceLoss(), m, 3, 32, 32, 0.5, 16, new RandomStreams(1), ex, 1.0);
            assertEquals(2, v.length);
            assertTrue(Double.isFinite(v[0].loss()) && Double.isFinite(v[1].loss()));
        }
    }
}
