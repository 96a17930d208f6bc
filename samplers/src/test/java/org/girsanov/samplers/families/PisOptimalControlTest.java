package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.junit.jupiter.api.Test;

/** docs/math.md §7.5 and §7.7: the closed-form optimal PIS control for a Gaussian target, and sticking the landing. */
class PisOptimalControlTest {
    static final double[] MEAN = {1.0, -0.5};
    static final double VAR = 0.5;
    static final double LOG_Z = 1.3;
    static final GaussianTarget TARGET = TestPaths.gaussian(MEAN, VAR, LOG_Z);

    @Test
    void follmerDriftIsSigmaTimesGradientOfLogH() {
        FollmerControl f = new FollmerControl(MEAN, VAR, LOG_Z, TestPaths.SIGMA, TestPaths.HORIZON);
        double[] x = {0.3, -1.1};
        for (double t : new double[] {0.0, 1.7, 4.9}) {
            double[] u = f.optimal(x, t);
            for (int j = 0; j < 2; j++) {
                double h = 1e-5;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += h;
                xm[j] -= h;
                double fd = TestPaths.SIGMA * (f.logH(xp, t) - f.logH(xm, t)) / (2 * h);
                assertEquals(fd, u[j], 1e-7, "t = " + t + ", j = " + j);
            }
        }
        assertEquals(LOG_Z, f.logH(new double[2], 0.0), 1e-12, "h_0(0) = Z");
    }

    @Test
    void logWeightIsConstantUpToADiscretisationErrorThatShrinksWithN() {
        double previous = Double.POSITIVE_INFINITY;
        StringBuilder report = new StringBuilder();
        for (int steps : new int[] {10, 20, 40}) {
            double[] lw = TestPaths.paths(TestPaths.optimalPis(TARGET, VAR, LOG_Z, steps), 1000, null, 5).logWeights();
            double v = TestPaths.variance(lw);
            report.append(" N=").append(steps).append(": Var=").append(v).append(", mean=").append(TestPaths.mean(lw));
            assertTrue(v < 0.8 * previous, "Var(log w) must fall with N:" + report);
            assertEquals(LOG_Z, TestPaths.mean(lw), 0.05, "mean log w → log Z:" + report);
            previous = v;
        }
        // Var(log w) ≈ 0.5/N here: the O(Δt) variance of a strong-order-½ discretisation error.
        assertTrue(previous < 0.02, "Var(log w) at N = 40:" + report);
    }

    /** The gradient d loss / dθ of one batch at the optimum θ = 0. */
    static double gradient(Pis model, Loss loss, int batch, long iteration) {
        FollmerControl c = (FollmerControl) model.control();
        c.theta().zeroGrad();
        try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
            loss.evaluate(new TrainingBatch(model, batch, 64, Behaviour.onPolicy(), new RandomStreams(17), iteration, ex, 1.0));
        }
        return c.theta().grad().data[0];
    }

    /** Max |LV gradient| and the per-batch std of the KL gradient estimator at θ = 0, N steps. */
    static double[] landing(int steps) {
        Pis model = TestPaths.optimalPis(TARGET, VAR, LOG_Z, steps);
        int batches = 8;
        double[] kl = new double[batches];
        double lvMax = 0;
        for (int i = 0; i < batches; i++) {
            lvMax = Math.max(lvMax, Math.abs(gradient(model, new LogVarianceLoss(), 128, i)));
            kl[i] = gradient(model, new KlLoss(), 128, i);
        }
        return new double[] {lvMax, Math.sqrt(TestPaths.variance(kl))};
    }

    @Test
    void stickingTheLandingLvGradientVanishesWhileKlEstimatorKeepsItsVariance() {
        // In discrete time the Föllmer drift is optimal only up to O(Δt): the LV gradient is the discretisation
        // error, which must shrink with N, while the reparametrised KL estimator keeps a non-zero spread.
        double[] coarse = landing(10);
        double[] fine = landing(320);
        String msg = "N=10: LV max |g| = " + coarse[0] + ", KL std = " + coarse[1] + "; N=320: LV max |g| = " + fine[0]
                + ", KL std = " + fine[1];
        assertTrue(fine[1] > 0.1 && coarse[1] > 0.1, msg);
        // |g_LV| = O(√Δt): from N = 10 to 320 it should fall by about √32 ≈ 5.7; we ask for 2.8.
        assertTrue(fine[0] < 0.35 * coarse[0], msg);
        assertTrue(fine[0] < 0.25 * fine[1], msg);
    }

    @Test
    void importanceWeightsEstimateZAndBoundsHoldForAnUntrainedSampler() {
        // Control 0 is the reference process itself (θ = 0 of a zero control): a poor but valid sampler.
        Pis model = new Pis(TARGET, org.girsanov.sde.TimeGrid.uniform(TestPaths.HORIZON, 20),
                new org.girsanov.samplers.control.Control() {
                    @Override
                    public org.girsanov.autodiff.Var apply(org.girsanov.autodiff.Tape t, org.girsanov.autodiff.Var x, double time) {
                        return t.scale(x, 0.0);
                    }

                    @Override
                    public java.util.List<org.girsanov.autodiff.nn.Parameter> parameters() {
                        return java.util.List.of();
                    }
                }, TestPaths.SIGMA);
        int k = 20000;
        double[] fwd = TestPaths.paths(model, k, null, 8).logWeights();
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = Math.exp(fwd[i] - LOG_Z);
        }
        double meanW = TestPaths.mean(w);
        double se = Math.sqrt(TestPaths.variance(w) / k);
        assertEquals(1.0, meanW, 4 * se, "E[w]/Z = 1 within 4 standard errors (se = " + se + ")");
        double elbo = TestPaths.mean(fwd);
        double[] bwd = TestPaths.paths(model, 4000, TARGET.sample(4000, RandomSource.XO_RO_SHI_RO_128_PP.create(9L)), 10)
                .logWeights();
        double eubo = TestPaths.mean(bwd);
        String msg = "ELBO = " + elbo + ", log Z = " + LOG_Z + ", EUBO = " + eubo;
        assertTrue(elbo + 4 * Math.sqrt(TestPaths.variance(fwd) / k) < LOG_Z, msg);
        assertTrue(eubo - 4 * Math.sqrt(TestPaths.variance(bwd) / 4000) > LOG_Z, msg);
    }
}
