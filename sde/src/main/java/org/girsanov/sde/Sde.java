package org.girsanov.sde;

import java.util.Objects;

/**
 * An Itô SDE {@code dX_t = μ(X_t, t) dt + σ(t) dW_t} with scalar diffusion (docs/math.md §2). The same record
 * describes a backward process {@code dX = μ←(X, t) dt + σ(t) d←W}; which one it is, is decided by the
 * kernel that discretises it.
 */
public record Sde(Drift drift, DiffusionSchedule schedule) {

    public Sde {
        Objects.requireNonNull(drift, "Sde: drift must not be null");
        Objects.requireNonNull(schedule, "Sde: schedule must not be null");
    }

    /** {@code σ(t)}. */
    public double sigma(double t) {
        return schedule.sigma(t);
    }
}
