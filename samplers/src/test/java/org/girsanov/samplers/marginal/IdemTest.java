package org.girsanov.samplers.marginal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.Dis;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.train.Evaluation;
import org.girsanov.samplers.train.Evaluator;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;
import org.junit.jupiter.api.Test;

/**
 * iDEM: its regression target tends to the closed-form score of the noised mixture as {@code K → ∞}; training
 * improves on the untrained start by a margin; the same seed gives the same bits for one and two threads.
 */
class IdemTest {
    /** Two modes with unequal weights, {@code log Z = 0}. */
    static final GaussianMixture TWO = GaussianMixture.isotropic("two", new double[][] {{-2.5, 0}, {2.5, 0.5}}, 0.3,
            new double[] {0.3, 0.7});

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static IdemLoss loss(int k) {
        IdemScore s = new IdemScore(new FourierMlp("r", 2, 2, 8, 1, rng(1)), new VpLinearSchedule(1.0, 0.1, 10.0, 1.0), 1.0);
        return new IdemLoss(s, new ControlVariateScore(k), 2, 64, 10, 64, 0.005, 10.0);
    }

    /**
     * The buffer's filter: of three chunks' paths with log-weights {0, −1, −30, NaN}, {−2, −11.5, −9} and {−40}, the
     * median of the seven finite ones is −9, so gap 10 keeps those ≥ −19 in order — rows 0, 1 of the first chunk and
     * all three of the second; the third, with nothing kept, is dropped; +∞ keeps every finite path.
     */
    @Test
    void bufferKeepsThePathsWithinTheGapOfTheMedian() {
        DMatrixRMaj e1 = new DMatrixRMaj(new double[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}});
        DMatrixRMaj e2 = new DMatrixRMaj(new double[][] {{5, 5}, {6, 6}, {7, 7}});
        DMatrixRMaj e3 = new DMatrixRMaj(new double[][] {{8, 8}});
        java.util.List<org.girsanov.sde.path.StreamedPaths.LogWeights> paths = java.util.List.of(
                new org.girsanov.sde.path.StreamedPaths.LogWeights(new double[] {0, -1, -30, Double.NaN}, e1),
                new org.girsanov.sde.path.StreamedPaths.LogWeights(new double[] {-2, -11.5, -9}, e2),
                new org.girsanov.sde.path.StreamedPaths.LogWeights(new double[] {-40}, e3));
        java.util.List<DMatrixRMaj> kept = IdemLoss.keptEnds(paths, 10);
        assertEquals(2, kept.size());
        assertEquals(2, kept.get(0).numRows);
        assertEquals(2.0, kept.get(0).get(1, 0), 0.0);
        assertEquals(3, kept.get(1).numRows);
        assertEquals(6.0, kept.get(1).get(1, 1), 0.0);
        java.util.List<DMatrixRMaj> all = IdemLoss.keptEnds(paths, Double.POSITIVE_INFINITY);
        assertEquals(3 + 3 + 1, all.stream().mapToInt(m -> m.numRows).sum());
    }

    /**
     * Mean over points at {@code τ} of {@code v_τ |ŝ_K − ∇log p_τ|²} (the loss's own weighting), {@code p_τ} the noised
     * mixture in closed form ({@link NoisedMixture}), the points the noised exact samples, as in the regression.
     */
    static double error(int k, double tau, long seed) {
        IdemLoss l = loss(k);
        UniformRandomProvider r = rng(seed);
        IdemLoss.NoisedPoints p = l.noise(TWO.sample(400, r), tau, r);
        DMatrixRMaj est = l.target(TWO, p, r);
        DMatrixRMaj exact = NoisedMixture.of(TWO, p.a(), p.v()).score(p.points());
        double e = 0;
        for (int i = 0; i < est.getNumElements(); i++) {
            double diff = est.data[i] - exact.data[i];
            e += p.v() * diff * diff;
        }
        return e / p.points().numRows;
    }

    @Test
    void regressionTargetTendsToTheNoisedMixtureScore() {
        StringBuilder msg = new StringBuilder("v|ŝ_K − ∇log p_τ|² by K = 4, 64, 1024:");
        for (double tau : new double[] {0.02, 0.3, 0.6, 0.95}) {
            double e4 = error(4, tau, 5);
            double e64 = error(64, tau, 5);
            double e1024 = error(1024, tau, 5);
            msg.append(String.format(Locale.ROOT, " τ=%.2f: %.2e %.2e %.2e;", tau, e4, e64, e1024));
            assertTrue(e1024 < e64 && e64 < e4, msg.toString());
            assertTrue(e1024 < 0.02 * Math.max(1, e4) && e1024 < 0.05, msg.toString());
        }
        System.out.println(msg);
    }

    /**
     * With the exact residual {@code r = ∇log p_τ + x/σ²} of a Gaussian target ({@code p_τ = N(a m, (a² s² + v) I)}),
     * the iDEM sampler is the reverse SDE of the true score: on 200 steps its weights are nearly constant and give
     * {@code log Z}. Pins the control {@code u = σ(t) r} that turns the score into DIS's drift.
     */
    @Test
    void withTheExactScoreTheSamplerIsTheReverseSde() {
        double[] m = {1.0, -0.5};
        double s2 = 0.3;
        double logZ = 0.7;
        GaussianTarget target = GaussianTarget.isotropic("g", m, s2, logZ);
        VpLinearSchedule vp = new VpLinearSchedule(1.0, 0.1, 10.0, 1.0);
        IdemScore[] holder = new IdemScore[1];
        Control exact = new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                double tau = 1.0 - time;
                double a = holder[0].meanFactor(tau);
                double var = a * a * s2 + holder[0].variance(tau);
                DMatrixRMaj shift = new DMatrixRMaj(1, m.length);
                for (int j = 0; j < m.length; j++) {
                    shift.data[j] = a * m[j] / var;
                }
                return t.add(t.scale(x, 1.0 - 1.0 / var), t.constant(shift)); // σ_∞ = 1
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
        holder[0] = new IdemScore(exact, vp, 1.0);
        IdemSampler idem = new IdemSampler(new Dis(target, TimeGrid.uniform(1.0, 200), holder[0].asControl(), 1.0, 0.1,
                10.0), holder[0]);
        double[] lw = StreamedPaths.logWeights(idem, 4000, Behaviour.onPolicy(), null, rng(9)).logWeights();
        String msg = String.format(Locale.ROOT, "exact score, 200 steps: ESS %.4f, log Z_is %.4f (true %.1f)",
                LogWeights.effectiveSampleSize(lw), LogWeights.logZImportance(lw), logZ);
        System.out.println(msg);
        assertTrue(LogWeights.effectiveSampleSize(lw) > 0.95, msg);
        assertEquals(logZ, LogWeights.logZImportance(lw), 0.02, msg);
    }

    static TrainingConfig config(int iterations, int threads) {
        return TrainingConfig.defaults("two", SamplerKind.IDEM, LossKind.DEM).toBuilder().steps(32).batch(128)
                .iterations(iterations).lr(5e-3).lrFinal(1e-3).emaDecay(0.0).seed(7).threads(threads).chunkSize(32)
                .width(32).layers(2).evalEvery(0).evalPaths(2000).checkpointEvery(0).scoreDraws(32).build();
    }

    static Evaluation evaluate(Trainer t) {
        return new Evaluator(2000, 500, false).evaluate(t);
    }

    @Test
    void trainingImprovesOnTheUntrainedStart() {
        try (Trainer t = new Trainer(config(200, 2), TWO)) {
            Evaluation before = evaluate(t);
            for (int i = 0; i < 200; i++) {
                t.step();
            }
            Evaluation after = evaluate(t);
            String msg = String.format(Locale.ROOT, "iDEM on two modes (log Z = 0), 200 iterations: ELBO %.3f -> %.3f,"
                    + " log Z_is %.3f -> %.3f, ESS %.3f -> %.3f, Δstd %.3f -> %.3f, mode coverage %.2f -> %.2f, %d target evaluations",
                    before.get("logZ_lb"), after.get("logZ_lb"), before.get("logZ_is"), after.get("logZ_is"),
                    before.get("ess"), after.get("ess"), before.get("delta_std"), after.get("delta_std"),
                    before.get("mode_coverage"), after.get("mode_coverage"), t.evaluations().total());
            System.out.println(msg);
            // measured (seed 7): ELBO −5.46 → −1.02, Δstd 0.82 → 0.16, ESS 0.032 → 0.068
            assertTrue(after.get("logZ_lb") > before.get("logZ_lb") + 2.0, msg);
            assertTrue(after.get("delta_std") < 0.5 * before.get("delta_std"), msg);
            assertTrue(after.get("ess") > before.get("ess"), msg);
        }
    }

    @Test
    void sameSeedSameBitsForOneAndTwoThreads() {
        double[] one;
        try (Trainer t = new Trainer(config(4, 1), TWO)) {
            for (int i = 0; i < 4; i++) {
                t.step();
            }
            one = values(t);
        }
        try (Trainer t = new Trainer(config(4, 2), TWO)) {
            for (int i = 0; i < 4; i++) {
                t.step();
            }
            assertArrayEquals(one, values(t));
        }
    }

    static double[] values(Trainer t) {
        return t.parameters().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.value().data, 0, p.size()))
                .toArray();
    }
}
