package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.junit.jupiter.api.Test;

/** Log-densities against independent formulas and normalisation by quadrature. */
class LogDensityValuesTest {

    static double[] eval(Target t, DMatrixRMaj x) {
        Tape tape = Tape.noGrad();
        return t.logDensity(tape, tape.constant(x)).value().data;
    }

    static double logNormal(double x, double var) {
        return -0.5 * x * x / var - 0.5 * Math.log(2 * Math.PI * var);
    }

    @Test
    void gmm9IntegratesToOne() {
        GaussianMixture g = GridMixture.gmm9();
        int m = 401;
        double lo = -9;
        double h = 18.0 / (m - 1);
        DMatrixRMaj x = new DMatrixRMaj(m * m, 2);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                x.set(a * m + b, 0, lo + a * h);
                x.set(a * m + b, 1, lo + b * h);
            }
        }
        double[] lp = eval(g, x);
        double s = 0;
        for (double v : lp) {
            s += Math.exp(v);
        }
        assertEquals(1.0, s * h * h, 1e-6);
    }

    @Test
    void gaussianIsZTimesNormalDensity() {
        GaussianTarget g = GaussianTarget.isotropic("g", new double[] {1, -1}, 2.0, 0.8);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3, 2.0}, {-1, 0}});
        double[] lp = eval(g, x);
        for (int i = 0; i < 2; i++) {
            double expected = 0.8 + logNormal(x.get(i, 0) - 1, 2) + logNormal(x.get(i, 1) + 1, 2);
            assertEquals(expected, lp[i], 1e-12);
        }
    }

    @Test
    void funnelIsProductOfConditionals() {
        Funnel f = new Funnel(4);
        DMatrixRMaj x = f.sample(5, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        double[] lp = eval(f, x);
        for (int i = 0; i < 5; i++) {
            double e = logNormal(x.get(i, 0), 9);
            for (int j = 1; j < 4; j++) {
                e += logNormal(x.get(i, j), Math.exp(x.get(i, 0)));
            }
            assertEquals(e, lp[i], 1e-10);
        }
    }

    @Test
    void manyWellFormula() {
        ManyWell mw = new ManyWell(3, 2, 4);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, -2, 0.5}});
        assertEquals(-(1 - 4) * (1 - 4) - 0.0 - 0.125, eval(mw, x)[0], 1e-12);
    }
}
