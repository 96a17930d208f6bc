package org.girsanov.samplers.perf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * DESIGN invariant 6 on the benchmarked configuration (PIS, LV loss, gmm9, reference control with the
 * Langevin term), at cheap sizes: the parameters after two training steps are bitwise identical for 1, 2
 * and 4 threads — so the matmul kernels' per-thread scratch and the fork-join schedule do not leak into
 * the result.
 */
class DeterminismTest {
    static long[] bitsAfterTwoSteps(int threads) {
        TrainingConfig config = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).withBatch(256).withSteps(8)
                .withThreads(threads);
        try (Trainer t = new Trainer(config, GridMixture.gmm9())) {
            t.step();
            t.step();
            int n = 0;
            for (Parameter p : t.parameters()) {
                n += p.size();
            }
            long[] bits = new long[n];
            int k = 0;
            for (Parameter p : t.parameters()) {
                for (int i = 0; i < p.size(); i++) {
                    bits[k++] = Double.doubleToRawLongBits(p.value().data[i]);
                }
            }
            return bits;
        }
    }

    @Test
    void parametersAfterTwoStepsAreBitwiseEqualFor1And2And4Threads() {
        long[] one = bitsAfterTwoSteps(1);
        long[] two = bitsAfterTwoSteps(2);
        long[] four = bitsAfterTwoSteps(4);
        assertEquals(one.length, two.length);
        assertArrayEquals(one, two, "1 vs 2 threads");
        assertArrayEquals(one, four, "1 vs 4 threads");
    }
}
