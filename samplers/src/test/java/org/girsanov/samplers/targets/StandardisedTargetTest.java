package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.junit.jupiter.api.Test;

/** {@link StandardisedTarget} against the change of variables in closed form. */
class StandardisedTargetTest {
    private static final UniformRandomProvider RNG = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);

    /** {@code Z · N(μ, diag(σ²))} seen through its own {@code m = μ}, {@code s = σ} is {@code Z · N(0, I)} exactly. */
    @Test
    void aGaussianInItsOwnCoordinatesIsTheStandardNormalTimesZ() {
        double[] mu = {3.0, -120.0, 0.02};
        double[] sd = {0.05, 7.0, 1.3};
        DMatrixRMaj cov = new DMatrixRMaj(3, 3);
        for (int j = 0; j < 3; j++) {
            cov.set(j, j, sd[j] * sd[j]);
        }
        GaussianTarget rho = new GaussianTarget("g", mu, cov, 2.5);
        StandardisedTarget z = new StandardisedTarget(rho, mu, sd);
        DMatrixRMaj pts = normal(50, 3);
        double[] got = logDensity(z, pts);
        double[] want = logDensity(new GaussianTarget("std", new double[3], identity(3), 2.5), pts);
        for (int i = 0; i < got.length; i++) {
            assertEquals(want[i], got[i], 1e-10, "log ρ̃(z) = log Z + log N(z; 0, I), point " + i);
        }
        assertEquals(2.5, z.logZ().getAsDouble(), 0.0, "log Z unchanged");
        double[] sdz = z.marginalStd().orElseThrow();
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, sdz[j], 1e-12, "the marginal std in z, coordinate " + j);
        }
        DMatrixRMaj draws = z.sample(20000, RNG);
        for (int j = 0; j < 3; j++) {
            double m = 0;
            for (int i = 0; i < draws.numRows; i++) {
                m += draws.get(i, j);
            }
            assertEquals(0.0, m / draws.numRows, 0.03, "exact samples read in z have mean 0, coordinate " + j);
        }
    }

    /** The closed-form score {@code s ⊙ ∇ log ρ(m + s ⊙ z)} against central differences of the log-density. */
    @Test
    void theScoreIsTheGradientOfTheLogDensity() {
        Target rho = GridMixture.gmm9();
        StandardisedTarget z = new StandardisedTarget(rho, new double[] {1.5, -2.0}, new double[] {3.0, 0.4});
        DMatrixRMaj pts = normal(7, 2);
        DMatrixRMaj score = assertScoreIsTheGradient(z, pts, pts.numRows);
        DMatrixRMaj viaTape = z.score((Tape) null, pts);
        for (int i = 0; i < score.data.length; i++) {
            assertEquals(score.data[i], viaTape.data[i], 0.0, "the scratch-lending score, bit for bit");
        }
    }

    /** The score of the first {@code rows} points against central differences of the log-density; the score. */
    private static DMatrixRMaj assertScoreIsTheGradient(Target z, DMatrixRMaj pts, int rows) {
        DMatrixRMaj score = z.score(pts);
        double h = 1e-5;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < pts.numCols; j++) {
                DMatrixRMaj up = pts.copy();
                DMatrixRMaj down = pts.copy();
                up.set(i, j, up.get(i, j) + h);
                down.set(i, j, down.get(i, j) - h);
                double fd = (logDensity(z, up)[i] - logDensity(z, down)[i]) / (2 * h);
                assertEquals(fd, score.get(i, j), 1e-6 * Math.max(1, Math.abs(fd)), "score (" + i + ", " + j + ")");
            }
        }
        return score;
    }

    /** {@code Z · N(μ, Σ)} through {@code x = μ + L z}, {@code L Lᵀ = Σ}, is {@code Z · N(0, I)}; the score by differences. */
    @Test
    void aCorrelatedGaussianWhitenedByItsCholeskyFactorIsTheStandardNormalTimesZ() {
        DMatrixRMaj cov = new DMatrixRMaj(new double[][] {{4.0, 1.2, -0.3}, {1.2, 0.9, 0.1}, {-0.3, 0.1, 0.25}});
        double[] mu = {1.0, -2.0, 0.5};
        GaussianTarget rho = new GaussianTarget("c", mu, cov, -0.7);
        DMatrixRMaj l = rho.covariance();
        org.ejml.interfaces.decomposition.CholeskyDecomposition_F64<DMatrixRMaj> chol =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(3, true);
        assertTrue(chol.decompose(l));
        DMatrixRMaj lower = chol.getT(null);
        DMatrixRMaj upperJunk = lower.copy();
        upperJunk.set(0, 2, 99.0); // ignored: only the lower triangle is L
        StandardisedTarget z = new StandardisedTarget(rho, mu, upperJunk);
        DMatrixRMaj pts = normal(40, 3);
        double[] got = logDensity(z, pts);
        double[] want = logDensity(new GaussianTarget("std", new double[3], identity(3), -0.7), pts);
        for (int i = 0; i < got.length; i++) {
            assertEquals(want[i], got[i], 1e-10, "log ρ̃(z) = log Z + log N(z; 0, I), point " + i);
        }
        DMatrixRMaj score = assertScoreIsTheGradient(z, pts, 5);
        for (int i = 0; i < score.data.length; i++) {
            assertEquals(-pts.data[i], score.data[i], 1e-9, "the standard normal's score −z");
        }
        DMatrixRMaj x = normal(6, 3);
        DMatrixRMaj back = z.toOriginal(z.toStandardised(x));
        for (int i = 0; i < x.data.length; i++) {
            assertEquals(x.data[i], back.data[i], 1e-12, "x = m + L L⁻¹ (x − m)");
        }
        assertTrue(z.reference().isEmpty() && z.marginalStd().isEmpty(), "stds in z would need the full covariance");
    }

    @Test
    void theMapsAreInversesAndTheReferenceMovesWithThem() {
        StandardisedTarget z = new StandardisedTarget(new EightSchools(EightSchools.Form.NONCENTRED),
                seq(10, 0.5, 0.25), seq(10, 2.0, 0.1));
        DMatrixRMaj x = normal(4, 10);
        DMatrixRMaj back = z.toOriginal(z.toStandardised(x));
        for (int i = 0; i < x.data.length; i++) {
            assertEquals(x.data[i], back.data[i], 1e-12);
        }
        TargetReference r = z.inner().reference().orElseThrow();
        TargetReference rz = z.reference().orElseThrow();
        assertEquals(r.logZ(), rz.logZ(), 0.0);
        for (int j = 0; j < 10; j++) {
            double s = 2.0 + 0.1 * j;
            assertEquals((r.mean()[j] - (0.5 + 0.25 * j)) / s, rz.mean()[j], 1e-12);
            assertEquals(r.std()[j] / s, rz.std()[j], 1e-12);
        }
    }

    @Test
    void badCoordinatesAreNamedErrors() {
        Target g = GaussianTarget.standard(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StandardisedTarget(g, new double[] {0, 0}, new double[] {1, 0}));
        assertTrue(e.getMessage().contains("coordinate 1") && e.getMessage().contains("> 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StandardisedTarget(g, new double[3], new double[] {1, 1}));
        assertTrue(e.getMessage().contains("has 2"), e.getMessage());
    }

    private static double[] logDensity(Target t, DMatrixRMaj x) {
        Tape tape = new Tape();
        return t.logDensity(tape, tape.input(x)).value().data.clone();
    }

    private static DMatrixRMaj normal(int n, int d) {
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(11L + n * 31L + d));
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = g.sample();
        }
        return x;
    }

    private static DMatrixRMaj identity(int d) {
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int j = 0; j < d; j++) {
            m.set(j, j, 1.0);
        }
        return m;
    }

    private static double[] seq(int d, double start, double step) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = start + step * j;
        }
        return v;
    }
}
