package org.girsanov.samplers.mixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.Checks;

/**
 * The number of mixture components chosen by the Bayesian information criterion: fit {@code K = 1 … K_max} by
 * {@link ExpectationMaximisation} (each from {@code restarts} k-means++ seedings, keeping the highest likelihood) and
 * keep the fit of smallest {@code BIC = −2 log L + p log n} (Schwarz 1978), as LRDS (Noble et al. 2024) does for its
 * Gaussian-mixture reference. With a {@link #withPatience patience} {@code P} the scan stops once {@code P}
 * consecutive {@code K} past the best have a larger BIC (EM with too many components is the slow part: it runs to
 * its iteration limit), which on well-separated modes selects the same {@code K} at a fraction of the cost.
 */
public final class BicSelection {
    private final ExpectationMaximisation em;
    private final int maxComponents;
    private final int restarts;
    private final int patience;

    public BicSelection(ExpectationMaximisation em, int maxComponents, int restarts) {
        this(em, maxComponents, restarts, Integer.MAX_VALUE);
    }

    private BicSelection(ExpectationMaximisation em, int maxComponents, int restarts, int patience) {
        this.em = Objects.requireNonNull(em, "BicSelection: em must not be null");
        this.maxComponents = Checks.atLeast("BicSelection", "maxComponents", maxComponents, 1);
        this.restarts = Checks.atLeast("BicSelection", "restarts", restarts, 1);
        this.patience = Checks.atLeast("BicSelection", "patience", patience, 1);
    }

    /** The same selection, stopping the scan after {@code p} consecutive worse {@code K} past the best. */
    public BicSelection withPatience(int p) {
        return new BicSelection(em, maxComponents, restarts, p);
    }

    /** Every candidate's best fit, {@code K = 1 … min(K_max, n)} in order, up to where the patience stops the scan. */
    public List<MixtureFit> candidates(DMatrixRMaj data, UniformRandomProvider rng) {
        List<MixtureFit> out = new ArrayList<>();
        double bestBic = Double.POSITIVE_INFINITY;
        int worse = 0;
        for (int k = 1; k <= Math.min(maxComponents, data.numRows) && worse < patience; k++) {
            MixtureFit best = null;
            for (int r = 0; r < restarts; r++) {
                MixtureFit f = em.fit(data, k, rng);
                if (best == null || f.logLikelihood() > best.logLikelihood()) {
                    best = f;
                }
            }
            out.add(best);
            if (best.bic() < bestBic) {
                bestBic = best.bic();
                worse = 0;
            } else {
                worse++;
            }
        }
        return out;
    }

    /** The candidate of smallest BIC. */
    public MixtureFit select(DMatrixRMaj data, UniformRandomProvider rng) {
        MixtureFit best = null;
        for (MixtureFit f : candidates(data, rng)) {
            if (best == null || f.bic() < best.bic()) {
                best = f;
            }
        }
        return best;
    }
}
