package org.girsanov.samplers.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianMixture;
import org.junit.jupiter.api.Test;

/** EM recovers a known mixture; BIC picks its number of components; the likelihood never decreases. */
class ExpectationMaximisationTest {

    private static GaussianMixture truth() {
        return new GaussianMixture("truth", new double[][] {{-3, 0}, {2, 2}, {1, -3}},
                new DMatrixRMaj[] {
                    new DMatrixRMaj(2, 2, true, 0.5, 0.2, 0.2, 0.4),
                    new DMatrixRMaj(2, 2, true, 0.3, 0, 0, 0.6),
                    new DMatrixRMaj(2, 2, true, 0.8, -0.3, -0.3, 0.6)},
                new double[] {0.5, 0.3, 0.2});
    }

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Test
    void bicChoosesThreeAndEmRecoversTheParameters() {
        GaussianMixture truth = truth();
        DMatrixRMaj data = truth.sample(6000, rng(1));
        BicSelection bic = new BicSelection(ExpectationMaximisation.defaults(), 5, 2);
        List<MixtureFit> fits = bic.candidates(data, rng(2));
        // select() is the candidate of least BIC; scanning once instead of twice halves the test's time
        MixtureFit best = fits.stream().min(java.util.Comparator.comparingDouble(MixtureFit::bic)).orElseThrow();
        assertEquals(3, best.mixture().components(), "BIC per K: " + fits.stream().map(MixtureFit::bic).toList());
        DMatrixRMaj tm = truth.means();
        DMatrixRMaj fm = best.mixture().means();
        double[] tw = truth.weights();
        double[] fw = best.mixture().weights();
        for (int c = 0; c < 3; c++) {
            int match = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int e = 0; e < 3; e++) {
                double q = Math.hypot(tm.get(c, 0) - fm.get(e, 0), tm.get(c, 1) - fm.get(e, 1));
                if (q < bestD) {
                    bestD = q;
                    match = e;
                }
            }
            assertTrue(bestD < 0.06, "mean of component " + c + " off by " + bestD);
            assertEquals(tw[c], fw[match], 0.02, "weight of component " + c);
            DMatrixRMaj tc = truth.covariance(c);
            DMatrixRMaj fc = best.mixture().covariance(match);
            for (int i = 0; i < 4; i++) {
                assertEquals(tc.data[i], fc.data[i], 0.08, "covariance entry " + i + " of component " + c);
            }
        }
    }

    @Test
    void likelihoodNeverDecreases() {
        DMatrixRMaj data = truth().sample(1000, rng(3));
        double previous = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= 30; it += 3) {
            MixtureFit f = new ExpectationMaximisation(it, 1e-300).fit(data, 4, rng(4));
            assertTrue(f.logLikelihood() >= previous - 1e-9, "iteration " + it + ": " + f.logLikelihood() + " < " + previous);
            previous = f.logLikelihood();
        }
    }

    @Test
    void bicCountsTheFreeParameters() {
        MixtureFit f = ExpectationMaximisation.defaults().fit(truth().sample(500, rng(5)), 3, rng(6));
        assertEquals(2 + 6 + 9, f.parameters());
        assertEquals(-2 * f.logLikelihood() + 17 * Math.log(500), f.bic(), 1e-9);
    }

    /** {@code select} keeps the least BIC, and a patience of 1 stops the scan at the first worse K past it, same fits. */
    @Test
    void selectKeepsTheLeastBicAndPatienceStopsTheScanEarly() {
        DMatrixRMaj data = truth().sample(1500, rng(3));
        BicSelection bic = new BicSelection(ExpectationMaximisation.defaults(), 5, 1);
        List<MixtureFit> all = bic.candidates(data, rng(4));
        List<MixtureFit> patient = bic.withPatience(1).candidates(data, rng(4));
        assertEquals(4, patient.size(), "K = 1..3 improve, K = 4 is worse: stop");
        for (int k = 0; k < patient.size(); k++) {
            assertEquals(all.get(k).logLikelihood(), patient.get(k).logLikelihood(), 0.0, "K = " + (k + 1));
        }
        MixtureFit best = bic.withPatience(1).select(data, rng(4));
        assertEquals(3, best.mixture().components());
        assertEquals(all.stream().mapToDouble(MixtureFit::bic).min().orElseThrow(), best.bic(), 0.0);
    }
}
