package org.girsanov.samplers.marginal;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;

/**
 * The target score identity with importance sampling (TSI; De Bortoli et al. 2024; the estimator of iDEM,
 * Akhound-Sadegh et al., ICML 2024). Writing {@code x_0 = (x − √v ε)/a}, differentiating under the integral
 * gives {@code ∇log p_t(x) = (1/a) E[∇log ρ(X_0) | X_t = x]}, estimated by
 * <pre>
 *   ŝ(x) = (1/a) Σ_k softmax_k(log ρ(x_0^(k))) ∇log ρ(x_0^(k)),   x_0^(k) ~ N(x/a, (v/a²) I),   k = 1..K,
 * </pre>
 * for {@code a = 1, v = ν} the formula of docs/math.md §6, {@code Σ_k softmax_k(log ρ(x_0^(k))) ∇log ρ(x_0^(k))},
 * {@code x_0^(k) ~ N(x, ν I)}. Low variance at small noise (the draws sit where the score is smooth), high at
 * large noise. Costs {@code K} log-densities and {@code K} scores per point.
 */
public final class TargetScoreIdentity implements NoisedScoreEstimator {
    private final int draws;

    /** @param draws {@code K ≥ 1} */
    public TargetScoreIdentity(int draws) {
        this.draws = Checks.atLeast("TargetScoreIdentity", "draws", draws, 1);
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
        PosteriorDraws p = PosteriorDraws.checkedDraw("TargetScoreIdentity", target, x, a, v, draws, rng);
        DMatrixRMaj g = target.score(p.points);
        for (int i = 0; i < g.getNumElements(); i++) {
            g.data[i] /= a;
        }
        DMatrixRMaj[] mv = p.weightedMean(g);
        return new NoisedScore(mv[0], mv[1], p.effectiveSampleSize());
    }

    @Override
    public String toString() {
        return "TargetScoreIdentity(K=" + draws + ")";
    }
}
