package org.girsanov.sde;

/**
 * Cosine schedule (Nichol &amp; Dhariwal, ICML 2021), in continuous time: the phase
 * {@code θ(t) = θ_0 + (θ_1 − θ_0) t / T} with {@code θ_0 = (s/(1+s))·π/2} and a final phase
 * {@code θ_1 < π/2}, and the signal factor {@code exp(−B(0,t)) = cos θ(t) / cos θ_0}. Hence
 * {@code β(t) = θ'(t) tan θ(t)} with {@code θ' = (θ_1 − θ_0)/T}, and
 * {@code B(s,t) = log(cos θ(s) / cos θ(t))}; {@code σ(t) = σ_∞ √(2β(t))}.
 *
 * <p>Nichol &amp; Dhariwal clip the discrete β at 0.999; here the end phase {@code θ_1} plays that role, so
 * β stays finite and the closed forms stay exact.
 */
public record VpCosineSchedule(double stationarySigma, double offset, double endPhase, double horizon)
        implements VpSchedule {

    /**
     * @param offset    {@code s > 0} (0.008 in the paper)
     * @param endPhase  {@code θ_1}, in {@code (θ_0, π/2)}
     */
    public VpCosineSchedule {
        Checks.positive("VpCosineSchedule", "stationarySigma", stationarySigma);
        Checks.positive("VpCosineSchedule", "offset", offset);
        Checks.positive("VpCosineSchedule", "horizon", horizon);
        double theta0 = offset / (1 + offset) * Math.PI / 2;
        if (!(endPhase > theta0 && endPhase < Math.PI / 2)) {
            throw new IllegalArgumentException("VpCosineSchedule: endPhase = " + endPhase + "; must be in ("
                    + theta0 + ", " + Math.PI / 2 + ")");
        }
    }

    /** The schedule with {@code s = 0.008} and {@code θ_1 = 0.98·π/2}. */
    public static VpCosineSchedule standard(double stationarySigma, double horizon) {
        return new VpCosineSchedule(stationarySigma, 0.008, 0.98 * Math.PI / 2, horizon);
    }

    private double theta0() {
        return offset / (1 + offset) * Math.PI / 2;
    }

    private double theta(double t) {
        return theta0() + (endPhase - theta0()) * t / horizon;
    }

    @Override
    public double beta(double t) {
        return (endPhase - theta0()) / horizon * Math.tan(theta(t));
    }

    @Override
    public double betaIntegral(double s, double t) {
        return Math.log(Math.cos(theta(s)) / Math.cos(theta(t)));
    }
}
