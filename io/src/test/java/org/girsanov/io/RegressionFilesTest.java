package org.girsanov.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.girsanov.samplers.reference.ImportanceSamplingEvidence;
import org.girsanov.samplers.reference.LaplaceApproximation;
import org.girsanov.samplers.reference.LogZEstimate;
import org.girsanov.samplers.reference.MultivariateT;
import org.girsanov.samplers.targets.GeneralizedLinearModel;
import org.girsanov.samplers.targets.GlmFamily;
import org.girsanov.samplers.targets.TargetReference;
import org.girsanov.sde.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression targets from files and the shipped data sets: CSV errors named by file and line, the spec parameters,
 * the shipped sets' sizes and class counts, and the shipped breast-cancer reference against an independent
 * importance-sampling run.
 */
class RegressionFilesTest {
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegressionCsv.read(folder));
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
        GeneralizedLinearModel t = (GeneralizedLinearModel) TargetSpecs.parse("logistic:data=" + f + ",prior=2.5,standardize=true");
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
        GeneralizedLinearModel bc = RealTargets.breastCancer();
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
        GeneralizedLinearModel gc = RealTargets.germanCredit();
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


    @Test
    void probitAndPoissonSpecsAndTheirDataErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("counts.csv");
        Files.writeString(f, "age,visits\n30,0\n40,2\n50,7\n");
        GeneralizedLinearModel t = (GeneralizedLinearModel) TargetSpecs.parse("poisson:data=" + f + ",prior=3,standardize=true");
        assertEquals(GlmFamily.POISSON, t.family());
        assertEquals(2, t.dimension());
        assertEquals(3.0, t.priorScale());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("probit:data=" + f));
        assertTrue(e.getMessage().contains("line 3: label (last column) is 2; allowed: 0 or 1"), e.getMessage());
        Files.writeString(f, "1,0\n2,2.5\n");
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("poisson:data=" + f));
        assertTrue(e.getMessage().contains("line 2: count (last column) is 2.5; allowed: a whole number"), e.getMessage());
        Files.writeString(f, "1,0\n2,-1\n");
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("poisson:data=" + f));
        assertTrue(e.getMessage().contains("count (last column) is -1"), e.getMessage());
        Files.writeString(f, "1,0\n2,1\n3,1\n");
        assertEquals(GlmFamily.PROBIT, ((GeneralizedLinearModel) TargetSpecs.parse("probit:data=" + f)).family());
        e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("probit"));
        assertTrue(e.getMessage().contains("target probit: needs data=PATH.csv"), e.getMessage());
    }

    @Test
    void importanceSamplingReproducesTheShippedBreastCancerReference() {
        GeneralizedLinearModel t = RealTargets.breastCancer();
        TargetReference ref = t.reference().orElseThrow();
        LogZEstimate is = new ImportanceSamplingEvidence(20000).estimate(t,
                new MultivariateT(LaplaceApproximation.at(t, new double[31]), 20), new RandomStreams(9).stream(0, 0, 30), "");
        assertTrue(is.standardError() < 0.06, is.toString());
        assertEquals(ref.logZ(), is.logZ(), 4 * Math.hypot(is.standardError(), ref.logZError()), is.method());
    }

    @Test
    void eightSchoolsSpecs() {
        assertEquals("eight-schools-centred", TargetSpecs.parse("eight-schools").name());
        assertEquals("eight-schools-noncentred", TargetSpecs.parse("eight-schools:form=noncentred").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetSpecs.parse("eight-schools:form=centered"));
        assertTrue(e.getMessage().contains("allowed: centred, noncentred"), e.getMessage());
    }

    /** The shipped pines: 126 points, every one binned, on the benchmark's 40 × 40 grid and on a coarse one. */
    @Test
    void pinesSpecs() {
        org.girsanov.samplers.targets.CoxProcess fine = (org.girsanov.samplers.targets.CoxProcess) TargetSpecs.parse("lgcp");
        assertEquals("lgcp", fine.name());
        assertEquals(1600, fine.dimension());
        assertEquals(126.0, java.util.Arrays.stream(fine.counts()).sum());
        assertEquals(Math.log(126) - 0.5 * 1.91, fine.priorMean(), 1e-15);
        org.girsanov.samplers.targets.CoxProcess coarse =
                (org.girsanov.samplers.targets.CoxProcess) TargetSpecs.parse("lgcp:cells=5");
        assertEquals("lgcp5x5", coarse.name());
        assertEquals(25, coarse.dimension());
        assertEquals(126.0, java.util.Arrays.stream(coarse.counts()).sum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpecs.parse("lgcp:cells=1"));
        assertTrue(e.getMessage().contains("cells must be 2 to 100"), e.getMessage());
    }
}
