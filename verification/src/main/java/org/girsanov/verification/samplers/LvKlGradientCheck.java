package org.girsanov.verification.samplers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.verification.Verdict;

/**
 * docs/math.md §4 / §7.4: on-policy, the log-variance gradient is twice the KL gradient in expectation,
 * <pre>
 *   E[∇_θ L_LV] = 2 (K−1)/K · ∇_θ KL(P→‖P←),
 * </pre>
 * where the factor {@code (K−1)/K} comes from the batch mean {@code S̄} inside {@code L_LV}. Why: with
 * {@code S = log w} and a backward process free of θ, {@code ∇_θ S = −∇_θ log p→_θ} on a fixed path has mean 0
 * under {@code P→}, so {@code ∇KL = E[(S − log Z)∇S] = Cov(S, ∇S)}, and {@code ∇L_LV = (2/K)Σ_i (S_i − S̄)∇S_i}
 * has expectation {@code 2(K−1)/K · Cov(S, ∇S)}. The identity therefore needs <b>on-policy</b> paths and a
 * backward process without parameters (PIS, DDS, DIS, …; not a Bridge with a learned {@code v}).
 *
 * <p>The check averages the LV gradient (detached, streamed) and the reparametrised KL gradient over
 * {@code B} independent batches of {@code K} paths each (LV and KL on separate random streams) and reports
 * <ul>
 *   <li>{@code cosine} between the two averaged gradients (passes if ≥ {@code minCosine});</li>
 *   <li>{@code norm_ratio = |ḡ_LV| / ((K−1)/K · |ḡ_KL|)}, expected {@code factor} (= 2); passes if
 *       {@code |norm_ratio / factor − 1| ≤ ratio_band}, where
 *       {@code ratio_band = ratioTolerance + k · sqrt(rse_LV² + rse_KL²)} widens the stated tolerance by the
 *       Monte Carlo noise of the two averages, {@code rse = sqrt(Σ_j SE_j²)/|ḡ|} (the relative standard error of
 *       the averaged gradient vector). The LV gradient is heavy-tailed when {@code Var(log w)} is large, and a
 *       fixed band would then fail on noise alone; the reported {@code ratio_band} shows how sharp the verdict is
 *       (if it is wide, raise B or K).</li>
 * </ul>
 * Defaults (B = 48, K = 256, cosine ≥ 0.95, ratio within 10 % plus 3 standard errors) follow the samplers' own test.
 * The model needs parameters with a non-zero KL gradient (not at the optimum).
 */
public final class LvKlGradientCheck {
    private LvKlGradientCheck() {
    }

    /**
     * @param batches        B, number of independent batches averaged
     * @param batchSize      K, paths per batch
     * @param chunkSize      paths per chunk (memory of the KL tape)
     * @param threads        worker threads (the result does not depend on it)
     * @param seed           root seed of the random streams
     * @param minCosine      lower band of the cosine
     * @param ratioTolerance relative band of {@code norm_ratio / factor} around 1, before the noise allowance
     * @param k              standard errors of Monte Carlo noise added to the ratio band (0 for a fixed band)
     */
    public record Config(int batches, int batchSize, int chunkSize, int threads, long seed, double minCosine,
                         double ratioTolerance, double k) {
        public Config {
            if (batches < 2 || batchSize < 2 || chunkSize < 1 || threads < 1) {
                throw new IllegalArgumentException("LvKlGradientCheck.Config: need batches >= 2, batchSize >= 2, "
                        + "chunkSize >= 1, threads >= 1; got " + batches + ", " + batchSize + ", " + chunkSize + ", " + threads);
            }
        }

        public static Config defaults() {
            return new Config(48, 256, 64, 2, 5, 0.95, 0.1, 3.0);
        }

        public Config withBatches(int b, int k) {
            return new Config(b, k, chunkSize, threads, seed, minCosine, ratioTolerance, this.k);
        }

        public Config withSeed(long s) {
            return new Config(batches, batchSize, chunkSize, threads, s, minCosine, ratioTolerance, k);
        }
    }

    /** The library's LV loss against the library's KL loss, expected factor 2. */
    public static Verdict check(Sampler model, Config cfg) {
        return check(model, new LogVarianceLoss(), new KlLoss(), 2.0, cfg);
    }

    /**
     * The user's LV and KL losses (any {@link Loss} implementations of the two formulas of docs/math.md §4) and the
     * expected factor (2 by the theorem; another value lets a test see the check fail).
     */
    public static Verdict check(Sampler model, Loss lv, Loss kl, double factor, Config cfg) {
        List<Parameter> ps = model.parameters();
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("LvKlGradientCheck: model " + model.name() + " has no parameters");
        }
        int b = cfg.batches();
        double[][] glv = new double[b][];
        double[][] gkl = new double[b][];
        try (ChunkedExecutor ex = new ChunkedExecutor(cfg.threads())) {
            for (int i = 0; i < b; i++) {
                glv[i] = GradientBook.evaluate(model, lv, ps, cfg.batchSize(), cfg.chunkSize(), cfg.seed(), i, ex,
                        Behaviour.onPolicy()).gradient();
                gkl[i] = GradientBook.evaluate(model, kl, ps, cfg.batchSize(), cfg.chunkSize(), cfg.seed() + 1, i, ex,
                        Behaviour.onPolicy()).gradient();
            }
        }
        GradientBook.zero(GradientBook.all(model, lv));
        double[] mlv = GradientBook.mean(glv);
        double[] mkl = GradientBook.mean(gkl);
        double nlv = GradientBook.norm(mlv);
        double nkl = GradientBook.norm(mkl);
        double k = cfg.batchSize();
        double cos = GradientBook.dot(mlv, mkl) / (nlv * nkl);
        double ratio = nlv / ((k - 1) / k * nkl);
        double[] diff = new double[mlv.length];
        for (int j = 0; j < diff.length; j++) {
            diff[j] = mlv[j] / (factor * (k - 1) / k) - mkl[j];
        }
        Map<String, Double> nums = new HashMap<>();
        nums.put("cosine", cos);
        nums.put("norm_ratio", ratio);
        nums.put("expected_ratio", factor);
        nums.put("relative_difference", GradientBook.norm(diff) / nkl);
        nums.put("lv_gradient_norm", nlv);
        nums.put("kl_gradient_norm", nkl);
        double rseLv = GradientBook.totalStd(glv) / Math.sqrt(b) / nlv;
        double rseKl = GradientBook.totalStd(gkl) / Math.sqrt(b) / nkl;
        double band = cfg.ratioTolerance() + cfg.k() * Math.sqrt(rseLv * rseLv + rseKl * rseKl);
        nums.put("lv_relative_standard_error", rseLv);
        nums.put("kl_relative_standard_error", rseKl);
        nums.put("ratio_band", band);
        nums.put("batches", (double) b);
        nums.put("batch_size", k);
        boolean ok = Double.isFinite(cos) && cos >= cfg.minCosine()
                && Math.abs(ratio / factor - 1) <= band && nkl > 0;
        return new Verdict("on-policy LV gradient = 2 x KL gradient (math §7.4)", ok, nums,
                "cosine >= " + cfg.minCosine() + ", |LV|/((K-1)/K |KL|) within " + cfg.ratioTolerance() * 100
                        + "% + " + cfg.k() + " SE of " + factor + "; " + b + " batches of " + (int) k + " on-policy paths");
    }
}
