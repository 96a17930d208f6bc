package org.girsanov.verification.samplers;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.verification.Statistics;
import org.girsanov.verification.Verdict;

/**
 * docs/math.md §3 / §7.6, the evidence identities, for any {@link Sampler} whose target has an exact {@code log Z} and an
 * exact sampler:
 * <ul>
 *   <li>{@code ELBO = E_{P→}[log w] = log Z − KL(P→‖P←) ≤ log Z} — from {@code K_f} forward paths;</li>
 *   <li>{@code EUBO = E_{P←}[log w] = log Z + KL(P←‖P→) ≥ log Z} — from {@code K_b} backward paths started at exact
 *       target samples;</li>
 *   <li>{@code E_{P→}[w] = Z}, tested as {@code E[w/Z] = 1}.</li>
 * </ul>
 * Each is a Monte Carlo statement, tested at {@code k} standard errors: an inequality fails only if it is violated
 * by more than {@code k·SE} ({@code ELBO − k·SE > log Z} or {@code EUBO + k·SE < log Z}), the identity fails if
 * {@code |mean(w/Z) − 1| > k·SE}. One-sided false-alarm rate {@code ½ erfc(k/√2)} per inequality, two-sided
 * {@code erfc(k/√2)} for {@code E[w]} (reported). Caveat: for a poor sampler {@code w} is heavy-tailed and its sample
 * SE underestimates the truth (the check may then fail on {@code E[w]}; that is a finding, not a false alarm).
 * Also reported: the importance-weighted {@code log Ẑ = logsumexp(log w) − log K}, the normalised ESS, and the gaps
 * {@code log Z − ELBO}, {@code EUBO − log Z} (estimates of the two KLs).
 */
public final class EvidenceBoundsCheck {
    private EvidenceBoundsCheck() {
    }

    /**
     * @param forwardPaths  {@code K_f}
     * @param backwardPaths {@code K_b}
     * @param k             standard errors of the bands
     */
    public record Config(int forwardPaths, int backwardPaths, double k, int chunkSize, int threads, long seed) {
        public Config {
            if (forwardPaths < 2 || backwardPaths < 2 || !(k > 0) || chunkSize < 1 || threads < 1) {
                throw new IllegalArgumentException("EvidenceBoundsCheck.Config: need >= 2 paths each way, k > 0, "
                        + "chunkSize >= 1, threads >= 1");
            }
        }

        public static Config defaults() {
            return new Config(4000, 2000, 4.0, 256, 2, 8);
        }

        public Config withSeed(long s) {
            return new Config(forwardPaths, backwardPaths, k, chunkSize, threads, s);
        }
    }

    /** Uses {@code model.target()}'s exact {@code log Z} and sampler. */
    public static Verdict check(Sampler model, Config cfg) {
        Target target = model.target();
        if (target.logZ().isEmpty() || !target.hasExactSampler()) {
            throw new IllegalArgumentException("EvidenceBoundsCheck: target " + target.name()
                    + " needs an exact log Z and an exact sampler");
        }
        return check(model, target.logZ().getAsDouble(), cfg);
    }

    /** With a stated {@code log Z} (the target's own sampler gives the backward paths' start points). */
    public static Verdict check(Sampler model, double logZ, Config cfg) {
        RandomStreams streams = new RandomStreams(cfg.seed());
        double[] fwd;
        double[] bwd;
        try (ChunkedExecutor ex = new ChunkedExecutor(cfg.threads())) {
            fwd = PathBatch.simulate(model, cfg.forwardPaths(), Behaviour.onPolicy(), null, streams, 0, 1,
                    cfg.chunkSize(), ex).logWeights();
            DMatrixRMaj terminal = model.target().sample(cfg.backwardPaths(), streams.stream(0, 0, 2));
            bwd = PathBatch.simulate(model, cfg.backwardPaths(), Behaviour.backwardFrom(terminal), terminal, streams, 0,
                    3, cfg.chunkSize(), ex).logWeights();
        }
        double k = cfg.k();
        double elbo = Statistics.mean(fwd);
        double elboSe = Statistics.standardError(fwd);
        double eubo = Statistics.mean(bwd);
        double euboSe = Statistics.standardError(bwd);
        double[] w = new double[fwd.length];
        double max = Double.NEGATIVE_INFINITY;
        for (double s : fwd) {
            max = Math.max(max, s);
        }
        double sumW = 0;
        double sumW2 = 0;
        for (int i = 0; i < fwd.length; i++) {
            w[i] = Math.exp(fwd[i] - logZ);
            double r = Math.exp(fwd[i] - max);
            sumW += r;
            sumW2 += r * r;
        }
        double meanW = Statistics.mean(w);
        double wSe = Statistics.standardError(w);
        boolean elboOk = elbo - k * elboSe <= logZ;
        boolean euboOk = eubo + k * euboSe >= logZ;
        boolean wOk = Math.abs(meanW - 1) <= k * wSe;
        Map<String, Double> nums = new HashMap<>();
        nums.put("log_z", logZ);
        nums.put("elbo", elbo);
        nums.put("elbo_se", elboSe);
        nums.put("eubo", eubo);
        nums.put("eubo_se", euboSe);
        nums.put("kl_forward_estimate", logZ - elbo);
        nums.put("kl_backward_estimate", eubo - logZ);
        nums.put("mean_w_over_z", meanW);
        nums.put("mean_w_over_z_se", wSe);
        nums.put("iw_log_z", max + Math.log(sumW / fwd.length));
        nums.put("ess", sumW * sumW / (fwd.length * sumW2));
        nums.put("false_alarm_rate_bound", 0.5 * Statistics.falseAlarmRate(k));
        nums.put("false_alarm_rate_mean_w", Statistics.falseAlarmRate(k));
        StringBuilder why = new StringBuilder();
        if (!elboOk) {
            why.append("ELBO above log Z by more than ").append(k).append(" SE; ");
        }
        if (!euboOk) {
            why.append("EUBO below log Z by more than ").append(k).append(" SE; ");
        }
        if (!wOk) {
            why.append("mean w/Z not within ").append(k).append(" SE of 1; ");
        }
        return new Verdict("ELBO <= log Z <= EUBO and E[w] = Z (math §7.6)", elboOk && euboOk && wOk, nums,
                why.length() == 0 ? "all hold within " + k + " SE (" + fwd.length + " forward, " + bwd.length
                        + " backward paths)" : why.toString());
    }
}
