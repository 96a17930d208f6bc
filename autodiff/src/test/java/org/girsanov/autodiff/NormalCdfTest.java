package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NormalCdfTest {
    /**
     * {z, log Φ(z), φ(z)/Φ(z)} from glibc's correctly rounded-in-practice {@code erfc} (Python 3:
     * {@code log(erfc(−z/√2)/2)} for z ≤ 0, {@code log1p(−erfc(z/√2)/2)} for z &gt; 0), across both switches.
     */
    private static final double[][] REFERENCE = {
        {-37, -689.0305855768905, 37.02698768612336},
        {-20, -203.91715537109724, 20.04975306852714},
        {-8, -35.013437159914545, 8.121368112236068},
        {-4, -10.36010148652729, 4.225607144489466},
        {-3.5, -8.366065308344092, 3.7513912648577},
        {-3, -6.607726221510348, 3.283098654930434},
        {-2.999, -6.60444358757058, 3.282169229855713},
        {-1.5, -2.7059444008238893, 1.9386771666225429},
        {-0.25, -0.913061764811135, 0.9635539794164041},
        {0, -0.6931471805599453, 0.7978845608028654},
        {0.7, -0.2770239422771313, 0.41192475041929066},
        {2, -0.0230129093289635, 0.05524786267898997},
        {3, -0.0013508099647481949, 0.004437839042125664},
        {3.2, -0.0006873741253904907, 0.0023857275253570433},
        {6, -9.865876455243787e-10, 6.075882855817677e-09},
        {9, -1.1285884059538422e-19, 1.0279773571668917e-18},
    };

    @Test
    void logCdfAndItsDerivativeWithin1e12OnBothTails() {
        for (double[] r : REFERENCE) {
            double z = r[0];
            assertEquals(r[1], NormalCdf.logCdf(z), 1e-12 * Math.abs(r[1]), "log Φ(" + z + ")");
            assertEquals(r[2], NormalCdf.dLogCdf(z), 1e-12 * Math.abs(r[2]), "φ/Φ(" + z + ")");
        }
        assertTrue(Double.isFinite(NormalCdf.logCdf(-1e4)) && NormalCdf.logCdf(-1e4) < -5e7);
        assertEquals(1e4, NormalCdf.dLogCdf(-1e4), 1e-3);
        assertEquals(0.0, NormalCdf.logCdf(40), 0.0);
    }

    @Test
    void secondDerivativeOnTheTapeIsMinusSTimesZPlusS() {
        DMatrixRMaj z = new DMatrixRMaj(1, 6, true, -30, -4, -1, 0.5, 2.5, 7);
        Tape t = new Tape();
        Var x = t.input(z);
        Var s = t.grad(t.sum(t.logNormalCdf(x)), true, x)[0];
        Var s2 = t.grad(t.sum(s), false, x)[0];
        for (int i = 0; i < 6; i++) {
            double zi = z.data[i];
            double si = NormalCdf.dLogCdf(zi);
            assertEquals(si, s.value().data[i], 0.0);
            assertEquals(-si * (zi + si), s2.value().data[i], 1e-12 * Math.max(1, Math.abs(si * (zi + si))));
            double fd = (NormalCdf.dLogCdf(zi + 1e-5) - NormalCdf.dLogCdf(zi - 1e-5)) / 2e-5;
            assertEquals(fd, s2.value().data[i], 1e-6 * Math.max(1, Math.abs(fd)), "FD at " + zi);
        }
    }
}
