package org.girsanov.samplers.marginal;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.sde.VpSchedule;

/**
 * The score network of iDEM (Akhound-Sadegh et al., ICML 2024) on the variance-preserving noising
 * {@code dX_τ = −β(τ) X dτ + σ_∞√(2β(τ)) dB} over {@code [0, T]}, seen in generative time {@code t = T − τ}:
 * <pre>
 *   s_θ(x, τ) = −x / σ_∞² + r_θ(x, T − τ),
 * </pre>
 * the stationary score plus a learned residual {@code r_θ} (any {@link Control}; the factory's is the Fourier MLP with
 * the Langevin term). The reverse SDE {@code dY = [β Y + 2σ_∞² β s_θ(Y, τ)] dt + σ_∞√(2β) dW} is then the stationary
 * OU process plus the drift {@code σ(t) u}, {@code σ(t) = σ_∞√(2β(T − t))}, with the control
 * <pre>
 *   u(x, t) = σ(t) (s_θ(x, T − t) + x / σ_∞²) = σ(t) r_θ(x, t),
 * </pre>
 * which is how {@link org.girsanov.samplers.families.Dis} takes it ({@link #asControl()}): the sampler, its paths,
 * log-weights and evaluation are those of DIS, only the training differs ({@link IdemLoss}). An untrained network
 * ({@code r_θ ≈ 0}) samples the stationary law {@code N(0, σ_∞² I)}.
 */
public final class IdemScore {
    private final Control residual;
    private final VpSchedule noising;
    private final double horizon;

    /**
     * @param residual {@code r_θ(x, t)}
     * @param noising  the VP schedule in noising time {@code τ ∈ [0, T]}
     * @param horizon  {@code T}
     */
    public IdemScore(Control residual, VpSchedule noising, double horizon) {
        this.residual = Objects.requireNonNull(residual, "IdemScore: residual must not be null");
        this.noising = Objects.requireNonNull(noising, "IdemScore: noising must not be null");
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("IdemScore: horizon = " + horizon + "; must be finite and > 0");
        }
        this.horizon = horizon;
    }

    /** The noising schedule in {@code τ}. */
    public VpSchedule noising() {
        return noising;
    }

    /** {@code T}. */
    public double horizon() {
        return horizon;
    }

    /** {@code a_τ = e^{−B(0, τ)}}, the mean factor of the noising from {@code 0} to {@code τ}. */
    public double meanFactor(double tau) {
        return Math.exp(-noising.betaIntegral(0, tau));
    }

    /** {@code v_τ = σ_∞² (1 − a_τ²)}, the variance added by the noising from {@code 0} to {@code τ}. */
    public double variance(double tau) {
        double s = noising.stationarySigma();
        return -s * s * Math.expm1(-2 * noising.betaIntegral(0, tau));
    }

    /** {@code r_θ(x, T − τ)}, on the tape: the part of {@code s_θ} that is learned. */
    public Var residual(Tape tape, Var x, double tau) {
        return residual.apply(tape, x, horizon - tau);
    }

    /** {@code s_θ(x, τ) = −x/σ_∞² + r_θ(x, T − τ)}. */
    public Var score(Tape tape, Var x, double tau) {
        double s = noising.stationarySigma();
        return tape.add(residual(tape, x, tau), tape.scale(x, -1 / (s * s)));
    }

    /** {@code s_θ(x, τ)} without a gradient. */
    public DMatrixRMaj score(DMatrixRMaj x, double tau) {
        Tape t = Tape.noGrad();
        return score(t, t.constant(x), tau).value();
    }

    /** {@code u(x, t) = σ(t) r_θ(x, t)}, the control of the DIS pair whose reverse SDE is driven by {@code s_θ}. */
    public Control asControl() {
        return new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                return t.scale(residual.apply(t, x, time), noising.sigma(Math.max(0.0, horizon - time)));
            }

            @Override
            public List<Parameter> parameters() {
                return residual.parameters();
            }
        };
    }

    /** The parameters of {@code r_θ}. */
    public List<Parameter> parameters() {
        return residual.parameters();
    }
}
