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
record VpReference(double sigma, double betaMin, double betaMax) {

    VpReference {
        if (!(sigma > 0) || !(betaMin > 0) || !(betaMax >= betaMin) || !Double.isFinite(sigma + betaMax)) {
            throw new IllegalArgumentException("VP reference: need sigma > 0, 0 < betaMin <= betaMax, all finite; got sigma="
                    + sigma + ", betaMin=" + betaMin + ", betaMax=" + betaMax);
        }
    }

    /** The exact transitions on {@code grid} ({@code T} = its end) of the process in {@code d} dimensions. */
    ExactTransition transitions(int d, TimeGrid grid) {
        double horizon = grid.end();
        VpOrnsteinUhlenbeck ou = new VpOrnsteinUhlenbeck(
                new ReversedVpSchedule(new VpLinearSchedule(sigma, betaMin, betaMax, horizon), horizon),
                IsotropicGaussian.centred(d, sigma));
        return new ExactTransition(ou, grid);
    }
}
