package org.girsanov.samplers.marginal;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.VpSchedule;

/**
 * The exact noising process of a Gaussian mixture: the variance-preserving Ornstein–Uhlenbeck process
 * <pre>  dX_τ = −β(τ) X_τ dτ + σ_∞ √(2β(τ)) dB_τ,   X_0 ~ π_ref = Σ_k w_k N(μ_k, Σ_k),</pre>
 * in noising time {@code τ}. Its transitions are those of the OU process whatever the initial law,
 * {@code X_τ | X_s = x ~ N(a(s,τ) x, v(s,τ) I)} with {@code a = e^{−B(s,τ)}}, {@code v = σ_∞²(1 − e^{−2B(s,τ)})},
 * {@code B(s,τ) = ∫_s^τ β}; its marginals are the noised mixtures ({@link NoisedMixture})
 * <pre>  p_τ = Σ_k w_k N(a(0,τ) μ_k, a(0,τ)² Σ_k + v(0,τ) I),</pre>
 * with closed-form density and score at every {@code τ}. Its time reversal
 * {@code dY = [β Y + 2σ_∞² β ∇log p_{T−t}(Y)] dt + σ_∞√(2β) dW} (Anderson 1982, docs/math.md §2) is the
 * reference process of LRDS (Noble, Grenioux, Gabrié &amp; Durmus, 2024), started at {@code p_T} and ending
 * exactly in {@code π_ref}.
 */
public final class MixtureNoisingProcess {
    private final GaussianMixture initial;
    private final VpSchedule schedule;

    public MixtureNoisingProcess(GaussianMixture initial, VpSchedule schedule) {
        this.initial = Objects.requireNonNull(initial, "MixtureNoisingProcess: initial mixture must not be null");
        this.schedule = Objects.requireNonNull(schedule, "MixtureNoisingProcess: schedule must not be null");
    }

    /** {@code π_ref}, the law at {@code τ = 0}. */
    public GaussianMixture initial() {
        return initial;
    }

    /** The noising schedule {@code β}, {@code σ_∞}. */
    public VpSchedule schedule() {
        return schedule;
    }

    /** The dimension {@code d}. */
    public int dimension() {
        return initial.dimension();
    }

    /** {@code a(s,τ) = e^{−B(s,τ)}}. */
    public double meanFactor(double s, double tau) {
        return Math.exp(-schedule.betaIntegral(s, tau));
    }

    /** {@code v(s,τ) = σ_∞²(1 − e^{−2B(s,τ)})}. */
    public double transitionVariance(double s, double tau) {
        double sig = schedule.stationarySigma();
        return -sig * sig * Math.expm1(-2.0 * schedule.betaIntegral(s, tau));
    }

    /** The marginal {@code p_τ}, a Gaussian mixture ({@code p_0 = π_ref}). */
    public GaussianMixture marginal(double tau) {
        if (tau == 0) {
            return initial;
        }
        return NoisedMixture.of(initial, meanFactor(0, tau), transitionVariance(0, tau));
    }

    /** {@code ∇log p_τ(x)} per row ({@code n × d}), in closed form. */
    public DMatrixRMaj score(DMatrixRMaj x, double tau) {
        return marginal(tau).score(x);
    }
}
