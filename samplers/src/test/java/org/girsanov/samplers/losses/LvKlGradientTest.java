package org.girsanov.samplers.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.TestPaths;
import org.girsanov.sde.path.Behaviour;
import org.junit.jupiter.api.Test;

/**
 * docs/math.md §4 / §7.4: on-policy, {@code E[∇L_LV] = 2 (K−1)/K ∇KL(P→‖P←)} (the factor {@code (K−1)/K} comes from the
 * batch mean). Averaged over 96 batches of 256 paths; bands: cosine &gt; 0.95, and the ratio of the two gradients
 * along the mean KL direction within 4 of its standard errors of 2 (a ratio of norms would lean high: the LV
 * gradient is the noisier, and noise adds to a norm).
 */
class LvKlGradientTest {

    @Test
    void onPolicyLogVarianceGradientIsTwiceTheKlGradient() {
        Pis m = Fixtures.pis(TestPaths.gaussian(new double[] {1.0, -0.5}, 0.5, 0.0), 10, 16, 11);
        List<Parameter> ps = m.parameters();
        int batches = 96;
        int batch = 256;
        double[][] lvs = new double[batches][];
        double[][] kls = new double[batches][];
        for (int i = 0; i < batches; i++) {
            Fixtures.evaluate(m, new LogVarianceLoss(), batch, 64, 5, i, 2, Behaviour.onPolicy());
            lvs[i] = Fixtures.grads(ps);
            Fixtures.evaluate(m, new KlLoss(), batch, 64, 6, i, 2, Behaviour.onPolicy());
            kls[i] = Fixtures.grads(ps);
        }
        double[] lv = mean(lvs);
        double[] kl = mean(kls);
        double cos = Fixtures.dot(lv, kl) / (Fixtures.norm(lv) * Fixtures.norm(kl));
        // the ratio along the mean KL direction û: r = mean(g_LV·û) / mean(g_KL·û), with its delta-method standard
        // error (LV and KL batches use independent streams)
        double[] u = kl.clone();
        double un = Fixtures.norm(u);
        double[] a = new double[batches];
        double[] b = new double[batches];
        for (int i = 0; i < batches; i++) {
            a[i] = Fixtures.dot(lvs[i], u) / un;
            b[i] = Fixtures.dot(kls[i], u) / un;
        }
        double scale = (batch - 1.0) / batch;
        double ma = avg(a);
        double mb = avg(b);
        double ratio = ma / mb / scale;
        double se = ratio * Math.sqrt(se(a) * se(a) / (ma * ma) + se(b) * se(b) / (mb * mb));
        String msg = "cosine = " + cos + ", ratio along ∇KL = " + ratio + " ± " + se + " (expected 2)";
        System.out.println(msg);
        assertTrue(cos > 0.95, msg);
        assertTrue(Math.abs(ratio - 2) < 4 * se && se < 0.2, msg); // power: a factor-2 error (ratio 1 or 4) is > 5 SE away
    }

    static double[] mean(double[][] gs) {
        double[] m = new double[gs[0].length];
        for (double[] g : gs) {
            for (int j = 0; j < m.length; j++) {
                m[j] += g[j] / gs.length;
            }
        }
        return m;
    }

    static double avg(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        return m;
    }

    static double se(double[] x) {
        double m = avg(x);
        double v = 0;
        for (double y : x) {
            v += (y - m) * (y - m);
        }
        return Math.sqrt(v / (x.length - 1) / x.length);
    }
}
