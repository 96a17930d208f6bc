package org.girsanov.samplers.train;

/**
 * The samplers that train by a loss of their own rather than a divergence between path measures — idem by
 * {@link LossKind#DEM}, nets by {@link LossKind#NETS}, pinn by {@link LossKind#PINN} — and what the two residual
 * families (nets, pinn) need of a config: a divergence form for their residual, a fixed grid for their per-time
 * replay, a plain network.
 */
final class OwnLosses {
    private OwnLosses() {
    }

    /** The loss {@code sampler} alone trains with, or {@code null} for the path-space samplers. */
    static LossKind of(SamplerKind sampler) {
        return switch (sampler) {
            case IDEM -> LossKind.DEM;
            case NETS -> LossKind.NETS;
            case PINN -> LossKind.PINN;
            default -> null;
        };
    }

    /** What the loss of {@code sampler} is, in a message. */
    private static String how(SamplerKind sampler) {
        return switch (sampler) {
            case IDEM -> "its own regression";
            case NETS -> "its transport residual";
            default -> "its Fokker-Planck residual";
        };
    }

    /**
     * @throws IllegalArgumentException when a sampler with a loss of its own is given another, another sampler is
     *         given such a loss, or a residual family lacks what its residual and replay need
     */
    static void check(SamplerKind sampler, LossKind loss, TrainingConfig.Discretisation time,
                      TrainingConfig.Network network, DivergenceForm divergence) {
        if (loss == LossKind.NONE) {
            return;
        }
        LossKind own = of(sampler);
        if (own != null && loss != own) {
            throw new IllegalArgumentException("loss = " + loss + "; " + sampler + " trains by " + how(sampler)
                    + ": loss = " + own);
        }
        for (SamplerKind owner : SamplerKind.values()) {
            if (own == null && of(owner) == loss) {
                throw new IllegalArgumentException("loss = " + loss + "; " + loss + " is the loss of the " + owner
                        + " sampler only; " + sampler + " trains with one of "
                        + String.join(", ", CombinationRules.trainingLosses(sampler)));
            }
        }
        if (sampler == SamplerKind.NETS || sampler == SamplerKind.PINN) {
            checkResidual(sampler, time, network, divergence);
        }
    }

    private static void checkResidual(SamplerKind sampler, TrainingConfig.Discretisation time,
                                      TrainingConfig.Network network, DivergenceForm divergence) {
        if (DivergenceForm.NONE.equals(divergence)) {
            throw new IllegalArgumentException("divergence = 'none'; the " + sampler + " residual needs the divergence"
                    + " of b_θ" + (sampler == SamplerKind.PINN ? " and the Laplacian of u_φ" : "")
                    + ": exact, hutchinson or hutchinson:m (m >= 1 probes)");
        }
        if (time.grid().jittered()) {
            throw new IllegalArgumentException("grid = '" + time.grid() + "'; " + sampler + " replays states per grid"
                    + " time and needs a fixed grid: uniform, cosine or power:κ");
        }
        if (network.langevin()) {
            throw new IllegalArgumentException("langevin = true; " + sampler + "'s " + (sampler == SamplerKind.NETS
                    ? "transport drift b_θ is a plain network (the sampler carries ε∇log π_t itself)"
                    : "drift b_θ is a plain network (u_φ carries the target)") + ": langevin = false");
        }
    }
}
