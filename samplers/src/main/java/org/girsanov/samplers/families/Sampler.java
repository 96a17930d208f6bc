package org.girsanov.samplers.families;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.PathPair;

/**
 * A diffusion sampler: a {@link PathPair} of the SDE module — prior, forward and backward kernels, a
 * log-weight form — for an unnormalised target {@code ρ}, with the learnable parameters of its controls.
 * A family adds only its parametrisation; the path engine ({@link org.girsanov.sde.path.StreamedPaths}),
 * the losses and the checks are the same for all.
 */
public interface Sampler extends PathPair {

    /** A short name, e.g. {@code pis}. */
    String name();

    /** The target {@code ρ}. */
    Target target();

    @Override
    default int dimension() {
        return target().dimension();
    }

    /** The same sampler on another grid (e.g. a finer one for evaluation); parameters are shared. */
    Sampler withGrid(TimeGrid grid);

    /** Every learnable parameter, in a stable order. */
    List<Parameter> parameters();

    /**
     * The learning rate of {@code p} relative to the optimiser's ({@code 1}: the same). A family whose
     * parameters must move at different speeds says so here (the bridge's inference control: {@link Bridge#INFERENCE_LR_SCALE}).
     */
    default double learningRateScale(Parameter p) {
        return 1.0;
    }

    /**
     * What the sampler was fitted to before training and is not a parameter (LRDS's reference mixture), as named
     * matrices; none by default. A checkpoint stores it and refuses a resume whose rebuilt model differs.
     */
    default Map<String, DMatrixRMaj> fitted() {
        return Map.of();
    }

    /**
     * The points of the target's space that states of the sampler stand for: the states themselves by default; a
     * phase-space sampler ({@link org.girsanov.samplers.ldvi.Ldvi}) keeps the positions of its {@code [x | v]} rows.
     */
    default DMatrixRMaj positions(DMatrixRMaj states) {
        return states;
    }

    /**
     * States of the sampler at given points of the target's space, the inverse of {@link #positions} in law: the
     * points themselves by default (no random numbers drawn); a phase-space sampler draws the momenta from {@code rng}.
     */
    default DMatrixRMaj lift(DMatrixRMaj points, UniformRandomProvider rng) {
        return points;
    }
}
