package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exact divergence, Laplacian and Hutchinson's estimator. */
class DivergenceTest {
    static final int N = 4;
    static final int D = 3;

    static Mlp field(long seed, int out) {
        return new Mlp("f", new int[] {D, 16, 16, out}, Activation.TANH, TestData.rng(seed), false);
    }

    static DMatrixRMaj eval(Mlp mlp, DMatrixRMaj xm) {
        Tape t = Tape.noGrad();
        return mlp.apply(t, t.constant(xm)).value();
    }

    @Test
    void exactDivergenceMatchesFiniteDifferences() {
        for (long seed = 0; seed < 3; seed++) {
            Mlp mlp = field(800 + seed, D);
            DMatrixRMaj xm = TestData.uniform(TestData.rng(seed), N, D, -1, 1);
            Tape t = new Tape();
            Var x = t.input(xm);
            Var div = Divergence.exact(t, mlp.apply(t, x), x);
            double h = 1e-6;
            DMatrixRMaj fd = new DMatrixRMaj(N, 1);
            for (int j = 0; j < D; j++) {
                DMatrixRMaj xp = xm.copy();
                DMatrixRMaj xn = xm.copy();
                for (int i = 0; i < N; i++) {
                    xp.add(i, j, h);
                    xn.add(i, j, -h);
                }
                DMatrixRMaj fp = eval(mlp, xp);
                DMatrixRMaj fn = eval(mlp, xn);
                for (int i = 0; i < N; i++) {
                    fd.data[i] += (fp.get(i, j) - fn.get(i, j)) / (2 * h);
                }
            }
            assertTrue(TestData.maxAbsDiff(div.value(), fd) < 1e-8, "seed " + seed);
        }
    }

    @Test
    void laplacianMatchesSecondDifferences() {
        for (long seed = 0; seed < 3; seed++) {
            Mlp mlp = field(810 + seed, 1);
            DMatrixRMaj xm = TestData.uniform(TestData.rng(seed), N, D, -1, 1);
            Tape t = new Tape();
            Var x = t.input(xm);
            Var lap = Divergence.laplacian(t, mlp.apply(t, x), x);
            double h = 1e-4;
            DMatrixRMaj s0 = eval(mlp, xm);
            DMatrixRMaj fd = new DMatrixRMaj(N, 1);
            for (int j = 0; j < D; j++) {
                DMatrixRMaj xp = xm.copy();
                DMatrixRMaj xn = xm.copy();
                for (int i = 0; i < N; i++) {
                    xp.add(i, j, h);
                    xn.add(i, j, -h);
                }
                DMatrixRMaj sp = eval(mlp, xp);
                DMatrixRMaj sn = eval(mlp, xn);
                for (int i = 0; i < N; i++) {
                    fd.data[i] += (sp.data[i] - 2 * s0.data[i] + sn.data[i]) / (h * h);
                }
            }
            // second differences: truncation O(h²) and rounding O(eps/h²) ≈ 1e-8
            assertTrue(TestData.maxAbsDiff(lap.value(), fd) < 1e-5, "seed " + seed + ": " + lap.value() + " vs " + fd);
        }
    }

    /**
     * Hutchinson: the mean of M single-probe estimates lies within 4 standard errors of the exact
     * divergence for every sample (false-alarm rate per check ≈ 6e-5 for a normal mean; seeded).
     * The M-probe estimator equals the average of the single-probe ones.
     */
    @ParameterizedTest
    @EnumSource(Probe.class)
    void hutchinsonMeanIsWithinFourStandardErrorsOfExact(Probe kind) {
        Mlp mlp = field(820, D);
        UniformRandomProvider rng = TestData.rng(821 + kind.ordinal());
        DMatrixRMaj xm = TestData.uniform(rng, N, D, -1, 1);
        Tape t0 = new Tape();
        Var x0 = t0.input(xm);
        DMatrixRMaj exact = Divergence.exact(t0, mlp.apply(t0, x0), x0).value();
        int m = 2000;
        double[] sum = new double[N];
        double[] sumSq = new double[N];
        DMatrixRMaj[] firstProbes = new DMatrixRMaj[5];
        double[] firstMean = new double[N];
        for (int k = 0; k < m; k++) {
            DMatrixRMaj e = kind.draw(N, D, rng);
            Tape t = new Tape();
            Var x = t.input(xm);
            DMatrixRMaj est = Divergence.hutchinson(t, mlp.apply(t, x), x, e).value();
            for (int i = 0; i < N; i++) {
                sum[i] += est.data[i];
                sumSq[i] += est.data[i] * est.data[i];
                if (k < firstProbes.length) {
                    firstMean[i] += est.data[i] / firstProbes.length;
                }
            }
            if (k < firstProbes.length) {
                firstProbes[k] = e;
            }
        }
        for (int i = 0; i < N; i++) {
            double mean = sum[i] / m;
            double var = (sumSq[i] - m * mean * mean) / (m - 1);
            double se = Math.sqrt(Math.max(var, 0) / m);
            assertTrue(var > 0, "estimator variance should be positive for a non-diagonal Jacobian");
            assertTrue(Math.abs(mean - exact.data[i]) <= 4 * se,
                    kind + " sample " + i + ": mean " + mean + ", exact " + exact.data[i] + ", se " + se);
        }
        Tape t = new Tape();
        Var x = t.input(xm);
        DMatrixRMaj multi = Divergence.hutchinson(t, mlp.apply(t, x), x, firstProbes).value();
        for (int i = 0; i < N; i++) {
            assertEquals(firstMean[i], multi.data[i], 1e-12);
        }
    }

    @Test
    void gradientOfHutchinsonEstimateWithRespectToParametersMatchesFiniteDifferences() {
        Mlp mlp = field(830, D);
        UniformRandomProvider rng = TestData.rng(831);
        DMatrixRMaj xm = TestData.uniform(rng, N, D, -1, 1);
        DMatrixRMaj[] probes = {Probe.RADEMACHER.draw(N, D, rng), Probe.GAUSSIAN.draw(N, D, rng)};
        DMatrixRMaj weights = TestData.uniform(rng, N, 1, -1, 1);
        Function<Tape, Var> loss = t -> {
            Var x = t.input(xm);
            Var est = Divergence.hutchinson(t, mlp.apply(t, x), x, probes);
            return t.sum(t.mul(est, t.constant(weights)));
        };
        GradCheck.Result r = GradCheck.parameters(loss, 1e-6, mlp.parameters().toArray(new Parameter[0]));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
        // and of the exact divergence
        Function<Tape, Var> exactLoss = t -> {
            Var x = t.input(xm);
            return t.sum(t.mul(Divergence.exact(t, mlp.apply(t, x), x), t.constant(weights)));
        };
        GradCheck.Result r2 = GradCheck.parameters(exactLoss, 1e-6, mlp.parameters().toArray(new Parameter[0]));
        assertTrue(r2.maxRelativeError() < 1e-6, r2.toString());
    }
}
