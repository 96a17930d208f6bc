package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;

/** Central finite differences of a target's log-density and score, for checking closed forms. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** {@code log ρ(x)} at one point, on a no-grad tape. */
    static double logDensity(Target t, double[] x) {
        Tape tape = Tape.noGrad();
        return t.logDensity(tape, tape.constant(new DMatrixRMaj(1, x.length, true, x))).value().get(0, 0);
    }

    /** {@code (log ρ(x + h e_j) − log ρ(x − h e_j)) / 2h} for every j. */
    static double[] gradient(Target t, double[] x, double h) {
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[j] += h;
            m[j] -= h;
            g[j] = (logDensity(t, p) - logDensity(t, m)) / (2 * h);
        }
        return g;
    }

    /** Column j of the Hessian from central differences of the closed-form score. */
    static double[][] hessian(Target t, double[] x, double h) {
        int d = x.length;
        double[][] out = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[j] += h;
            m[j] -= h;
            DMatrixRMaj gp = t.score(new DMatrixRMaj(1, d, true, p));
            DMatrixRMaj gm = t.score(new DMatrixRMaj(1, d, true, m));
            for (int i = 0; i < d; i++) {
                out[i][j] = (gp.data[i] - gm.data[i]) / (2 * h);
            }
        }
        return out;
    }

    /** The closed-form score at rows of {@code points} equals central differences, and the autodiff score. */
    static void assertScore(Target t, double[][] points, double h, double relTol) {
        for (double[] x : points) {
            DMatrixRMaj xm = new DMatrixRMaj(1, x.length, true, x);
            double[] closed = t.score(xm).data;
            double[] fd = gradient(t, x, h);
            double[] ad = new LogDensityTarget(t.name() + "-autodiff", t.dimension(), t::logDensity).score(xm).data;
            for (int j = 0; j < x.length; j++) {
                double scale = 1 + Math.abs(fd[j]);
                assertEquals(fd[j], closed[j], relTol * scale, t.name() + " score vs finite differences, coordinate " + j);
                assertEquals(ad[j], closed[j], 1e-9 * scale, t.name() + " score vs autodiff, coordinate " + j);
            }
        }
    }

    /** The closed-form Hessian equals central differences of the score. */
    static void assertHessian(HessianTarget t, double[][] points, double h, double relTol) {
        for (double[] x : points) {
            double[][] closed = t.hessian(x);
            double[][] fd = hessian(t, x, h);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    double scale = 1 + Math.abs(fd[i][j]);
                    assertEquals(fd[i][j], closed[i][j], relTol * scale, t.name() + " Hessian entry " + i + "," + j);
                }
            }
        }
    }
}
