package org.girsanov.samplers.mixture;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.mcmc.ParallelTempering;
import org.girsanov.samplers.targets.Target;

/**
 * Steps 1 and 2 of LRDS (Noble, Grenioux, Gabrié &amp; Durmus 2024; docs/math.md §6, "Reference from data"): approximate
 * samples of the target by MCMC (parallel tempering with MALA moves, the library's strongest classical baseline on
 * multi-modal targets), then a Gaussian mixture fitted to them by EM with the number of components chosen by BIC.
 * The mixture is {@code π_ref} of {@link org.girsanov.samplers.families.Lrds}.
 *
 * @param fit    the selected mixture fit
 * @param chains the MCMC run it was fitted to (samples, acceptance, target evaluations)
 */
public record ReferenceFromSamples(MixtureFit fit, McmcResult chains) {

    public ReferenceFromSamples {
        Objects.requireNonNull(fit, "ReferenceFromSamples: fit must not be null");
        Objects.requireNonNull(chains, "ReferenceFromSamples: chains must not be null");
    }

    /**
     * Runs {@code mcmc} from the rows of {@code starts} and selects a mixture for its samples by {@code selection}.
     * Deterministic given the generator.
     */
    public static ReferenceFromSamples fit(Target target, ParallelTempering mcmc, DMatrixRMaj starts,
                                           BicSelection selection, UniformRandomProvider rng) {
        McmcResult chains = mcmc.run(target, starts, rng);
        return new ReferenceFromSamples(selection.select(chains.samples(), rng), chains);
    }

    /** Target evaluations spent by the MCMC. */
    public long targetEvaluations() {
        return chains.evaluations().total();
    }
}
