package org.girsanov.samplers.marginal;

import java.util.Objects;
import org.girsanov.samplers.families.ForwardingSampler;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.TimeGrid;

/**
 * The sampler of iDEM (Akhound-Sadegh et al., ICML 2024): the time-reversed diffusion sampler
 * ({@link org.girsanov.samplers.families.Dis}, VP noising backward by exact OU transitions, prior {@code N(0, σ² I)})
 * driven by the score network {@link IdemScore}, i.e. the control {@code u = σ(t) r_θ}, named {@code idem} and carrying
 * {@code s_θ} for its loss ({@link IdemLoss}). Paths, {@code log w = log ρ(x_N) − log p_prior(x_0) + Σ_n [log p←_n − log p→_n]},
 * {@code log Z} and ESS are exactly those of the DIS pair.
 */
public final class IdemSampler extends ForwardingSampler {
    private final IdemScore score;

    /** @param dis the DIS pair whose control is {@code score.asControl()} */
    public IdemSampler(Sampler dis, IdemScore score) {
        super(dis);
        this.score = Objects.requireNonNull(score, "IdemSampler: score must not be null");
    }

    /** {@code s_θ}. */
    public IdemScore score() {
        return score;
    }

    @Override
    public String name() {
        return "idem";
    }

    @Override
    public IdemSampler withGrid(TimeGrid grid) {
        return new IdemSampler(inner.withGrid(grid), score);
    }
}
