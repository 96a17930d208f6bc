package org.girsanov.samplers.marginal;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;

/**
 * The target score identity blended with Tweedie's formula on the same posterior draws, the regression target of
 * {@link IdemLoss}. For {@code X_t = a X_0 + √v ε} both
 * <pre>
 *   ∇log p_t(x) = (1/a) E[∇log ρ(X_0) | X_t = x]         (target score identity, {@link TargetScoreIdentity})
 *   ∇log p_t(x) = (a E[X_0 | X_t = x] − x) / v             (Tweedie, {@link PosteriorMeanScore})
 * </pre>
 * hold, so does every convex combination; with {@code λ = a² / (a² + v)} (the signal fraction) and the draws
 * {@code x_0^(k) ~ N(x/a, (v/a²) I)}, {@code w_k = softmax_k(log ρ(x_0^(k)))}:
 * <pre>
 *   ŝ(x) = Σ_k w_k [ λ ∇log ρ(x_0^(k)) / a + (1 − λ)(a x_0^(k) − x) / v ].
 * </pre>
 * Why: iDEM (Akhound-Sadegh et al., ICML 2024) noises by variance exploding, {@code a = 1}, where the identity alone
 * is well behaved; on the variance-preserving process of {@link org.girsanov.samplers.families.Dis} its factor
 * {@code 1/a} grows like {@code e^{B(0,τ)}} (≈ 150 at the end of the reference schedule) and so does its noise.
 * The blend is the identity where the signal dominates ({@code λ → 1} as {@code τ → 0}, where Tweedie's noise grows like
 * {@code 1/v}) and Tweedie's formula where the noise does (the interpolation discussed by De Bortoli et al. 2024,
 * "Target score matching"). Consistent as {@code K → ∞} with a {@code 1/K} bias like both parts. Costs {@code K}
 * log-densities and {@code K} scores per point.
 */
public final class BlendedScoreIdentity implements NoisedScoreEstimator {
    private final int draws;

    /** @param draws {@code K ≥ 1} */
    public BlendedScoreIdentity(int draws) {
        this.draws = Checks.atLeast("BlendedScoreIdentity", "draws", draws, 1);
    }

    /** {@code λ = a² / (a² + v)}, the weight of the target score identity. */
    public static double identityWeight(double a, double v) {
        return a * a / (a * a + v);
    }

    @Override
    public int draws() {
        return draws;
    }

    @Override
    public long evaluationsPerPoint() {
        return 2L * draws;
    }

    @Override
    public NoisedScore estimate(Target target, DMatrixRMaj x, double a, double v, UniformRandomProvider rng) {
        PosteriorDraws p = PosteriorDraws.checkedDraw("BlendedScoreIdentity", target, x, a, v, draws, rng);
        DMatrixRMaj g = target.score(p.points);
        double lambda = identityWeight(a, v);
        int d = x.numCols;
        for (int r = 0; r < g.numRows; r++) {
            int i = r / draws;
            for (int j = 0; j < d; j++) {
                int idx = r * d + j;
                g.data[idx] = lambda * g.data[idx] / a + (1 - lambda) * (a * p.points.data[idx] - x.data[i * d + j]) / v;
            }
        }
        DMatrixRMaj[] mv = p.weightedMean(g);
        return new NoisedScore(mv[0], mv[1], p.effectiveSampleSize());
    }

    @Override
    public String toString() {
        return "BlendedScoreIdentity(K=" + draws + ")";
    }
}
