package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GeneralizedLinearModelTest {

    static RegressionData data(String csv) {
        return data2(csv, RegressionData.Response.BINARY);
    }

    /** A small random data set with p features and both classes. */
    static RegressionData random(int n, int p, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                b.append(4 * rng.nextDouble() - 2).append(',');
            }
            b.append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        return data(b.toString());
    }

    static double naiveLogDensity(double[][] a, double[] y, double s, double[] w) {
        return naiveLogDensity(GlmFamily.LOGISTIC, a, y, s, w);
    }

    @Test
    void logDensityIsTheNormalisedPriorTimesTheLikelihoodWithIntercept() {
        RegressionData d = data("x,z,label\n0.5,-1,1\n2,0.25,0\n-1,1.5,1\n");
        GeneralizedLinearModel t = GeneralizedLinearModel.logistic("t", d, 1.7, null);
        assertEquals(3, t.dimension());
        double[][] a = {{0.5, -1}, {2, 0.25}, {-1, 1.5}};
        double[] y = {1, 0, 1};
        for (double[] w : new double[][] {{0, 0, 0}, {0.3, -1.2, 0.8}, {-2, 0.1, 1}}) {
            assertEquals(naiveLogDensity(a, y, 1.7, w), FiniteDifferences.logDensity(t, w), 1e-12);
        }
        // at w = 0 every σ is ½: log ρ(0) = −(d/2) log(2π S²) + N log ½
        assertEquals(-1.5 * Math.log(2 * Math.PI * 1.7 * 1.7) + 3 * Math.log(0.5), FiniteDifferences.logDensity(t, new double[3]), 1e-12);
    }

    @Test
    void scoreAndHessianMatchFiniteDifferences() {
        GeneralizedLinearModel t = GeneralizedLinearModel.logistic("t", random(40, 4, 3), 1.3, null);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        double[][] points = new double[6][5];
        for (double[] p : points) {
            for (int j = 0; j < p.length; j++) {
                p[j] = 3 * rng.nextDouble() - 1.5;
            }
        }
        FiniteDifferences.assertScore(t, points, 1e-5, 1e-7);
        FiniteDifferences.assertHessian(t, points, 1e-5, 1e-7);
    }

    @Test
    void batchedScoreEqualsRowByRow() {
        GeneralizedLinearModel t = GeneralizedLinearModel.logistic("t", random(30, 3, 4), 1.0, null);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.1, 0.2, -0.3, 0.4}, {1, -1, 0.5, 2}, {0, 0, 0, 0}});
        DMatrixRMaj g = t.score(w);
        for (int i = 0; i < 3; i++) {
            DMatrixRMaj row = t.score(new DMatrixRMaj(1, 4, true, w.data[i * 4], w.data[i * 4 + 1], w.data[i * 4 + 2], w.data[i * 4 + 3]));
            for (int j = 0; j < 4; j++) {
                assertEquals(row.data[j], g.get(i, j), 1e-12);
            }
        }
    }

    /**
     * The score of a batch of 150 points — blocks of 64, 64 and 22 in the transposed layout — against the formula
     * {@code −w/S² + Σ_k a_k ℓ'(a_kᵀw; y_k)} written as plain loops with {@link Math#exp}, row by row, for every family.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(GlmFamily.class)
    void aBatchAcrossSeveralBlocksHasTheClosedFormScoreOnEveryRow(GlmFamily f) {
        RegressionData data = random(47, 5, 31 + f.ordinal(), f.response());
        double s = 0.8;
        GeneralizedLinearModel t = new GeneralizedLinearModel("t", f, data, s, null);
        DMatrixRMaj a = data.designWithIntercept();
        double[] y = data.labels();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(41);
        int n = 150;
        int d = t.dimension();
        DMatrixRMaj w = new DMatrixRMaj(n, d);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = 1.2 * rng.nextDouble() - 0.6;
        }
        DMatrixRMaj g = t.score(w);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double want = -w.get(i, j) / (s * s);
                for (int k = 0; k < y.length; k++) {
                    double z = 0;
                    for (int c = 0; c < d; c++) {
                        z += a.get(k, c) * w.get(i, c);
                    }
                    double dl;
                    switch (f) {
                        case LOGISTIC: dl = y[k] - 1 / (1 + Math.exp(-z)); break;
                        case POISSON: dl = y[k] - Math.exp(z); break;
                        default: dl = f.dLogLikelihood(z, y[k]); // probit: Φ's own ratio (NormalCdf), tested apart
                    }
                    want += a.get(k, j) * dl;
                }
                assertEquals(want, g.get(i, j), 1e-11 * (1 + Math.abs(want)), f + " row " + i + " coordinate " + j);
            }
        }
    }

    @Test
    void stableFarInTheTails() {
        GeneralizedLinearModel t = GeneralizedLinearModel.logistic("t", random(20, 2, 6), 1.0, null);
        double[] w = {800, -900, 700};
        double lp = FiniteDifferences.logDensity(t, w);
        assertTrue(Double.isFinite(lp) && lp < -1e5, "log ρ = " + lp);
        for (double g : t.score(new DMatrixRMaj(1, 3, true, w)).data) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndPopulationStdOne() {
        RegressionData d = data("1,5,0\n2,5,1\n4,5,0\n9,5,1\n").standardized();
        DMatrixRMaj a = d.designWithIntercept();
        double mean = 0;
        double ss = 0;
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, a.get(i, 0));
            assertEquals(0.0, a.get(i, 2), "a constant column becomes 0");
            mean += a.get(i, 1);
            ss += a.get(i, 1) * a.get(i, 1);
        }
        assertEquals(0, mean, 1e-12);
        assertEquals(1, ss / 4, 1e-12);
    }

    /** A small random data set with p features and the responses of {@code kind} (both classes, or counts 0..6). */
    static RegressionData random(int n, int p, long seed, RegressionData.Response kind) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                b.append(2 * rng.nextDouble() - 1).append(',');
            }
            b.append(kind == RegressionData.Response.COUNT ? rng.nextInt(7) : i % 3 == 0 ? 1 : 0).append('\n');
        }
        return data2(b.toString(), kind);
    }

    /** {@code log ρ} written out per example, with an independent {@code Φ} (Numerical Recipes' erfc) for probit. */
    static double naiveLogDensity(GlmFamily f, double[][] a, double[] y, double s, double[] w) {
        double lp = -0.5 * w.length * Math.log(2 * Math.PI * s * s);
        for (double v : w) {
            lp -= v * v / (2 * s * s);
        }
        for (int i = 0; i < y.length; i++) {
            double z = w[0];
            for (int j = 0; j < a[i].length; j++) {
                z += a[i][j] * w[j + 1];
            }
            switch (f) {
                case PROBIT:
                    double phi = org.girsanov.sde.GaussianDensity.cdf(z);
                    lp += y[i] * Math.log(phi) + (1 - y[i]) * Math.log(1 - phi);
                    break;
                case POISSON:
                    double logFact = 0;
                    for (int k = 2; k <= y[i]; k++) {
                        logFact += Math.log(k);
                    }
                    lp += y[i] * z - Math.exp(z) - logFact;
                    break;
                default:
                    double p = 1 / (1 + Math.exp(-z));
                    lp += y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
            }
        }
        return lp;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(GlmFamily.class)
    void everyFamilysLogDensityScoreAndHessianAgreeWithTheFormulasAndCentralDifferences(GlmFamily f) {
        RegressionData data = random(25, 3, 11 + f.ordinal(), f.response());
        GeneralizedLinearModel t = new GeneralizedLinearModel("t", f, data, 1.4, null);
        assertEquals(4, t.dimension());
        double[][] a = new double[25][];
        DMatrixRMaj design = data.designWithIntercept();
        for (int i = 0; i < 25; i++) {
            a[i] = new double[] {design.get(i, 1), design.get(i, 2), design.get(i, 3)};
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17);
        double[][] points = new double[5][4];
        for (double[] p : points) {
            for (int j = 0; j < p.length; j++) {
                p[j] = 2 * rng.nextDouble() - 1;
            }
            double naive = naiveLogDensity(f, a, data.labels(), 1.4, p);
            // probit's reference Φ is good to 1.2e-7 relative, the others to rounding
            assertEquals(naive, FiniteDifferences.logDensity(t, p), (f == GlmFamily.PROBIT ? 1e-6 : 1e-11) * Math.abs(naive), f + " at " + java.util.Arrays.toString(p));
        }
        FiniteDifferences.assertScore(t, points, 1e-5, 1e-7);
        FiniteDifferences.assertHessian(t, points, 1e-5, 1e-7);
        DMatrixRMaj w = new DMatrixRMaj(points);
        DMatrixRMaj g = t.score(w);
        for (int i = 0; i < points.length; i++) {
            DMatrixRMaj row = t.score(new DMatrixRMaj(1, 4, true, points[i]));
            for (int j = 0; j < 4; j++) {
                assertEquals(row.data[j], g.get(i, j), 1e-12, "batched score row " + i);
            }
        }
    }

    @Test
    void atZeroWeightsEachFamilyHasItsClosedForm() {
        RegressionData counts = data2("x,y\n0.5,0\n-1,3\n2,1\n", RegressionData.Response.COUNT);
        GeneralizedLinearModel p = new GeneralizedLinearModel("p", GlmFamily.POISSON, counts, 2.0, null);
        // z = 0: ℓ_i = −1 − log y_i!
        double expected = -1.0 * Math.log(2 * Math.PI * 4) - 3 - Math.log(6);
        assertEquals(expected, FiniteDifferences.logDensity(p, new double[2]), 1e-12);
        RegressionData labels = data2("x,y\n0.5,0\n-1,1\n2,1\n", RegressionData.Response.BINARY);
        GeneralizedLinearModel q = new GeneralizedLinearModel("q", GlmFamily.PROBIT, labels, 2.0, null);
        assertEquals(-1.0 * Math.log(2 * Math.PI * 4) + 3 * Math.log(0.5), FiniteDifferences.logDensity(q, new double[2]), 1e-12);
    }

    @Test
    void probitAndPoissonAreStableFarOut() {
        GeneralizedLinearModel probit = new GeneralizedLinearModel("t", GlmFamily.PROBIT,
                random(20, 2, 6, RegressionData.Response.BINARY), 1.0, null);
        double[] w = {80, -90, 70};
        double lp = FiniteDifferences.logDensity(probit, w);
        assertTrue(Double.isFinite(lp) && lp < -1e3, "probit log ρ = " + lp);
        for (double g : probit.score(new DMatrixRMaj(1, 3, true, w)).data) {
            assertTrue(Double.isFinite(g));
        }
        GeneralizedLinearModel poisson = new GeneralizedLinearModel("t", GlmFamily.POISSON,
                random(20, 2, 6, RegressionData.Response.COUNT), 1.0, null);
        double lq = FiniteDifferences.logDensity(poisson, new double[] {-30, 5, -5});
        assertTrue(Double.isFinite(lq), "poisson log ρ = " + lq);
    }

    @Test
    void dataSetsCheckEveryValueAndNameTheExample() {
        RegressionData.Response bin = RegressionData.Response.BINARY;
        RegressionData.Response count = RegressionData.Response.COUNT;
        double[][] x = {{1, 2}, {3, 4}, {5, 6}};
        assertOf("mine, example 2: label is 2; allowed: 0 or 1", () -> RegressionData.of("mine", x, new double[] {0, 2, 1}, null, bin));
        assertOf("mine: every label is 1 (3 examples)", () -> RegressionData.of("mine", x, new double[] {1, 1, 1}, null, bin));
        assertOf("mine, example 3: count is 2.5", () -> RegressionData.of("mine", x, new double[] {0, 1, 2.5}, null, count));
        assertOf("mine, example 1: count is -1", () -> RegressionData.of("mine", x, new double[] {-1, 1, 2}, null, count));
        assertOf("mine, example 2: 1 features, but example 1 has 2",
                () -> RegressionData.of("mine", new double[][] {{1, 2}, {3}}, new double[] {0, 1}, null, bin));
        assertOf("mine, example 1, feature 2: NaN is not finite",
                () -> RegressionData.of("mine", new double[][] {{1, Double.NaN}, {3, 4}}, new double[] {0, 1}, null, bin));
        assertOf("mine: 0 rows of features and 0 responses",
                () -> RegressionData.of("mine", new double[0][], new double[0], null, bin));
        assertOf("mine: 2 column names for 2 features",
                () -> RegressionData.of("mine", x, new double[] {0, 1, 1}, java.util.List.of("a", "b"), bin));
        RegressionData d = RegressionData.of("mine", x, new double[] {0, 1, 1}, null, bin);
        assertEquals(java.util.List.of("x1", "x2", "label"), d.columns());
        x[0][0] = 99; // copied
        assertEquals(1.0, d.designWithIntercept().get(0, 1));
        assertEquals(3, RegressionData.of("c", x, new double[] {0, 0, 7}, null, count).size(), "counts may be one value");
    }

    private static void assertOf(String expected, org.junit.jupiter.api.function.Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void poissonRefusesBinaryResponses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GeneralizedLinearModel("m", GlmFamily.POISSON,
                random(5, 1, 1, RegressionData.Response.BINARY), 1.0, null));
        assertTrue(e.getMessage().contains("poisson regression needs count responses"), e.getMessage());
    }

    /** Test data from CSV-like text: a first line of names is the header, every other line features..., response. */
    private static RegressionData data2(String csv, RegressionData.Response kind) {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        java.util.List<String> header = null;
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (rows.isEmpty() && header == null && !Character.isDigit(f[0].strip().charAt(0)) && f[0].strip().charAt(0) != '-') {
                header = java.util.List.of(f);
                continue;
            }
            rows.add(java.util.Arrays.stream(f).mapToDouble(Double::parseDouble).toArray());
        }
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            double[] r = rows.get(i);
            x[i] = java.util.Arrays.copyOf(r, r.length - 1);
            y[i] = r[r.length - 1];
        }
        return RegressionData.of("test data", x, y, header, kind);
    }
}
