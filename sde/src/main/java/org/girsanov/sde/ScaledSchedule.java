package org.girsanov.sde;

import java.util.Objects;

/**
 * A diffusion coefficient scaled by a constant, {@code c σ(t)}, with {@code ∫_s^t (cσ)² dr = c² ∫_s^t σ² dr}:
 * e.g. the {@code √2 σ_t} of Langevin dynamics {@code dX = σ_t² ∇log π dt + √2 σ_t dW} (CMCD, docs/math.md §6).
 */
public record ScaledSchedule(DiffusionSchedule base, double factor) implements DiffusionSchedule {

    /** @throws IllegalArgumentException unless {@code c} is finite and {@code > 0} */
    public ScaledSchedule {
        Objects.requireNonNull(base, "ScaledSchedule: base schedule must not be null");
        Checks.positive("ScaledSchedule", "factor", factor);
    }

    @Override
    public double sigma(double t) {
        return factor * base.sigma(t);
    }

    @Override
    public double sigmaSquaredIntegral(double s, double t) {
        return factor * factor * base.sigmaSquaredIntegral(s, t);
    }
}
