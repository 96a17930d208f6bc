package org.girsanov.samplers.marginal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.Checks;

/**
 * The law of a Gaussian mixture pushed through a linear-Gaussian noising step, in closed form
 * (docs/math.md §7.7): if {@code X_0 ~ ρ = Σ_k w_k N(μ_k, Σ_k)} and {@code X_t = a X_0 + √v ε},
 * {@code ε ~ N(0, I)} independent, then
 * <pre>
 *   p_t = Σ_k w_k N(a μ_k, a² Σ_k + v I),
 *   ∇log p_t(x) = Σ_k r_k(x) (a² Σ_k + v I)⁻¹ (a μ_k − x),   r_k(x) = softmax_k(log w_k + log N(x; a μ_k, a² Σ_k + v I)),
 * </pre>
 * again a Gaussian mixture, so density, score and exact samples at every time are those of
 * {@link GaussianMixture}. The two noisings of the diffusion-model literature are special cases:
 * <ul>
 *   <li>variance preserving, {@code x_t = √ᾱ x_0 + √(1 − ᾱ) ε}: {@link #variancePreserving} ({@code a = √ᾱ, v = 1 − ᾱ});</li>
 *   <li>variance exploding, {@code x_t = x_0 + √ν ε}, i.e. {@code ρ * N(0, ν I)}: {@link #varianceExploding}
 *       ({@code a = 1, v = ν}).</li>
 * </ul>
 * Immutable helper; every method returns a new mixture.
 */
public final class NoisedMixture {

    private NoisedMixture() {
    }

    /**
     * The law of {@code a X_0 + √v ε} for {@code X_0 ~ mixture}: {@code Σ_k w_k N(a μ_k, a² Σ_k + v I)}.
     *
     * @param a the mean factor, finite and {@code > 0}
     * @param v the added variance, finite and {@code ≥ 0}
     */
    public static GaussianMixture of(GaussianMixture mixture, double a, double v) {
        Checks.positive("NoisedMixture", "a", a);
        Checks.nonNegative("NoisedMixture", "v", v);
        int k = mixture.components();
        int d = mixture.dimension();
        DMatrixRMaj means = mixture.means();
        double[][] mu = new double[k][d];
        DMatrixRMaj[] cov = new DMatrixRMaj[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mu[c][j] = a * means.get(c, j);
            }
            DMatrixRMaj s = mixture.covariance(c);
            CommonOps_DDRM.scale(a * a, s);
            for (int j = 0; j < d; j++) {
                s.add(j, j, v);
            }
            cov[c] = s;
        }
        return new GaussianMixture(mixture.name() + "-noised", mu, cov, mixture.weights());
    }

    /** Variance-preserving noising {@code x_t = √ᾱ x_0 + √(1 − ᾱ) ε}, {@code ᾱ ∈ (0, 1]}. */
    public static GaussianMixture variancePreserving(GaussianMixture mixture, double alphaBar) {
        if (!(alphaBar > 0 && alphaBar <= 1)) {
            throw new IllegalArgumentException("NoisedMixture: alphaBar must lie in (0, 1]; got " + alphaBar);
        }
        return of(mixture, Math.sqrt(alphaBar), 1 - alphaBar);
    }

    /** Variance-exploding noising {@code x_t = x_0 + √ν ε}: the convolution {@code ρ * N(0, ν I)}. */
    public static GaussianMixture varianceExploding(GaussianMixture mixture, double nu) {
        return of(mixture, 1.0, nu);
    }
}
