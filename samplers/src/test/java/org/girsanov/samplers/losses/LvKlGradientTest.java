package org.girsanov.samplers.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.TestPaths;
import org.girsanov.sde.path.Behaviour;
import org.junit.jupiter.api.Test;

/**
 * MATH §4 / §7.4: on-policy, {@code E[∇L_LV] = 2 (K−1)/K ∇KL(P→‖P←)} (the factor {@code (K−1)/K} comes from the
 * batch mean). Averaged over 48 batches of 256 paths; bands: cosine &gt; 0.95, norm ratio LV/KL in [1.8, 2.2].
 */
class LvKlGradientTest {

    @Test
    void onPolicyLogVarianceGradientIsTwiceTheKlGradient() {
        Pis m = Fixtures.pis(TestPaths.gaussian(new double[] {1.0, -0.5}, 0.5, 0.0), 10, 16, 11);
        List<Parameter> ps = m.parameters();
        int batches = 48;
        int batch = 256;
        double[] lv = new double[Fixtures.grads(ps).length];
        double[] kl = new double[lv.length];
        for (int i = 0; i < batches; i++) {
            Fixtures.evaluate(m, new LogVarianceLoss(), batch, 64, 5, i, 2, Behaviour.onPolicy());
            double[] g = Fixtures.grads(ps);
            Fixtures.evaluate(m, new KlLoss(), batch, 64, 6, i, 2, Behaviour.onPolicy());
            double[] h = Fixtures.grads(ps);
            for (int j = 0; j < g.length; j++) {
                lv[j] += g[j] / batches;
                kl[j] += h[j] / batches;
            }
        }
        double cos = Fixtures.dot(lv, kl) / (Fixtures.norm(lv) * Fixtures.norm(kl));
        double ratio = Fixtures.norm(lv) / Fixtures.norm(kl) / ((batch - 1.0) / batch);
        String msg = "cosine = " + cos + ", |∇LV| / ((K−1)/K |∇KL|) = " + ratio;
        assertTrue(cos > 0.95, msg);
        assertTrue(ratio > 1.8 && ratio < 2.2, msg);
    }
}
