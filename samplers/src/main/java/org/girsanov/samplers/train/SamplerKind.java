package org.girsanov.samplers.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The sampler families a {@link TrainingConfig} can train; {@link #id()} is the name configs and the CLI use. */
public enum SamplerKind {
    /** The Path Integral Sampler ({@link org.girsanov.samplers.families.Pis}; Zhang &amp; Chen, ICLR 2022). */
    PIS,
    /** The Denoising Diffusion Sampler ({@link org.girsanov.samplers.families.Dds}; Vargas et al., ICLR 2023). */
    DDS,
    /** The time-reversed Diffusion Sampler ({@link org.girsanov.samplers.families.Dis}; Berner et al., TMLR 2024). */
    DIS,
    /** The diffusion bridge, both directions learned ({@link org.girsanov.samplers.families.Bridge}; Richter &amp; Berner, ICLR 2024). */
    BRIDGE,
    /** The discrete-time GFlowNet sampler with learned variances ({@link org.girsanov.samplers.families.Gfn}; Sendera et al., NeurIPS 2024). */
    GFN,
    /** Controlled Monte Carlo diffusions along an annealing path ({@link org.girsanov.samplers.families.Cmcd}; Vargas et al., ICLR 2024). */
    CMCD,
    /** Monte Carlo diffusions: annealed Langevin forward, learned backward kernels ({@link org.girsanov.samplers.families.Mcd}; Doucet et al., NeurIPS 2022). */
    MCD,
    /**
     * The learned-reference diffusion sampler ({@link org.girsanov.samplers.families.Lrds}; Noble et al. 2024): a
     * Gaussian mixture fitted to MCMC samples, built from the run's seed ({@link LrdsReference}), noised exactly, and
     * a control trained with LV.
     */
    LRDS,
    /**
     * Reverse diffusion Monte Carlo ({@link org.girsanov.samplers.marginal.ReverseDiffusionMonteCarlo}; Huang et al.,
     * ICLR 2024): nothing learned; the reverse SDE is driven by a Monte Carlo score. Its loss is {@link LossKind#NONE}.
     */
    RDMC,
    /**
     * Iterated denoising energy matching ({@link org.girsanov.samplers.marginal.IdemLoss}; Akhound-Sadegh et al.,
     * ICML 2024): a score network regressed on the target score identity at noised replay-buffer points; its loss is
     * {@link LossKind#DEM}.
     */
    IDEM,
    /**
     * The nonequilibrium transport sampler ({@link org.girsanov.samplers.nets.Nets}; Albergo &amp; Vanden-Eijnden,
     * ICML 2025): the CMCD pair with {@code σ² = ε} driven by a transport drift {@code b_θ} trained by the PINN
     * residual of the continuity equation; its loss is {@link LossKind#NETS}.
     */
    NETS,
    /**
     * Langevin diffusion variational inference ({@link org.girsanov.samplers.ldvi.Ldvi}; Geffner &amp; Domke, NeurIPS
     * 2021 / AISTATS 2023): uncorrected O–BAB–O steps on the phase space along the annealing path, a learned momentum
     * correction in the backward refreshes; its default loss is {@link LossKind#KL}, the paper's ELBO.
     */
    LDVI,
    /**
     * The PINN sampler ({@link org.girsanov.samplers.pinn.Pinn}; Sun et al. 2024, arXiv:2407.07873): an SDE
     * {@code dX = b_θ dt + σ dW} and its log-density {@code u_φ ≈ log p_t} trained together by the residual of the
     * log-space Fokker–Planck equation; its loss is {@link LossKind#PINN}.
     */
    PINN;

    /** The name of the kind: {@code pis}, {@code dds}, {@code dis}, {@code bridge}, {@code gfn}, {@code cmcd}, {@code mcd},
     *  {@code lrds}, {@code rdmc}, {@code idem}, {@code nets}, {@code ldvi} or {@code pinn}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the kind runs along the annealing path {@code π_t ∝ N(0, s² I)^{1−β_t} ρ^{β_t}} from the prior
     * {@code N(0, s² I)} ({@link #CMCD}, {@link #MCD}, {@link #NETS}, {@link #LDVI}, {@link #PINN}), so that {@code s}
     * is a setting of the kind.
     */
    public boolean annealed() {
        return this == CMCD || this == MCD || this == NETS || this == LDVI || this == PINN;
    }

    /** Whether the kind has parameters to train (every kind but {@link #RDMC}). */
    public boolean learned() {
        return this != RDMC;
    }

    /**
     * The loss a kind trains with when none is named: {@link LossKind#NONE} for {@link #RDMC}, {@link LossKind#DEM}
     * for {@link #IDEM}, {@link LossKind#NETS} for {@link #NETS}, {@link LossKind#KL} for {@link #LDVI},
     * {@link LossKind#PINN} for {@link #PINN}, else {@link LossKind#LV}.
     */
    public LossKind defaultLoss() {
        return switch (this) {
            case RDMC -> LossKind.NONE;
            case IDEM -> LossKind.DEM;
            case NETS -> LossKind.NETS;
            case LDVI -> LossKind.KL;
            case PINN -> LossKind.PINN;
            default -> LossKind.LV;
        };
    }

    /** {@link #id()}, so that the kind reads the same in a message, a file name or a table. */
    @Override
    public String toString() {
        return id();
    }

    /** Every {@link #id()}, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SamplerKind::id).toList();
    }

    /**
     * The kind named {@code id} (exactly, lower case).
     *
     * @throws IllegalArgumentException naming the allowed values otherwise
     */
    public static SamplerKind parse(String id) {
        for (SamplerKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("sampler = '" + id + "'; allowed: " + String.join(", ", ids()));
    }
}
