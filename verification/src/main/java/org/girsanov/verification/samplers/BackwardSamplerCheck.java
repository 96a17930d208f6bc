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
 * Both importance identities of a (forward, backward) pair, the second of which tests that the paths the sampler
 * draws backward come from the backward process its log-weight assumes:
 * <pre>
 *   E_{P→}[ w / Z ] = 1,        E_{P←}[ Z / w ] = 1,
 * </pre>
 * since {@code w = Z dP←/dP→}. The first holds for any normalised kernels; the second fails when the backward
 * sampler draws from another kernel than the one in {@code log w} (e.g. a Brownian bridge that lost its
 * {@code t_n/t_{n+1}} factor while the telescoped log-weight still assumes the exact reversal). Forward paths are
 * on-policy; backward paths start at exact target samples. Each mean is tested at {@code k} standard errors
 * (two-sided false-alarm rate {@code erfc(k/√2)} each); for a poor sampler the ratios are heavy-tailed and the
 * sample SE underestimates the truth, so give it a sampler that is not far from its target.
 */
public final class BackwardSamplerCheck {
    private BackwardSamplerCheck() {
    }

    /** @param paths paths in each direction; @param k standard errors of the bands */
    public record Config(int paths, double k, int chunkSize, int threads, long seed) {
        public Config {
            if (paths < 2 || !(k > 0) || chunkSize < 1 || threads < 1) {
                throw new IllegalArgumentException("BackwardSamplerCheck.Config: need paths >= 2, k > 0, chunkSize >= 1, "
                        + "threads >= 1");
            }
        }

        public static Config defaults() {
            return new Config(4000, 4.0, 256, 2, 9);
        }

        public Config withSeed(long s) {
            return new Config(paths, k, chunkSize, threads, s);
        }
    }

    /** Uses the target's exact {@code log Z} and exact sampler. */
    public static Verdict check(Sampler model, Config cfg) {
        Target target = model.target();
        if (target.logZ().isEmpty() || !target.hasExactSampler()) {
            throw new IllegalArgumentException("BackwardSamplerCheck: target " + target.name()
                    + " needs an exact log Z and an exact sampler");
        }
        double logZ = target.logZ().getAsDouble();
        RandomStreams streams = new RandomStreams(cfg.seed());
        double[] fwd;
        double[] bwd;
        try (ChunkedExecutor ex = new ChunkedExecutor(cfg.threads())) {
            fwd = PathBatch.simulate(model, cfg.paths(), Behaviour.onPolicy(), null, streams, 0, 1, cfg.chunkSize(), ex)
                    .logWeights();
            DMatrixRMaj terminal = target.sample(cfg.paths(), streams.stream(0, 0, 2));
            bwd = PathBatch.simulate(model, cfg.paths(), Behaviour.backwardFrom(terminal), terminal, streams, 0, 3,
                    cfg.chunkSize(), ex).logWeights();
        }
        double[] wOverZ = new double[fwd.length];
        for (int i = 0; i < fwd.length; i++) {
            wOverZ[i] = Math.exp(fwd[i] - logZ);
        }
        double[] zOverW = new double[bwd.length];
        for (int i = 0; i < bwd.length; i++) {
            zOverW[i] = Math.exp(logZ - bwd[i]);
        }
        double mf = Statistics.mean(wOverZ);
        double sf = Statistics.standardError(wOverZ);
        double mb = Statistics.mean(zOverW);
        double sb = Statistics.standardError(zOverW);
        boolean fOk = Math.abs(mf - 1) <= cfg.k() * sf;
        boolean bOk = Math.abs(mb - 1) <= cfg.k() * sb;
        Map<String, Double> nums = new HashMap<>();
        nums.put("forward_mean_w_over_z", mf);
        nums.put("forward_se", sf);
        nums.put("backward_mean_z_over_w", mb);
        nums.put("backward_se", sb);
        nums.put("k", cfg.k());
        nums.put("paths", (double) cfg.paths());
        return new Verdict("E_P->[w/Z] = 1 and E_P<-[Z/w] = 1 (backward sampler = backward kernel), " + model.name(),
                fOk && bOk, nums, (fOk ? "" : "forward mean w/Z off by more than " + cfg.k() + " SE; ")
                        + (bOk ? "" : "backward mean Z/w off by more than " + cfg.k() + " SE; ")
                        + cfg.paths() + " paths each way");
    }
}
