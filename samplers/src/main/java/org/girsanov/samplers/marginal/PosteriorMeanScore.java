package org.girsanov.samplers.marginal;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;

/**
 * The score of the noised target from the denoising posterior mean (Tweedie's formula), the estimator of
 * Reverse Diffusion Monte Carlo (RDMC; Huang, Dong, Hao, Zhang &amp; Zhou, ICLR 2024) in its importance-sampling
 * form. Differentiating {@code log N(x; a x_0, v I)} inside the integral gives
 * {@code ∇log p_t(x) = (a E[X_0 | X_t = x] − x) / v}, estimated by
 * <pre>
 *   ŝ(x) = (a Σ_k softmax_k(log ρ(x_0^(k))) x_0^(k) − x) / v,   x_0^(k) ~ N(x/a, (v/a²) I),   k = 1..K,
 * </pre>
 * for {@code a = 1, v = ν} the formula of docs/math.md §6, {@code Σ_k softmax_k(log ρ(x_0^(k))) (x_0^(k) − x)/ν}.
 * Needs no score of {@code ρ} (K log-densities per point); its variance grows like {@code 1/(Kv)} as the noise
 * vanishes, where {@link TargetScoreIdentity} is the better choice.
 */
public final class PosteriorMeanScore implements NoisedScoreEstimator {
    private final int draws;

    /** @param draws {@code K ≥ 1} */
    public PosteriorMeanScore(int draws) {
        this.draws = Checks.atLeast("PosteriorMeanScore", "draws", draws, 1);
    }

    @Override
    public int draws() {
        return draws;
    }

    @Override
    public long evaluationsPerPoint() {
        return draws;
    }

    @Override
    public NoisedScore estimate(Target target, DMatrixRMaj x, double a, double v, UniformRandomProvider rng) {
        PosteriorDraws p = PosteriorDraws.checkedDraw("PosteriorMeanScore", target, x, a, v, draws, rng);
        int d = x.numCols;
        DMatrixRMaj g = new DMatrixRMaj(p.points.numRows, d);
        for (int r = 0; r < g.numRows; r++) {
            int i = r / draws;
            for (int j = 0; j < d; j++) {
                g.data[r * d + j] = (a * p.points.data[r * d + j] - x.data[i * d + j]) / v;
            }
        }
        DMatrixRMaj[] mv = p.weightedMean(g);
        return new NoisedScore(mv[0], mv[1], p.effectiveSampleSize());
    }

    @Override
    public String toString() {
        return "PosteriorMeanScore(K=" + draws + ")";
    }
}
