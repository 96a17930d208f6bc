package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticRegressionTest {

    static ClassificationData data(String csv) {
        try {
            return ClassificationData.parse(new BufferedReader(new StringReader(csv)), "test data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A small random data set with p features and both classes. */
    static ClassificationData random(int n, int p, long seed) {
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
        double lp = -0.5 * w.length * Math.log(2 * Math.PI * s * s);
        for (double v : w) {
            lp -= v * v / (2 * s * s);
        }
        for (int i = 0; i < y.length; i++) {
            double z = w[0];
            for (int j = 0; j < a[i].length; j++) {
                z += a[i][j] * w[j + 1];
            }
            double p = 1 / (1 + Math.exp(-z));
            lp += y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
        }
        return lp;
    }

    @Test
    void logDensityIsTheNormalisedPriorTimesTheLikelihoodWithIntercept() {
        ClassificationData d = data("x,z,label\n0.5,-1,1\n2,0.25,0\n-1,1.5,1\n");
        LogisticRegression t = new LogisticRegression("t", d, 1.7, null);
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
        LogisticRegression t = new LogisticRegression("t", random(40, 4, 3), 1.3, null);
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
        LogisticRegression t = new LogisticRegression("t", random(30, 3, 4), 1.0, null);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.1, 0.2, -0.3, 0.4}, {1, -1, 0.5, 2}, {0, 0, 0, 0}});
        DMatrixRMaj g = t.score(w);
        for (int i = 0; i < 3; i++) {
            DMatrixRMaj row = t.score(new DMatrixRMaj(1, 4, true, w.data[i * 4], w.data[i * 4 + 1], w.data[i * 4 + 2], w.data[i * 4 + 3]));
            for (int j = 0; j < 4; j++) {
                assertEquals(row.data[j], g.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void stableFarInTheTails() {
        LogisticRegression t = new LogisticRegression("t", random(20, 2, 6), 1.0, null);
        double[] w = {800, -900, 700};
        double lp = FiniteDifferences.logDensity(t, w);
        assertTrue(Double.isFinite(lp) && lp < -1e5, "log ρ = " + lp);
        for (double g : t.score(new DMatrixRMaj(1, 3, true, w)).data) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndPopulationStdOne() {
        ClassificationData d = data("1,5,0\n2,5,1\n4,5,0\n9,5,1\n").standardized();
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

    @Test
    void badFilesAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
        assertError(dir, null, "no such file");
        assertError(dir, "", "no data lines");
        assertError(dir, "a,b,label\n", "no data lines after the header");
        assertError(dir, "1,2,0\n3,1\n", "line 2: 2 fields, but line 1 has 3");
        assertError(dir, "1,2,0\n3,x7,1\n", "line 2, column 2: \"x7\" is not a number");
        assertError(dir, "1,2,0\n3,4,2\n", "line 2: label (last column) is 2; allowed: 0 or 1");
        assertError(dir, "1,2,1\n3,4,1\n", "every label is 1");
        assertError(dir, "1,NaN,1\n3,4,0\n", "line 1, column 2: NaN is not finite");
        assertError(dir, "1\n0\n", "line 1: 1 column");
        Path folder = Files.createDirectory(dir.resolve("sub"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassificationData.read(folder));
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
    }

    private static void assertError(Path dir, String content, String expected) throws IOException {
        Path f = dir.resolve("d" + Math.abs(String.valueOf(content).hashCode()) + ".csv");
        if (content != null) {
            Files.writeString(f, content);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetSpecs.parse("logistic:data=" + f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void specWithPriorAndStandardisation(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.csv");
        Files.writeString(f, "# a comment\nage,dose,label\n30,1,0\n40,2,1\n\n50,4,1\n");
        LogisticRegression t = (LogisticRegression) TargetSpecs.parse("logistic:data=" + f + ",prior=2.5,standardize=true");
        assertEquals(3, t.dimension());
        assertEquals(3, t.examples());
        assertEquals(2.5, t.priorScale());
        assertTrue(t.logZ().isEmpty() && t.reference().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetSpecs.parse("logistic:data=" + f + ",standardize=yes"));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("logistic:data=" + f + ",prior=-1"));
        assertTrue(e.getMessage().contains("prior"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("logistic"));
        assertTrue(e.getMessage().contains("data=PATH.csv"), e.getMessage());
    }

    @Test
    void shippedDataSets() {
        LogisticRegression bc = RealTargets.breastCancer();
        assertEquals(31, bc.dimension());
        assertEquals(569, bc.examples());
        assertEquals(31, TargetSpecs.parse("breast-cancer").dimension());
        assertEquals(61, RealTargets.sonar().dimension());
        assertEquals(208, RealTargets.sonar().examples());
        assertEquals(35, RealTargets.ionosphere().dimension());
        assertEquals(351, RealTargets.ionosphere().examples());
        // 357 benign (label 1) of 569 in scikit-learn's copy
        double ones = 0;
        for (double y : RealTargets.data("breast_cancer.csv").labels()) {
            ones += y;
        }
        assertEquals(357, ones);
        LogisticRegression gc = RealTargets.germanCredit();
        assertEquals(25, gc.dimension());
        assertEquals(1000, gc.examples());
        assertEquals(25, TargetSpecs.parse("german-credit").dimension());
        // 300 bad credits (label 1) of 1 000 in the UCI numeric encoding
        ones = 0;
        for (double y : RealTargets.data("german_credit.csv").labels()) {
            ones += y;
        }
        assertEquals(300, ones);
    }
}
