package org.girsanov.sde;

import java.util.Objects;

/**
 * A VP schedule seen in reversed time {@code t = T − τ}: {@code β(t) = β_noise(T − t)} and
 * {@code B(s, t) = ∫_s^t β_noise(T − r) dr = B_noise(T − t, T − s)}. The generative time of the samplers
 * that reverse a noising process (DDS, DIS): an Ornstein–Uhlenbeck process started in its stationary law is
 * reversible, so in generative time it has the same transitions as the noising process run backwards.
 */
public record ReversedVpSchedule(VpSchedule noising, double horizon) implements VpSchedule {

    public ReversedVpSchedule {
        Objects.requireNonNull(noising, "ReversedVpSchedule: noising schedule must not be null");
        Checks.positive("ReversedVpSchedule", "horizon", horizon);
    }

    @Override
    public double beta(double t) {
        return noising.beta(horizon - t);
    }

    @Override
    public double betaIntegral(double s, double t) {
        return noising.betaIntegral(horizon - t, horizon - s);
    }

    @Override
    public double stationarySigma() {
        return noising.stationarySigma();
    }
}
