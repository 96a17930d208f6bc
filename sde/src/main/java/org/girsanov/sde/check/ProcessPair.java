package org.girsanov.sde.check;

import java.util.Objects;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.Sde;

/**
 * A (forward, backward) pair of SDEs to be checked (docs/math.md §2): {@code dX = μ→ dt + σ dW} from
 * {@code X_0 ~ prior}, and {@code dX = μ← dt + σ d←W} from {@code X_T ~ terminal}; optionally the
 * forward marginals {@code log p_t} (the log-flows {@code V_n} of the detailed-balance residual), or
 * {@code null} when unknown.
 */
public record ProcessPair(String name, Sde forward, Sde backward, Distribution prior, LogDensity terminal,
                          MarginalLogDensity marginals, double horizon) {

    public ProcessPair {
        Objects.requireNonNull(name, "ProcessPair: name must not be null");
        Objects.requireNonNull(forward, "ProcessPair: forward must not be null");
        Objects.requireNonNull(backward, "ProcessPair: backward must not be null");
        Objects.requireNonNull(prior, "ProcessPair: prior must not be null");
        Objects.requireNonNull(terminal, "ProcessPair: terminal must not be null");
        org.girsanov.sde.Checks.positive("ProcessPair", "horizon", horizon);
    }

    /** Whether the marginals {@code log p_t} are known. */
    public boolean hasMarginals() {
        return marginals != null;
    }
}
