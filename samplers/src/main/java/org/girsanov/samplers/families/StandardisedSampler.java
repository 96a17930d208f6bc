package org.girsanov.samplers.families;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.StandardisedTarget;
import org.girsanov.sde.TimeGrid;

/**
 * A sampler of {@code ρ} that runs in standardised coordinates: {@code inner} is any sampler of the
 * {@link StandardisedTarget} {@code ρ̃(z) = ρ(m + L z) det L}, and its points are read as {@code x = m + L z}.
 * Its paths, log-weights and parameters are the inner sampler's — the weights are those of {@code ρ} already (the
 * Jacobian is in {@code ρ̃}) — so only {@link #positions} and {@link #lift} change. {@link #fitted()} adds
 * {@code m} and {@code L} (its diagonal {@code s} when diagonal), so a checkpoint refuses a resume whose rebuilt standardisation differs.
 */
public final class StandardisedSampler extends ForwardingSampler {
    private final StandardisedTarget coordinates;

    /** @param inner a sampler built on {@code coordinates} (its target, or for LDVI its positions' target) */
    public StandardisedSampler(Sampler inner, StandardisedTarget coordinates) {
        super(inner);
        this.coordinates = java.util.Objects.requireNonNull(coordinates, "StandardisedSampler: coordinates");
    }

    /** The standardised target the inner sampler learns. */
    public StandardisedTarget coordinates() {
        return coordinates;
    }

    @Override
    public Sampler withGrid(TimeGrid grid) {
        return new StandardisedSampler(inner.withGrid(grid), coordinates);
    }

    /** {@code x = m + L z} of the inner sampler's positions {@code z}. */
    @Override
    public DMatrixRMaj positions(DMatrixRMaj states) {
        return coordinates.toOriginal(inner.positions(states));
    }

    /** The inner sampler's states at {@code z = L⁻¹ (x − m)}. */
    @Override
    public DMatrixRMaj lift(DMatrixRMaj points, UniformRandomProvider rng) {
        return inner.lift(coordinates.toStandardised(points), rng);
    }

    @Override
    public Map<String, DMatrixRMaj> fitted() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>(inner.fitted());
        m.put("standardise.mean", new DMatrixRMaj(1, coordinates.dimension(), true, coordinates.mean()));
        if (coordinates.diagonal()) {
            m.put("standardise.scale", new DMatrixRMaj(1, coordinates.dimension(), true, coordinates.scale()));
        } else {
            m.put("standardise.factor", coordinates.factor());
        }
        return m;
    }
}
