package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.ChunkedSimulation;
import org.girsanov.sde.path.Path;
import org.junit.jupiter.api.Test;

/** DESIGN invariant 6: the same seed gives bitwise the same paths for 1, 2 and 4 threads. */
class DeterminismTest {

    @Test
    void sameSeedSamePathsForAnyThreadCount() {
        Sde sde = new Sde(TestSupport.tanhDrift(1.0, 0.5, 1.0), new VpLinearSchedule(1.0, 0.1, 5.0, 1.0));
        EulerMaruyamaForward k = new EulerMaruyamaForward(sde, TimeGrid.cosine(1.0, 12));
        IsotropicGaussian prior = IsotropicGaussian.centred(3, 1.0);
        Path one = ChunkedSimulation.forwardDetached(prior, k, 203, 16, 99, 7, 1);
        for (int threads : new int[] {2, 4}) {
            Path p = ChunkedSimulation.forwardDetached(prior, k, 203, 16, 99, 7, threads);
            for (int n = 0; n <= one.steps(); n++) {
                assertArrayEquals(one.value(n).data, p.value(n).data, 0.0, "threads " + threads + " step " + n);
            }
        }
        Path otherIteration = ChunkedSimulation.forwardDetached(prior, k, 203, 16, 99, 8, 4);
        assertFalse(Arrays.equals(one.value(12).data, otherIteration.value(12).data));
    }
}
