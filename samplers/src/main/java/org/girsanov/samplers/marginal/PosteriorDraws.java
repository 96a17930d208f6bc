package org.girsanov.samplers.marginal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;

/**
 * Self-normalised importance draws from the denoising posterior of {@code X_t = a X_0 + √v ε},
 * {@code X_0 ~ ρ/Z}:
 * <pre>
 *   p(x_0 | X_t = x) ∝ ρ(x_0) N(x_0; x/a, (v/a²) I),
 *   x_0^(k) = x/a + (√v/a) ξ_k,  ξ_k ~ N(0, I),   w_k = softmax_k(log ρ(x_0^(k))),   k = 1..K,
 * </pre>
 * (the Gaussian factor is the proposal, so the weights are the target's alone). Batched like the tape's data:
 * for {@code n} points ({@code n × d}), {@link #points} is {@code nK × d} with the {@code K} draws of point
 * {@code i} in rows {@code iK … iK + K − 1}, and {@link #weights} is {@code n × K}. One target evaluation per draw.
 */
final class PosteriorDraws {
    final int n;
    final int k;
    final int d;
    final DMatrixRMaj points;
    final DMatrixRMaj weights;

    private PosteriorDraws(int n, int k, int d, DMatrixRMaj points, DMatrixRMaj weights) {
        this.n = n;
        this.k = k;
        this.d = d;
        this.points = points;
        this.weights = weights;
    }

    /**
     * {@link #draw} after the checks every estimator makes: {@code x} has the target's columns, {@code a > 0},
     * {@code v > 0} (errors name {@code who}).
     */
    static PosteriorDraws checkedDraw(String who, Target target, DMatrixRMaj x, double a, double v, int k,
                                      UniformRandomProvider rng) {
        Checks.columns(who, x.numCols, target.dimension());
        Checks.positive(who, "a", a);
        Checks.positive(who, "v", v);
        return draw(target, x, a, v, k, rng);
    }

    static PosteriorDraws draw(Target target, DMatrixRMaj x, double a, double v, int k, UniformRandomProvider rng) {
        int n = x.numRows;
        int d = x.numCols;
        double scale = Math.sqrt(v) / a;
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj pts = new DMatrixRMaj(n * k, d);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < k; s++) {
                int row = (i * k + s) * d;
                for (int j = 0; j < d; j++) {
                    pts.data[row + j] = x.data[i * d + j] / a + scale * g.sample();
                }
            }
        }
        Tape tape = Tape.noGrad();
        double[] logRho = target.logDensity(tape, tape.constant(pts)).value().data;
        DMatrixRMaj w = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < k; s++) {
                max = Math.max(max, logRho[i * k + s]);
            }
            if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
                throw new IllegalStateException("noised score: every one of the " + k + " posterior draws of point " + i
                        + " has log ρ = " + max + "; raise K or lower the noise");
            }
            double z = 0;
            for (int s = 0; s < k; s++) {
                double e = Math.exp(logRho[i * k + s] - max);
                w.data[i * k + s] = e;
                z += e;
            }
            for (int s = 0; s < k; s++) {
                w.data[i * k + s] /= z;
            }
        }
        return new PosteriorDraws(n, k, d, pts, w);
    }

    /**
     * The self-normalised estimate {@code ĝ_i = Σ_k w_ik g_ik} of {@code E[g(X_0) | X_t = x_i]} for per-draw values
     * {@code g} ({@code nK × d}) and its delta-method variance {@code Σ_k w_ik² (g_ik − ĝ_i)²} per coordinate.
     *
     * @return {@code {mean, variance}}, each {@code n × d}
     */
    DMatrixRMaj[] weightedMean(DMatrixRMaj g) {
        DMatrixRMaj mean = new DMatrixRMaj(n, d);
        DMatrixRMaj var = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < k; s++) {
                double w = weights.data[i * k + s];
                for (int j = 0; j < d; j++) {
                    mean.data[i * d + j] += w * g.data[(i * k + s) * d + j];
                }
            }
            for (int s = 0; s < k; s++) {
                double w = weights.data[i * k + s];
                for (int j = 0; j < d; j++) {
                    double r = g.data[(i * k + s) * d + j] - mean.data[i * d + j];
                    var.data[i * d + j] += w * w * r * r;
                }
            }
        }
        return new DMatrixRMaj[] {mean, var};
    }

    /** Kish's effective sample size {@code 1 / Σ_k w_ik²} of each point's draws ({@code n × 1}). */
    DMatrixRMaj effectiveSampleSize() {
        DMatrixRMaj ess = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double s2 = 0;
            for (int s = 0; s < k; s++) {
                double w = weights.data[i * k + s];
                s2 += w * w;
            }
            ess.data[i] = 1 / s2;
        }
        return ess;
    }
}
