package org.girsanov.samplers.train;

import java.util.Arrays;
import java.util.List;

/**
 * The coordinates a sampler runs in ({@code --standardise}; docs/math.md §1, "Standardised coordinates"): the target's
 * own, or those of the pilot parallel-tempering run of {@link PilotScale} — per coordinate ({@code z = (x − m) ⊘ s}) or
 * whitened by the Cholesky factor of the pilot's covariance ({@code z = L⁻¹ (x − m)}, which also removes the
 * correlations a diagonal map leaves).
 */
public enum Standardisation {
    /** The target's coordinates. */
    NONE("none"),
    /** {@code m}, {@code s}: the pilot's per-coordinate mean and std. */
    PILOT("pilot"),
    /** {@code m}, {@code L}: the pilot's mean and the Cholesky factor of its covariance. */
    PILOT_COVARIANCE("pilot-cov");

    private final String id;

    Standardisation(String id) {
        this.id = id;
    }

    /** The name in configs and on the command line. */
    public String id() {
        return id;
    }

    /** Every {@link #id()}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Standardisation::id).toList();
    }

    /** The standardisation named {@code id}; {@link IllegalArgumentException} naming the allowed values otherwise. */
    public static Standardisation parse(String id) {
        for (Standardisation s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("standardise = '" + id + "'; must be one of " + String.join(", ", ids()));
    }

    @Override
    public String toString() {
        return id;
    }
}
