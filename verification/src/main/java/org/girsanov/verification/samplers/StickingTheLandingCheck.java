package org.girsanov.verification.samplers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.FollmerControl;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.verification.Verdict;

/**
 * docs/math.md §4 / §7.5, "sticking the landing": at the optimal control {@code log w} is a.s. constant ({@code = log Z}),
 * so the LV loss and its gradient {@code (2/K)Σ_i (S_i − S̄)∇S_i} vanish path by path, whereas the
 * reparametrised KL estimator {@code −(1/K)Σ_i ∇ log w(x^(i))} has zero mean but a non-zero spread
 * ({@code ∇_θ log w} along a reparametrised path is not 0 even at the optimum).
 *
 * <p>Give it a {@link Sampler} whose control is (near-)optimal, e.g. {@link FollmerControl#optimalPis} for a
 * Gaussian target. On {@code B} batches of {@code K} on-policy paths it reports
 * <ul>
 *   <li>{@code var_log_w}: the mean over batches of the batch variance of {@code log w} (the LV loss);</li>
 *   <li>{@code lv_gradient_rms}, {@code lv_gradient_max}: the root-mean-square and largest per-batch LV gradient norm;</li>
 *   <li>{@code kl_gradient_std}: the spread of the per-batch KL gradient, {@code sqrt(Σ_j Var_b[g_KL,b[j]])};</li>
 *   <li>{@code lv_to_kl_std = lv_gradient_rms / kl_gradient_std}.</li>
 * </ul>
 * <b>Criterion.</b> Passes iff {@code var_log_w ≤ maxVarLogW} and {@code lv_to_kl_std ≤ maxLvToKlStd} (and the KL
 * spread is positive, i.e. the model has parameters that matter). Scaling argument for the second band: per batch
 * {@code |g_LV| ≈ 2 sd(log w) · sd(∇S)/√K} and {@code sd(g_KL) ≈ sd(∇S)/√K}, so {@code lv_to_kl_std ≈ 2 sd(log w)},
 * independent of K; the default 0.25 asks {@code sd(log w) ≲ 0.125}. In discrete time the optimal continuous-time
 * control leaves {@code Var(log w) = O(Δt)} (strong order ½), so choose enough steps: for
 * {@link FollmerControl} on PIS ({@code σ² = 0.2}, {@code T = 5}) {@code Var(log w)} is about {@code 0.5/N} for a
 * unit-scale target. Defaults: B = 8, K = 128, {@code maxVarLogW = 0.02}, {@code maxLvToKlStd = 0.25}.
 */
public final class StickingTheLandingCheck {
    private StickingTheLandingCheck() {
    }

    public record Config(int batches, int batchSize, int chunkSize, int threads, long seed, double maxVarLogW,
                         double maxLvToKlStd) {
        public Config {
            if (batches < 2 || batchSize < 2 || chunkSize < 1 || threads < 1) {
                throw new IllegalArgumentException("StickingTheLandingCheck.Config: need batches >= 2, batchSize >= 2, "
                        + "chunkSize >= 1, threads >= 1");
            }
        }

        public static Config defaults() {
            return new Config(8, 128, 64, 2, 17, 0.02, 0.25);
        }

        public Config withSeed(long s) {
            return new Config(batches, batchSize, chunkSize, threads, s, maxVarLogW, maxLvToKlStd);
        }
    }

    public static Verdict check(Sampler model, Config cfg) {
        List<Parameter> ps = model.parameters();
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("StickingTheLandingCheck: model " + model.name() + " has no parameters");
        }
        int b = cfg.batches();
        double[][] gkl = new double[b][];
        double varLogW = 0;
        double lvSq = 0;
        double lvMax = 0;
        double meanLogW = 0;
        LogVarianceLoss lv = new LogVarianceLoss();
        KlLoss kl = new KlLoss();
        try (ChunkedExecutor ex = new ChunkedExecutor(cfg.threads())) {
            for (int i = 0; i < b; i++) {
                GradientBook.Evaluation e = GradientBook.evaluate(model, lv, ps, cfg.batchSize(), cfg.chunkSize(),
                        cfg.seed(), i, ex, Behaviour.onPolicy());
                double n = GradientBook.norm(e.gradient());
                lvSq += n * n / b;
                lvMax = Math.max(lvMax, n);
                varLogW += e.value().loss() / b;
                for (double s : e.value().logWeights()) {
                    meanLogW += s / b / e.value().logWeights().length;
                }
                gkl[i] = GradientBook.evaluate(model, kl, ps, cfg.batchSize(), cfg.chunkSize(), cfg.seed() + 1, i, ex,
                        Behaviour.onPolicy()).gradient();
            }
        }
        GradientBook.zero(ps);
        double klStd = GradientBook.totalStd(gkl);
        double lvRms = Math.sqrt(lvSq);
        double ratio = lvRms / klStd;
        Map<String, Double> nums = new HashMap<>();
        nums.put("var_log_w", varLogW);
        nums.put("mean_log_w", meanLogW);
        nums.put("lv_gradient_rms", lvRms);
        nums.put("lv_gradient_max", lvMax);
        nums.put("kl_gradient_std", klStd);
        nums.put("kl_gradient_mean_norm", GradientBook.norm(GradientBook.mean(gkl)));
        nums.put("lv_to_kl_std", ratio);
        nums.put("max_var_log_w", cfg.maxVarLogW());
        nums.put("max_lv_to_kl_std", cfg.maxLvToKlStd());
        boolean ok = klStd > 0 && varLogW <= cfg.maxVarLogW() && ratio <= cfg.maxLvToKlStd();
        return new Verdict("sticking the landing (math §7.5)", ok, nums,
                "Var(log w) <= " + cfg.maxVarLogW() + " and rms |grad LV| <= " + cfg.maxLvToKlStd()
                        + " x std of the KL gradient estimator; " + b + " batches of " + cfg.batchSize());
    }
}
