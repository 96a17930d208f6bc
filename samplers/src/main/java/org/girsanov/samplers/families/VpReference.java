package org.girsanov.samplers.families;

import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.ReversedVpSchedule;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.kernel.ExactTransition;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;

/**
 * The reference of DDS and DIS: the variance-preserving OU noising process
 * {@code dY_τ = −β(τ) Y dτ + σ√(2β(τ)) dB_τ}, linear {@code β} from {@code β_min} to {@code β_max} over
 * {@code [0, T]}, started in its stationary law {@code N(0, σ² I)} and seen in generative time
 * {@code t = T − τ} ({@link ReversedVpSchedule}). Being reversible, its exact transitions
 * {@code N(a_n x, σ²(1 − a_n²) I)}, {@code a_n = exp(−∫_{t_n}^{t_{n+1}} β(T − s) ds)}, serve in both directions.
 */
final class VpReference {
    private VpReference() {
    }

    /** The exact transitions on {@code grid} of the process in {@code d} dimensions. */
    static ExactTransition of(int d, TimeGrid grid, double sigma, double betaMin, double betaMax) {
        if (!(sigma > 0) || !(betaMin > 0) || !(betaMax >= betaMin)) {
            throw new IllegalArgumentException("VP reference: need sigma > 0, 0 < betaMin <= betaMax; got sigma="
                    + sigma + ", betaMin=" + betaMin + ", betaMax=" + betaMax);
        }
        double horizon = grid.end();
        VpOrnsteinUhlenbeck ou = new VpOrnsteinUhlenbeck(
                new ReversedVpSchedule(new VpLinearSchedule(sigma, betaMin, betaMax, horizon), horizon),
                IsotropicGaussian.centred(d, sigma));
        return new ExactTransition(ou, grid);
    }
}
