package org.girsanov.samplers.schrodinger;

/**
 * The reference process of a Schrödinger bridge, {@code dX = −α X dt + σ dW} (Ornstein–Uhlenbeck; {@code α = 0}:
 * {@code dX = σ dW}), by its exact Gaussian transition
 * <pre>
 *   X_{t+τ} | X_t = x  ~  N(e^{−ατ} x, v_τ I),     v_τ = σ² (1 − e^{−2ατ}) / (2α)   (σ²τ at α = 0).
 * </pre>
 * (the Ornstein–Uhlenbeck transition density, e.g. Øksendal, "Stochastic differential equations", §5.1; docs/math.md
 * §9). {@link GaussianBridge} builds its closed form on it and {@link SchrodingerIpf} its first forward process.
 *
 * @param sigma {@code σ > 0}, finite
 * @param alpha {@code α}, finite (negative: a repelling reference, still Gaussian)
 */
public record OuReference(double sigma, double alpha) {
    public OuReference {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("OuReference: sigma = " + sigma + "; need a finite sigma > 0");
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("OuReference: alpha = " + alpha + "; need a finite rate (0: dX = sigma dW)");
        }
    }

    /** {@code e^{−ατ}}, the factor of the mean over a time {@code τ}. */
    public double decay(double tau) {
        return Math.exp(-alpha * tau);
    }

    /** {@code v_τ}, the variance per coordinate over a time {@code τ}. */
    public double variance(double tau) {
        return alpha == 0 ? sigma * sigma * tau : sigma * sigma * -Math.expm1(-2 * alpha * tau) / (2 * alpha);
    }

    /** Whether this is {@code dX = σ dW}. */
    public boolean brownian() {
        return alpha == 0;
    }
}
