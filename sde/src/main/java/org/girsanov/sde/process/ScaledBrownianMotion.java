package org.girsanov.sde.process;

import java.util.Objects;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;

/**
 * Scaled Brownian motion {@code dX = σ(t) dW} from a point or a Gaussian (the PIS reference, docs/math.md §6):
 * {@code a(s,t) = 1}, {@code v(s,t) = ∫_s^t σ(r)² dr}; for constant σ from {@code δ_0}, {@code X_T ~ N(0, σ²T I)}.
 */
public final class ScaledBrownianMotion extends LinearGaussianProcess {
    private final DiffusionSchedule schedule;

    public ScaledBrownianMotion(DiffusionSchedule schedule, IsotropicGaussian initial) {
        super(initial);
        this.schedule = Objects.requireNonNull(schedule, "ScaledBrownianMotion: schedule must not be null");
    }

    @Override
    public double meanFactor(double s, double t) {
        return 1.0;
    }

    @Override
    public double transitionVariance(double s, double t) {
        return schedule.sigmaSquaredIntegral(s, t);
    }

    @Override
    public Sde sde() {
        return new Sde(Drift.zero(), schedule);
    }

    @Override
    public String toString() {
        return "ScaledBrownianMotion(" + schedule + ", X_0 ~ " + initial() + ")";
    }
}
