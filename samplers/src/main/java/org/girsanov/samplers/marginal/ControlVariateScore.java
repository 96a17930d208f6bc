package org.girsanov.samplers.marginal;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;

/**
 * The target score identity and Tweedie's formula on the same posterior draws, combined per point and coordinate
 * with the coefficient that minimises the estimate's variance: the regression target of {@link IdemLoss}. For
 * {@code X_t = a X_0 + √v ε}, with the draws {@code x_0^(k) ~ N(x/a, (v/a²) I)} and {@code w_k =
 * softmax_k(log ρ(x_0^(k)))} ({@link PosteriorDraws}), each draw gives two estimates of {@code ∇log p_t(x)},
 * <pre>
 *   S_k = ∇log ρ(x_0^(k)) / a                   (target score identity, {@link TargetScoreIdentity})
 *   T_k = (a x_0^(k) − x) / v                    (Tweedie, {@link PosteriorMeanScore}),
 * </pre>
 * so {@code S̄ − T̄} (the weighted means' difference) is a control variate of mean zero, and
 * <pre>
 *   ŝ_j = T̄_j + λ_j (S̄_j − T̄_j),     D = S − T,
 *   λ_j = min(1, (n_eff − 1)/4) · clamp(− Σ_k w_k² (T_kj − T̄_j)(D_kj − D̄_j) / Σ_k w_k² (D_kj − D̄_j)², 0, 1),
 * </pre>
 * the second factor the minimiser of the delta-method variance {@code Σ_k w_k² (T_kj − T̄_j + λ(D_kj − D̄_j))²} (the
 * classical control-variate coefficient, estimated from the same draws; {@code 0} when they carry no spread), the
 * first a shrinkage towards Tweedie's form ({@code λ = 0}) when the draws' Kish number {@code n_eff = 1/Σ_k w_k²} is
 * below 5: from a few effective draws the coefficient is itself noise, and it is there, the posterior narrow beside
 * the proposal, that the identity's {@code 1/a}-amplified scores are the worse estimate. (The threshold was chosen on
 * the Many-Well probe of BENCHMARKS.md, "iDEM's regression target"; 16 instead of 4 gives the same errors within
 * 10 % there.)
 *
 * <p>Why not a fixed blend ({@link BlendedScoreIdentity}, {@code λ = a²/(a² + v)}): the best coefficient depends on
 * the target's local width {@code w}, not only on the noise. On {@code ρ = N(m, w²)} both {@code S_k} and
 * {@code T_k} are affine in {@code x_0^(k)} and {@code λ = a²w²/(a²w² + v)} cancels the draws exactly: the estimate
 * is the closed-form score whatever the draws, which this coefficient finds from them (tested: to rounding wherever
 * {@code n_eff ≥ 5}). The fixed
 * blend assumes {@code w = 1}; on Many-Well's wells ({@code w ≈ 0.18} on mw5) it keeps {@code S}'s noise,
 * {@code √v|ŝ|} in the hundreds at {@code τ = T} where the true value is of order {@code √d}, and the iDEM regression
 * diverged. Consistent as {@code K → ∞} (any fixed {@code λ} is; estimating it adds an {@code O(1/K)} bias like the
 * self-normalisation's). Costs {@code K} log-densities and {@code K} scores per point.
 */
public final class ControlVariateScore implements NoisedScoreEstimator {
    /**
     * Effective draws beyond the first at which the estimated coefficient is trusted fully: below, {@code λ} is shrunk
     * towards Tweedie's form by {@code (n_eff − 1)/}{@value}.
     */
    static final double FULL_TRUST = 4;

    private final int draws;

    /** @param draws {@code K ≥ 1} */
    public ControlVariateScore(int draws) {
        this.draws = Checks.atLeast("ControlVariateScore", "draws", draws, 1);
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
        PosteriorDraws p = PosteriorDraws.checkedDraw("ControlVariateScore", target, x, a, v, draws, rng);
        DMatrixRMaj identity = target.score(p.points);
        int n = x.numRows;
        int d = x.numCols;
        int k = draws;
        DMatrixRMaj tweedie = new DMatrixRMaj(n * k, d);
        for (int r = 0; r < n * k; r++) {
            int i = r / k;
            for (int j = 0; j < d; j++) {
                int idx = r * d + j;
                identity.data[idx] /= a;
                tweedie.data[idx] = (a * p.points.data[idx] - x.data[i * d + j]) / v;
            }
        }
        DMatrixRMaj sBar = p.weightedMean(identity)[0];
        DMatrixRMaj tBar = p.weightedMean(tweedie)[0];
        DMatrixRMaj ess = p.effectiveSampleSize();
        DMatrixRMaj score = new DMatrixRMaj(n, d);
        DMatrixRMaj variance = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double trust = Math.min(1, (ess.data[i] - 1) / FULL_TRUST);
            for (int j = 0; j < d; j++) {
                double num = 0;
                double den = 0;
                for (int s = 0; s < k; s++) {
                    int idx = (i * k + s) * d + j;
                    double w2 = p.weights.data[i * k + s] * p.weights.data[i * k + s];
                    double dt = tweedie.data[idx] - tBar.data[i * d + j];
                    double dd = identity.data[idx] - sBar.data[i * d + j] - dt;
                    num += w2 * dt * dd;
                    den += w2 * dd * dd;
                }
                double lambda = den > 0 ? trust * Math.min(1, Math.max(0, -num / den)) : 0;
                double var = 0;
                for (int s = 0; s < k; s++) {
                    int idx = (i * k + s) * d + j;
                    double w = p.weights.data[i * k + s];
                    double dt = tweedie.data[idx] - tBar.data[i * d + j];
                    double dd = identity.data[idx] - sBar.data[i * d + j] - dt;
                    double e = dt + lambda * dd;
                    var += w * w * e * e;
                }
                score.data[i * d + j] = tBar.data[i * d + j] + lambda * (sBar.data[i * d + j] - tBar.data[i * d + j]);
                variance.data[i * d + j] = var;
            }
        }
        return new NoisedScore(score, variance, p.effectiveSampleSize());
    }

    @Override
    public String toString() {
        return "ControlVariateScore(K=" + draws + ")";
    }
}
