package org.girsanov.samplers.marginal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.mcmc.ParallelTemperingTest;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.LogDensityTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.VpSchedule;
import org.junit.jupiter.api.Test;

/** RDMC on a Gaussian mixture: with the exact score it is the reverse diffusion; with estimated scores it samples. */
class ReverseDiffusionMonteCarloTest {
    private static final VpSchedule NOISING = new VpLinearSchedule(1.0, 0.1, 8.0, 1.0);

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** The closed-form noised-mixture score as an "estimator" with no noise: isolates the integrator and the weights. */
    private record ExactScore(GaussianMixture rho) implements NoisedScoreEstimator {
        @Override
        public int draws() {
            return 0;
        }

        @Override
        public long evaluationsPerPoint() {
            return 0;
        }

        @Override
        public NoisedScore estimate(Target target, DMatrixRMaj x, double a, double v, UniformRandomProvider rng) {
            return new NoisedScore(NoisedMixture.of(rho, a, v).score(x), new DMatrixRMaj(x.numRows, x.numCols),
                    new DMatrixRMaj(x.numRows, 1));
        }
    }

    /** {@code log ρ = log N-mixture + c}: {@code log Z = c}. */
    private static Target unnormalised(GaussianMixture rho, double c) {
        return new LogDensityTarget("shifted", rho.dimension(), (t, x) -> t.addScalar(rho.logDensity(t, x), c), c);
    }

    /**
     * With the exact score only the discretisation separates the forward from the backward process: the ESS rises
     * towards 1 as the grid is refined (100, 400, 1600 steps), and {@code log Ẑ} is {@code log Z}.
     */
    @Test
    void exactScoreWeightsImproveUnderRefinement() {
        GaussianMixture rho = Mixtures.threeIn2d();
        double previous = 0;
        StringBuilder report = new StringBuilder();
        for (int steps : new int[] {100, 400, 1600}) {
            ReverseDiffusionMonteCarlo rdmc = new ReverseDiffusionMonteCarlo(NOISING, TimeGrid.uniform(1.0, steps),
                    new ExactScore(rho));
            RdmcResult r = rdmc.run(unnormalised(rho, 1.3), 2000, rng(1));
            report.append(String.format(" N=%d ESS=%.3f logZ=%.4f", steps, r.effectiveSampleSize(), r.logZImportance()));
            assertTrue(r.effectiveSampleSize() > previous, report.toString());
            previous = r.effectiveSampleSize();
            assertEquals(1.3, r.logZImportance(), 0.05, report.toString());
            assertTrue(r.logZLowerBound() <= r.logZImportance());
            assertEquals(2000, r.targetEvaluations());
            assertModeShares(rho, r.samples(), 0.04);
        }
        System.out.println("RDMC, exact score:" + report);
        assertTrue(previous > 0.9, report.toString());
    }

    /**
     * With RDMC's posterior-mean estimator ({@code K = 64}) the particles hold the modes in their proportions, the
     * cost is {@code n(K·steps + 1)} evaluations, and the (sound, extended-space) importance weights give {@code log Z}
     * within 0.15.
     */
    @Test
    void estimatedScoreSamplesTheMixture() {
        GaussianMixture rho = Mixtures.threeIn2d();
        int n = 2000;
        int steps = 40;
        ReverseDiffusionMonteCarlo rdmc = new ReverseDiffusionMonteCarlo(NOISING, TimeGrid.uniform(1.0, steps),
                new PosteriorMeanScore(64));
        RdmcResult r = rdmc.run(unnormalised(rho, -0.4), n, rng(2));
        assertEquals((long) n * (64L * steps + 1), r.targetEvaluations());
        assertModeShares(rho, r.samples(), 0.05);
        System.out.printf("RDMC K=64, %d steps: logZ_is=%.4f (true -0.4), elbo=%.4f, ESS=%.3f%n", steps,
                r.logZImportance(), r.logZLowerBound(), r.effectiveSampleSize());
        assertEquals(-0.4, r.logZImportance(), 0.15);
    }

    /** Same seed, same particles. */
    @Test
    void deterministicWithASeed() {
        GaussianMixture rho = Mixtures.twoIn1d();
        ReverseDiffusionMonteCarlo rdmc = new ReverseDiffusionMonteCarlo(NOISING, TimeGrid.uniform(1.0, 10),
                new TargetScoreIdentity(8));
        RdmcResult a = rdmc.run(rho, 50, rng(5));
        RdmcResult b = rdmc.run(rho, 50, rng(5));
        for (int i = 0; i < 50; i++) {
            assertEquals(a.samples().data[i], b.samples().data[i], 0.0);
            assertEquals(a.logWeights()[i], b.logWeights()[i], 0.0);
        }
    }

    /** Each particle is assigned to the nearest component mean; the shares match the weights within {@code tol}. */
    static void assertModeShares(GaussianMixture rho, DMatrixRMaj x, double tol) {
        double[] w = rho.weights();
        double[] share = ParallelTemperingTest.modeShares(rho, x);
        for (int c = 0; c < w.length; c++) {
            assertEquals(w[c], share[c], tol, "share of component " + c + ": " + java.util.Arrays.toString(share));
        }
    }
}
