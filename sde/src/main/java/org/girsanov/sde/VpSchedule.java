package org.girsanov.sde;

/**
 * A variance-preserving schedule: a mean-reversion rate {@code β(t) > 0} and a stationary scale
 * {@code σ_∞}, with diffusion {@code σ(t) = σ_∞ √(2β(t))} — the noising process of DDS
 * (Vargas, Grathwohl &amp; Doucet, ICLR 2023) and DIS (Berner, Richter &amp; Ullrich, TMLR 2024),
 * {@code dX = −β(t) X dt + σ_∞√(2β(t)) dW}, stationary law {@code N(0, σ_∞² I)}.
 *
 * <p>Closed forms rest on {@code B(s,t) = ∫_s^t β(r) dr}: {@code ∫_s^t σ² = 2σ_∞² B(s,t)}.
 */
public interface VpSchedule extends DiffusionSchedule {

    /** {@code β(t)}. */
    double beta(double t);

    /** {@code B(s,t) = ∫_s^t β(r) dr}. */
    double betaIntegral(double s, double t);

    /** The stationary standard deviation {@code σ_∞}. */
    double stationarySigma();

    @Override
    default double sigma(double t) {
        return stationarySigma() * Math.sqrt(2.0 * beta(t));
    }

    @Override
    default double sigmaSquaredIntegral(double s, double t) {
        double sig = stationarySigma();
        return 2.0 * sig * sig * betaIntegral(s, t);
    }
}
