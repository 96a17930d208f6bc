package org.girsanov.samplers.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NETS residual against the closed forms of the Gaussian annealing path ({@link GaussianPathForms}): zero to
 * rounding at the exact transport with the exact {@code ∂_t F}, with the exact divergence and with Hutchinson (exact
 * too here: the Jacobian of {@code b*} is {@code cI}, and {@code εᵀ cI ε = cd} for Rademacher {@code ε}); not zero
 * for a shifted drift or a wrong {@code ∂_t F} (its sign flipped: {@code R = 2∂_t log Z_t}).
 */
class TransportResidualTest {
    static final double HORIZON = 2.0;

    static GaussianPathForms forms(double power) {
        return new GaussianPathForms(1.3, new double[] {1.0, -0.5, 2.0}, 0.6, 0.7, HORIZON, power);
    }

    static AnnealingPath path(GaussianPathForms g, TimeGrid grid) {
        return new AnnealingPath(IsotropicGaussian.centred(g.mean().length, g.priorStd()), g.target(), g.schedule(), grid);
    }

    /** Points around {@code π_t}: {@code μ_t + 2√V_t z}. */
    static DMatrixRMaj points(GaussianPathForms g, double t, int rows, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = g.mean().length;
        double[] mu = g.pathMean(t);
        DMatrixRMaj x = new DMatrixRMaj(rows, d);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, mu[j] + 2 * Math.sqrt(g.pathVariance(t)) * z.sample());
            }
        }
        return x;
    }

    static double maxAbs(DMatrixRMaj r) {
        double m = 0;
        for (double v : r.data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0})
    void theClosedFormFreeEnergyRateIsTheDerivativeOfTheClosedFormLogZ(double power) {
        GaussianPathForms g = forms(power);
        for (double t : new double[] {0.1, 0.7, 1.3, 1.9}) {
            double h = 1e-5;
            double fd = (g.logZ(t + h) - g.logZ(t - h)) / (2 * h);
            assertEquals(fd, g.logZRate(t), 1e-7 * Math.max(1, Math.abs(fd)), "t = " + t);
        }
        assertEquals(0.0, g.logZ(0), 1e-12, "log Z_0 = 0: the prior is normalised");
        assertEquals(g.logZ(), g.logZ(HORIZON), 1e-12, "log Z_T = log Z");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0})
    void theExactTransportHasZeroResidualAndPerturbationsDoNot(double power) {
        GaussianPathForms g = forms(power);
        TimeGrid grid = TimeGrid.uniform(HORIZON, 8);
        AnnealingPath path = path(g, grid);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3);
        TransportResidual exact = new TransportResidual(path, g.transport(0), g.rate(1));
        TransportResidual shifted = new TransportResidual(path, g.transport(0.2), g.rate(1));
        TransportResidual wrongSign = new TransportResidual(path, g.transport(0), g.rate(-1));
        for (int n = 0; n <= grid.steps(); n++) {
            double t = grid.time(n);
            DMatrixRMaj x = points(g, t, 50, rng);
            double r = maxAbs(exact.residual(new Tape(), x, t, DivergenceEstimator.exact()).value());
            double rh = maxAbs(exact.residual(new Tape(), x, t,
                    DivergenceEstimator.hutchinson(1, Probe.RADEMACHER, rng)).value());
            double rs = maxAbs(shifted.residual(new Tape(), x, t, DivergenceEstimator.exact()).value());
            DMatrixRMaj rw = wrongSign.residual(new Tape(), x, t, DivergenceEstimator.exact()).value();
            String msg = String.format(Locale.ROOT, "p = %s, t = %.2f: |R| exact %.2e, Hutchinson %.2e, shifted %.2e",
                    power, t, r, rh, rs);
            System.out.println(msg);
            assertTrue(r < 1e-10, msg);
            assertTrue(rh < 1e-10, msg);
            if (power == 1.0 || n > 0) {
                assertTrue(rs > 1e-2, "a shifted drift must leave a residual: " + msg);
            }
            for (double v : rw.data) {
                assertEquals(2 * g.logZRate(t), v, 1e-10, "the wrong sign of ∂_t F leaves 2∂_t F: " + msg);
            }
        }
    }
}
