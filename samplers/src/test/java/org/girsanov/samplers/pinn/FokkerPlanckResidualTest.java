package org.girsanov.samplers.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.control.Control;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.junit.jupiter.api.Test;

/**
 * The log-space Fokker–Planck residual {@code R = ∂_t u + ∇·b + b·∇u − (σ²/2)(Δu + |∇u|²)}: zero at the closed-form
 * Gaussian transport (exact {@code b}, exact {@code log p_t}) and not at a shifted drift or another σ; at perturbed
 * networks, equal to the same formula with every derivative ({@code ∂_t u}, {@code ∇u}, {@code Δu}, {@code ∇·b})
 * taken by central finite differences of the values alone; Hutchinson's {@code R̂} averages to the exact {@code R}.
 */
class FokkerPlanckResidualTest {
    static final GaussianTransport GAUSS = new GaussianTransport(1.2, new double[] {1.0, -2.0, 0.5}, 0.5, 0.7);

    static DMatrixRMaj points(int n, int d, long seed) {
        UniformRandomProvider rng = PinnFixtures.rng(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = 1.5 * g.sample();
        }
        return x;
    }

    static double maxAbs(Var r) {
        double m = 0;
        for (int i = 0; i < r.value().getNumElements(); i++) {
            m = Math.max(m, Math.abs(r.value().data[i]));
        }
        return m;
    }

    static Var residual(Control b, LogDensityModel u, double sigma, DMatrixRMaj x, double time) {
        return new FokkerPlanckResidual(b, u, sigma).residual(new Tape(), x, time, DivergenceEstimator.exact());
    }

    @Test
    void theResidualIsZeroAtTheExactGaussianTransport() {
        DMatrixRMaj x = points(16, 3, 5);
        for (double time : new double[] {0.0, 0.13, 0.5, 0.92, 1.0}) {
            double exact = maxAbs(residual(GAUSS.transport(0), GAUSS.logDensity(), GAUSS.sigma(), x, time));
            double shifted = maxAbs(residual(GAUSS.transport(0.1), GAUSS.logDensity(), GAUSS.sigma(), x, time));
            double otherSigma = maxAbs(residual(GAUSS.transport(0), GAUSS.logDensity(), 1.1 * GAUSS.sigma(), x, time));
            assertTrue(exact < 1e-11, "t = " + time + ": max |R| = " + exact + " at the exact pair");
            assertTrue(shifted > 1e-2, "t = " + time + ": a shifted drift must leave a residual, got " + shifted);
            assertTrue(otherSigma > 1e-2, "t = " + time + ": another σ must leave a residual, got " + otherSigma);
        }
    }

    /** {@code u} at one point and time, on a tape that records nothing. */
    static double u(LogDensityModel model, double[] x, double time) {
        Tape t = Tape.noGrad();
        return model.logDensity(t, t.constant(new DMatrixRMaj(1, x.length, true, x)),
                t.constant(new DMatrixRMaj(1, 1, true, time))).value().get(0);
    }

    static double b(Control model, double[] x, double time, int j) {
        Tape t = Tape.noGrad();
        return model.apply(t, t.constant(new DMatrixRMaj(1, x.length, true, x)), time).value().get(j);
    }

    /** The residual with every derivative by central differences ({@code h = 1e-4}). */
    static double finiteDifferenceResidual(Pinn p, double[] x, double time) {
        LogDensityModel u = p.logDensity();
        double h = 1e-4;
        double u0 = u(u, x, time);
        double r = (u(u, x, time + h) - u(u, x, time - h)) / (2 * h);
        double gradSq = 0;
        double laplacian = 0;
        for (int j = 0; j < x.length; j++) {
            double keep = x[j];
            x[j] = keep + h;
            double up = u(u, x, time);
            double bUp = b(p.transport(), x, time, j);
            x[j] = keep - h;
            double down = u(u, x, time);
            double bDown = b(p.transport(), x, time, j);
            x[j] = keep;
            double g = (up - down) / (2 * h);
            gradSq += g * g;
            laplacian += (up - 2 * u0 + down) / (h * h);
            r += (bUp - bDown) / (2 * h) + b(p.transport(), x, time, j) * g;
        }
        return r - 0.5 * p.sigma() * p.sigma() * (laplacian + gradSq);
    }

    @Test
    void everyDerivativeMatchesFiniteDifferences() {
        Pinn p = PinnFixtures.pinn(10, 7);
        DMatrixRMaj x = points(6, 2, 11);
        double worst = 0;
        for (double time : new double[] {0.2, 0.55, 0.9}) {
            Var r = residual(p.transport(), p.logDensity(), p.sigma(), x, time);
            assertTrue(maxAbs(r) > 1e-2, "a perturbed instance must have a residual");
            for (int i = 0; i < x.numRows; i++) {
                double fd = finiteDifferenceResidual(p, new double[] {x.get(i, 0), x.get(i, 1)}, time);
                worst = Math.max(worst, Math.abs(fd - r.value().get(i)));
                assertEquals(fd, r.value().get(i), 2e-5 * Math.max(1, Math.abs(fd)), "row " + i + ", t = " + time);
            }
        }
        System.out.println(String.format(Locale.ROOT, "pinn residual vs finite differences: worst error %.2e", worst));
    }

    @Test
    void hutchinsonAveragesToTheExactResidual() {
        Pinn p = PinnFixtures.pinn(10, 7);
        DMatrixRMaj x = points(4, 2, 13);
        Var exact = residual(p.transport(), p.logDensity(), p.sigma(), x, 0.4);
        int reps = 4000;
        double[] mean = new double[4];
        double[] sq = new double[4];
        UniformRandomProvider rng = PinnFixtures.rng(17);
        FokkerPlanckResidual fp = new FokkerPlanckResidual(p.transport(), p.logDensity(), p.sigma());
        for (int k = 0; k < reps; k++) {
            Var r = fp.residual(new Tape(), x, 0.4, DivergenceEstimator.hutchinson(1, Probe.RADEMACHER, rng));
            for (int i = 0; i < 4; i++) {
                mean[i] += r.value().get(i) / reps;
                sq[i] += r.value().get(i) * r.value().get(i) / reps;
            }
        }
        for (int i = 0; i < 4; i++) {
            double se = Math.sqrt(Math.max(sq[i] - mean[i] * mean[i], 1e-24) / reps);
            assertEquals(exact.value().get(i), mean[i], 5 * se + 1e-12, "row " + i);
        }
    }
}
