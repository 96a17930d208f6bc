package org.girsanov.sde.process;

import java.util.Objects;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;
import org.girsanov.sde.VpSchedule;

/**
 * The variance-preserving Ornstein–Uhlenbeck process (the DDS/DIS reference, docs/math.md §6)
 * <pre>  dX = −β(t) X dt + σ_∞ √(2β(t)) dW,   stationary law N(0, σ_∞² I).</pre>
 * With {@code B(s,t) = ∫_s^t β}: {@code a(s,t) = e^{−B(s,t)}} and {@code v(s,t) = σ_∞² (1 − e^{−2B(s,t)})}
 * (variation of constants: {@code v' = −2βv + 2βσ_∞²}).
 */
public final class VpOrnsteinUhlenbeck extends LinearGaussianProcess {
    private final VpSchedule schedule;

    public VpOrnsteinUhlenbeck(VpSchedule schedule, IsotropicGaussian initial) {
        super(initial);
        this.schedule = Objects.requireNonNull(schedule, "VpOrnsteinUhlenbeck: schedule must not be null");
    }

    /** The schedule. */
    public VpSchedule schedule() {
        return schedule;
    }

    @Override
    public double meanFactor(double s, double t) {
        return Math.exp(-schedule.betaIntegral(s, t));
    }

    @Override
    public double transitionVariance(double s, double t) {
        double sig = schedule.stationarySigma();
        return -sig * sig * Math.expm1(-2.0 * schedule.betaIntegral(s, t));
    }

    /** The drift {@code −β(t) x}. */
    public Drift drift() {
        return (tape, x, t) -> tape.scale(x, -schedule.beta(t));
    }

    @Override
    public Sde sde() {
        return new Sde(drift(), schedule);
    }

    @Override
    public String toString() {
        return "VpOrnsteinUhlenbeck(" + schedule + ", X_0 ~ " + initial() + ")";
    }
}
