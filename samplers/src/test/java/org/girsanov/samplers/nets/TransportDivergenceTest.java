package org.girsanov.samplers.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.samplers.control.Control;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.junit.jupiter.api.Test;

/**
 * The divergence inside the NETS residual, for a perturbed Fourier-MLP {@code b_θ}: with the exact divergence the
 * residual equals its terms computed apart with {@code ∇·b} by central finite differences; with Hutchinson
 * (Rademacher, one probe per row) {@code R̂ − R} has mean 0 and variance {@code ½ Σ_{i≠j} (J_ij + J_ji)²}
 * ({@code J = ∂b/∂x} by finite differences), the mean checked within 4.5 standard errors.
 */
class TransportDivergenceTest {
    static final double H = 1e-5;

    static DMatrixRMaj b(Control c, DMatrixRMaj x, double t) {
        Tape tape = Tape.noGrad();
        return c.apply(tape, tape.constant(x), t).value();
    }

    /** {@code J_ij = ∂b_i/∂x_j} at row {@code row} of {@code x}, central differences. */
    static double[][] jacobian(Control c, DMatrixRMaj x, int row, double t) {
        int d = x.numCols;
        double[][] j = new double[d][d];
        for (int k = 0; k < d; k++) {
            DMatrixRMaj plus = new DMatrixRMaj(1, d);
            DMatrixRMaj minus = new DMatrixRMaj(1, d);
            for (int q = 0; q < d; q++) {
                plus.set(0, q, x.get(row, q) + (q == k ? H : 0));
                minus.set(0, q, x.get(row, q) - (q == k ? H : 0));
            }
            DMatrixRMaj bp = b(c, plus, t);
            DMatrixRMaj bm = b(c, minus, t);
            for (int i = 0; i < d; i++) {
                j[i][k] = (bp.get(0, i) - bm.get(0, i)) / (2 * H);
            }
        }
        return j;
    }

    @Test
    void exactDivergenceResidualMatchesFiniteDifferencesAndHutchinsonIsUnbiased() {
        Nets nets = NetsFixtures.nets(4, 21);
        AnnealingPath path = nets.path();
        Control transport = nets.transport();
        FreeEnergyNet f = NetsFixtures.freeEnergy(5);
        TransportResidual residual = new TransportResidual(path, transport, f);
        double t = 0.6;
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3, -0.2}, {1.4, 0.9}, {-1.1, 0.5}});
        int d = x.numCols;
        DMatrixRMaj exact = residual.residual(new Tape(), x, t, DivergenceEstimator.exact()).value();
        Tape free = Tape.noGrad();
        DMatrixRMaj rate = path.logDensityRate(free, free.constant(x), t).value();
        DMatrixRMaj score = path.score(free, free.constant(x), t).value();
        DMatrixRMaj bx = b(transport, x, t);
        double g = f.rate(free, t).value().get(0);
        int reps = 4000;
        DMatrixRMaj repeated = new DMatrixRMaj(reps * x.numRows, d);
        for (int i = 0; i < repeated.numRows; i++) {
            for (int j = 0; j < d; j++) {
                repeated.set(i, j, x.get(i % x.numRows, j));
            }
        }
        Var rh = residual.residual(new Tape(), repeated, t,
                DivergenceEstimator.hutchinson(1, Probe.RADEMACHER, NetsFixtures.rng(77)));
        for (int row = 0; row < x.numRows; row++) {
            double[][] jac = jacobian(transport, x, row, t);
            double div = 0;
            double dot = 0;
            double var = 0;
            for (int i = 0; i < d; i++) {
                div += jac[i][i];
                dot += bx.get(row, i) * score.get(row, i);
                for (int j = 0; j < d; j++) {
                    if (i != j) {
                        var += 0.5 * (jac[i][j] + jac[j][i]) * (jac[i][j] + jac[j][i]);
                    }
                }
            }
            double expected = rate.get(row, 0) + div + dot - g;
            assertEquals(expected, exact.get(row, 0), 1e-7 * Math.max(1, Math.abs(expected)),
                    "exact-divergence residual against finite differences, row " + row);
            double mean = 0;
            double sq = 0;
            for (int k = row; k < repeated.numRows; k += x.numRows) {
                double e = rh.value().get(k, 0) - exact.get(row, 0);
                mean += e / reps;
                sq += e * e / reps;
            }
            double se = Math.sqrt(var / reps);
            String msg = String.format(Locale.ROOT, "row %d: ∇·b %.4f, Hutchinson error mean %.4f ± %.4f, variance %.4f "
                    + "(closed form %.4f)", row, div, mean, se, sq - mean * mean, var);
            System.out.println(msg);
            assertTrue(var > 1e-4, "the Jacobian must be non-symmetric-diagonal for the check to bite: " + msg);
            assertTrue(Math.abs(mean) < 4.5 * se, msg);
            assertEquals(var, sq - mean * mean, 0.2 * var, msg);
        }
    }
}
