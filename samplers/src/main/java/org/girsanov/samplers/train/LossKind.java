package org.girsanov.samplers.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The training losses a {@link TrainingConfig} can use; {@link #id()} is the name configs and the CLI use. */
public enum LossKind {
    /** The reverse KL divergence, on-policy (gradients through the simulated paths). */
    KL,
    /** The log-variance divergence. */
    LV,
    /** Trajectory balance, with a learned {@code log Z}. */
    TB,
    /** Detailed balance, with learned log-flows and {@code log Z}. */
    DB,
    /** Sub-trajectory balance, with learned log-flows and {@code log Z}. */
    SUBTB,
    /**
     * Denoising energy matching: the regression of iDEM's score network on the target score identity at noised
     * replay-buffer points ({@link org.girsanov.samplers.marginal.IdemLoss}); {@link SamplerKind#IDEM} only.
     */
    DEM,
    /**
     * The NETS residual: the mean squared PINN residual of the continuity equation along the annealing path at
     * replayed trajectory states ({@link org.girsanov.samplers.nets.NetsLoss}); {@link SamplerKind#NETS} only.
     */
    NETS,
    /**
     * The PINN residual: the mean squared residual of the log-space Fokker–Planck equation of a learned drift and
     * log-density at replayed trajectory states ({@link org.girsanov.samplers.pinn.PinnLoss}); {@link SamplerKind#PINN}
     * only.
     */
    PINN,
    /** Nothing is trained: the sampler has no parameters ({@link SamplerKind#RDMC} only). */
    NONE;

    /** The name of the loss: {@code kl}, {@code lv}, {@code tb}, {@code db}, {@code subtb}, {@code dem}, {@code nets}, {@code pinn} or {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #id()}, so that the loss reads the same in a message, a file name or a table. */
    @Override
    public String toString() {
        return id();
    }

    /**
     * Whether the loss may be evaluated on paths of another process than the one trained (exploration, replay):
     * the path-space losses but KL, whose gradient goes through the simulated paths themselves. {@link #DEM}
     * regresses at replay-buffer points and explores by its own buffer, as do {@link #NETS} and {@link #PINN}; {@link #NONE} trains
     * nothing.
     */
    public boolean offPolicy() {
        return pathSpace() && this != KL;
    }

    /** Whether the loss is a divergence between path measures of docs/math.md §4 (KL, LV, TB, DB, sub-TB). */
    public boolean pathSpace() {
        return this != DEM && this != NETS && this != PINN && this != NONE;
    }

    /** Whether the loss has a learned scalar {@code log Z_θ} (TB, DB, sub-TB). */
    public boolean learnsLogZ() {
        return this == TB || this == DB || this == SUBTB;
    }

    /** Every {@link #id()}, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(LossKind::id).toList();
    }

    /**
     * The loss named {@code id} (exactly, lower case).
     *
     * @throws IllegalArgumentException naming the allowed values otherwise
     */
    public static LossKind parse(String id) {
        for (LossKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("loss = '" + id + "'; allowed: " + String.join(", ", ids()));
    }
}
