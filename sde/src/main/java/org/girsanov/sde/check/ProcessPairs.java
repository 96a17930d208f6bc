package org.girsanov.sde.check;

import java.util.List;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.process.LinearGaussianProcess;
import org.girsanov.sde.process.ScaledBrownianMotion;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;

/**
 * Named (forward, backward) pairs for the {@link ConsistencyChecker} and the command line, all in
 * {@code d = 2} on {@code [0, 1]} from {@code X_0 ~ N((1.5, −1), 0.25 I)}:
 * <ul>
 *   <li>{@code ou-exact-reversal}: VP Ornstein–Uhlenbeck (β linear 0.5 → 4, σ_∞ = 1) forward, and its exact
 *       time reversal {@code μ← = μ→ − σ²∇log p_t} backward; terminal {@code p_T}. Matched: {@code P→ = P←}.</li>
 *   <li>{@code ou-mismatched}: the same forward, but the backward drift uses the score of the stationary law
 *       {@code N(0, I)} instead of {@code p_t} — a deliberately wrong score (Nelson's identity fails).</li>
 *   <li>{@code brownian}: Brownian motion {@code dX = dW} and its exact time reversal. Matched.</li>
 * </ul>
 */
public final class ProcessPairs {
    private static final double[] MEAN = {1.5, -1.0};
    private static final double VARIANCE = 0.25;
    private static final double HORIZON = 1.0;

    private ProcessPairs() {
    }

    /** The registered names as one line, a constant for help texts. */
    public static final String NAMES = "ou-exact-reversal, ou-mismatched, brownian";

    /** The registered names. */
    public static List<String> names() {
        return List.of(NAMES.split(", "));
    }

    /**
     * The pair called {@code name}.
     *
     * @throws IllegalArgumentException naming the allowed values if {@code name} is unknown
     */
    public static ProcessPair named(String name) {
        switch (name) {
            case "ou-exact-reversal":
                return exactReversal(name, ou());
            case "ou-mismatched": {
                VpOrnsteinUhlenbeck ou = ou();
                VpLinearSchedule s = (VpLinearSchedule) ou.schedule();
                // μ← = −βx − σ²·(−x/σ_∞²) = +βx: the reversal as if X_t were already stationary.
                Sde wrong = new Sde((tape, x, t) -> tape.scale(x, s.beta(t)), s);
                return new ProcessPair(name, ou.sde(), wrong, ou.initial(), ou.marginal(HORIZON), ou::logMarginal, HORIZON);
            }
            case "brownian":
                return exactReversal(name, new ScaledBrownianMotion(new ConstantSchedule(1.0), initial()));
            default:
                throw new IllegalArgumentException("ProcessPairs: unknown pair '" + name + "'; allowed values: " + names());
        }
    }

    /** The exact-reversal pair of any linear-Gaussian process on {@code [0, horizon]}. */
    public static ProcessPair exactReversal(String name, LinearGaussianProcess p, double horizon) {
        return new ProcessPair(name, p.sde(), p.reversal(), p.initial(), p.marginal(horizon), p::logMarginal, horizon);
    }

    private static ProcessPair exactReversal(String name, LinearGaussianProcess p) {
        return exactReversal(name, p, HORIZON);
    }

    private static IsotropicGaussian initial() {
        return new IsotropicGaussian(MEAN, VARIANCE);
    }

    private static VpOrnsteinUhlenbeck ou() {
        return new VpOrnsteinUhlenbeck(new VpLinearSchedule(1.0, 0.5, 4.0, HORIZON), initial());
    }
}
