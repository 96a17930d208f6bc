package org.girsanov.sde;

/** Constant diffusion {@code σ(t) = σ}; {@code ∫_s^t σ² dr = σ²(t − s)}. */
public record ConstantSchedule(double sigma) implements DiffusionSchedule {

    /** @throws IllegalArgumentException unless {@code σ} is finite and {@code > 0} */
    public ConstantSchedule {
        Checks.positive("ConstantSchedule", "sigma", sigma);
    }

    @Override
    public double sigma(double t) {
        return sigma;
    }

    @Override
    public double sigmaSquaredIntegral(double s, double t) {
        return sigma * sigma * (t - s);
    }
}
