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
 * <p><b>The pinned process</b> on {@code [0, 1]}: conditioning the Gaussian pair {@code (X_t, X_1)} on {@code X_0 = x0}
 * (and then on {@code X_1 = x1}) gives {@code Q}'s bridge
 * <pre>
 *   X_t | X_0 = x0, X_1 = x1  ~  N(A_t x0 + B_t x1, s_t² I),
 *   B_t = e^{−α(1−t)} v_t / v_1,   A_t = e^{−αt} − e^{−α} B_t,   s_t² = v_t − e^{−2α(1−t)} v_t² / v_1
 * </pre>
 * ({@code A_t = 1 − t}, {@code B_t = t}, {@code s_t² = σ² t(1 − t)} at {@code α = 0}). Every process of {@code Q}'s
 * reciprocal class — a mixture of these bridges over any coupling of {@code (X_0, X_1)}, the Schrödinger bridge among
 * them — has exactly this conditional law given its end points ({@link ReciprocalCheck}).
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

    /** {@code A_t}, the weight of {@code x0} in the pinned process's mean on {@code [0, 1]} ({@code 0 ≤ t ≤ 1}). */
    public double pinnedStartWeight(double t) {
        return pinnedStartWeight(t, 1.0);
    }

    /** {@code B_t = e^{−α(1−t)} v_t / v_1}, the weight of {@code x1}. */
    public double pinnedEndWeight(double t) {
        return pinnedEndWeight(t, 1.0);
    }

    /** {@code s_t² = v_t − e^{−2α(1−t)} v_t² / v_1}, the pinned process's variance per coordinate. */
    public double pinnedVariance(double t) {
        return pinnedVariance(t, 1.0);
    }

    /**
     * The weight of {@code x_0} in the mean of {@code X_t} given {@code X_0 = x_0} and {@code X_h = x_h}
     * ({@code 0 ≤ t ≤ h}; the process is time-homogeneous, so any interval of length {@code h}):
     * {@code e^{−αt} − e^{−αh} B_{t,h} = e^{−αt} v_{h−t} / v_h} ({@code 1 − t/h} at {@code α = 0}; the second form, by
     * {@code v_h = v_{h−t} + e^{−2α(h−t)} v_t}, has no cancellation for a strongly repelling {@code α < 0}).
     */
    public double pinnedStartWeight(double t, double h) {
        return brownian() ? 1 - t / h : decay(t) * variance(h - t) / variance(h);
    }

    /** The weight of {@code x_h}: {@code B_{t,h} = e^{−α(h−t)} v_t / v_h} ({@code t/h} at {@code α = 0}). */
    public double pinnedEndWeight(double t, double h) {
        return brownian() ? t / h : decay(h - t) * variance(t) / variance(h);
    }

    /**
     * The variance per coordinate: {@code v_t − e^{−2α(h−t)} v_t² / v_h = v_t v_{h−t} / v_h} ({@code σ² t(h − t)/h} at
     * {@code α = 0}), computed in the second form (no cancellation).
     */
    public double pinnedVariance(double t, double h) {
        if (brownian()) {
            return sigma * sigma * t * (h - t) / h;
        }
        return variance(t) * variance(h - t) / variance(h);
    }

    /** Whether this is {@code dX = σ dW}. */
    public boolean brownian() {
        return alpha == 0;
    }
}
