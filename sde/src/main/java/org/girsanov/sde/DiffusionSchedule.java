package org.girsanov.sde;

/**
 * A scalar diffusion coefficient {@code σ(t) > 0} (docs/math.md §2), with the integral
 * {@code ∫_s^t σ(r)² dr} that closed-form marginals and transitions need.
 */
public interface DiffusionSchedule {

    /** {@code σ(t)}. */
    double sigma(double t);

    /** {@code σ(t)²}. */
    default double sigmaSquared(double t) {
        double s = sigma(t);
        return s * s;
    }

    /** {@code ∫_s^t σ(r)² dr} in closed form. */
    double sigmaSquaredIntegral(double s, double t);
}
