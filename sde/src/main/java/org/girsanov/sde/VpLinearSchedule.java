package org.girsanov.sde;

/**
 * Linear {@code β(t) = β_min + (β_max − β_min) t / T} on {@code [0, T]} (Song et al., ICLR 2021, VP-SDE;
 * used by DDS and DIS), {@code σ(t) = σ_∞ √(2β(t))}, and
 * {@code B(s,t) = ∫_s^t β = β_min (t − s) + (β_max − β_min)(t² − s²) / (2T)}.
 */
public record VpLinearSchedule(double stationarySigma, double betaMin, double betaMax, double horizon)
        implements VpSchedule {

    /** @throws IllegalArgumentException unless {@code σ_∞, β_min, β_max, T} are finite and {@code > 0} */
    public VpLinearSchedule {
        Checks.positive("VpLinearSchedule", "stationarySigma", stationarySigma);
        Checks.positive("VpLinearSchedule", "betaMin", betaMin);
        Checks.positive("VpLinearSchedule", "betaMax", betaMax);
        Checks.positive("VpLinearSchedule", "horizon", horizon);
    }

    @Override
    public double beta(double t) {
        return betaMin + (betaMax - betaMin) * t / horizon;
    }

    @Override
    public double betaIntegral(double s, double t) {
        return betaMin * (t - s) + (betaMax - betaMin) * (t * t - s * s) / (2.0 * horizon);
    }
}
