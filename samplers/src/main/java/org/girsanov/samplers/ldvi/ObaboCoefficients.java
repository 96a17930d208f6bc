package org.girsanov.samplers.ldvi;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;

/**
 * The leapfrog step {@code h > 0} and the friction {@code γ > 0} of the underdamped Langevin dynamics
 * {@code dx = v dt, dv = ∇log π_t(x) dt − γ v dt + √(2γ) dW} that an O–BAB–O step discretises, fixed or learned
 * (as {@code log h}, {@code log γ}, so they stay positive; Geffner &amp; Domke learn both). Each of the two O-steps covers
 * half the step, so its damping is
 * <pre>  η = exp(−γ h / 2),   v ← η v + √(1 − η²) ξ,   ξ ~ N(0, I),</pre>
 * the exact Ornstein–Uhlenbeck flow of the momentum over {@code h/2}, which leaves {@code N(0, I)} invariant.
 * Shared by every grid of one sampler ({@link Ldvi#withGrid}).
 */
final class ObaboCoefficients {
    private final double step;
    private final double friction;
    private final Parameter logStep;
    private final Parameter logFriction;

    /**
     * @param learned whether {@code h} and {@code γ} are parameters (initialised at the given values)
     * @throws IllegalArgumentException naming the argument unless {@code h} and {@code γ} are finite and {@code > 0}
     */
    ObaboCoefficients(double step, double friction, boolean learned) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("LDVI: leapfrog step h = " + step + "; must be finite and > 0");
        }
        if (!(friction > 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("LDVI: friction γ = " + friction + "; must be finite and > 0");
        }
        this.step = step;
        this.friction = friction;
        this.logStep = learned ? scalar("ldvi.logStep", Math.log(step)) : null;
        this.logFriction = learned ? scalar("ldvi.logFriction", Math.log(friction)) : null;
    }

    private static Parameter scalar(String name, double value) {
        return new Parameter(name, new DMatrixRMaj(1, 1, true, value));
    }

    /** Whether {@code h} and {@code γ} are learned. */
    boolean learned() {
        return logStep != null;
    }

    /** {@code [log h, log γ]} when learned, else none. */
    List<Parameter> parameters() {
        return learned() ? List.of(logStep, logFriction) : List.of();
    }

    /** The current {@code h}. */
    double stepValue() {
        return learned() ? Math.exp(logStep.value().data[0]) : step;
    }

    /** The current {@code γ}. */
    double frictionValue() {
        return learned() ? Math.exp(logFriction.value().data[0]) : friction;
    }

    /** {@code h} ({@code 1 × 1}) on the tape. */
    Var step(Tape t) {
        return learned() ? t.exp(t.param(logStep)) : t.scalar(step);
    }

    /** {@code η = exp(−γ h / 2)} ({@code 1 × 1}) on the tape. */
    Var eta(Tape t) {
        if (!learned()) {
            return t.scalar(Math.exp(-0.5 * friction * step));
        }
        return t.exp(t.scale(t.exp(t.add(t.param(logStep), t.param(logFriction))), -0.5));
    }

    /** {@code √(1 − η²)}, the standard deviation of a refresh, from {@code η} on the same tape. */
    static Var refreshStd(Tape t, Var eta) {
        return t.sqrt(t.addScalar(t.neg(t.square(eta)), 1.0));
    }
}
