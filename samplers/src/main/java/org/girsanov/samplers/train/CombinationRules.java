package org.girsanov.samplers.train;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.girsanov.autodiff.nn.Precision;

/**
 * The rules of a {@link TrainingConfig} that tie its parts together (each part checks its own fields): which
 * samplers take a prior scale, a divergence form or exploration, and which losses each sampler trains with. One
 * place, so the error a user sees names the combination and the values allowed.
 */
final class CombinationRules {
    private CombinationRules() {
    }

    /** Throws {@link IllegalArgumentException} naming the first combination of parts that does not apply. */
    static void check(SamplerKind sampler, LossKind loss, TrainingConfig.Discretisation time, TrainingConfig.Network network,
                      TrainingConfig.Exploration exploration, DivergenceForm divergence, Underdamped underdamped) {
        Underdamped.check(sampler, underdamped, network, exploration);
        if (time.priorStd() != 0 && !sampler.annealed()) {
            throw new IllegalArgumentException("priorStd = " + time.priorStd() + " applies to the annealed samplers (cmcd,"
                    + " mcd, nets, ldvi, pinn) only; " + sampler + " needs priorStd = 0 (its prior is set by sigma)");
        }
        if (time.standardise() != Standardisation.NONE && !sampler.learned()) {
            throw new IllegalArgumentException("standardise = " + time.standardise() + " applies to the trained samplers; " + sampler
                    + " learns nothing and runs in the target's coordinates (standardise = none)");
        }
        if (!sampler.learned() && loss != LossKind.NONE || sampler.learned() && loss == LossKind.NONE) {
            throw new IllegalArgumentException("loss = " + loss + "; " + (sampler.learned() ? sampler + " is trained: give"
                    + " one of " + String.join(", ", trainingLosses(sampler)) : sampler + " learns nothing: loss = none"));
        }
        OwnLosses.check(sampler, loss, time, network, divergence);
        if (!loss.offPolicy() && exploration.kappa() != 1.0) {
            throw new IllegalArgumentException("exploration = " + exploration.kappa() + onPolicy(loss));
        }
        if (!loss.offPolicy() && exploration.replayEvery() > 0) {
            throw new IllegalArgumentException("replayEvery = " + exploration.replayEvery() + onPolicy(loss));
        }
        if (!DivergenceForm.NONE.equals(divergence) && sampler != SamplerKind.BRIDGE && sampler != SamplerKind.NETS
                && sampler != SamplerKind.PINN) {
            throw new IllegalArgumentException("divergence = '" + divergence + "' applies to the bridge, nets and pinn samplers only; "
                    + sampler + " needs divergence = none");
        }
        if (network.precision() != Precision.FLOAT64 && !FLOAT32_SAMPLERS.contains(sampler)) {
            throw new IllegalArgumentException("precision = " + network.precision() + " applies to the control networks of "
                    + FLOAT32_SAMPLERS.stream().map(SamplerKind::id).collect(Collectors.joining(", "))
                    + "; " + sampler + " needs precision = float64");
        }
        if (network.precision() != Precision.FLOAT64 && !DivergenceForm.NONE.equals(divergence)) {
            throw new IllegalArgumentException("precision = " + network.precision() + ": divergence = '" + divergence
                    + "' differentiates the network twice, which a float32 network cannot; use precision = float64");
        }
    }

    /** The samplers whose control networks ({@code SamplerFactory.control}) take {@link Precision#FLOAT32}. */
    static final Set<SamplerKind> FLOAT32_SAMPLERS = EnumSet.of(SamplerKind.PIS, SamplerKind.DDS,
            SamplerKind.DIS, SamplerKind.BRIDGE, SamplerKind.GFN, SamplerKind.CMCD, SamplerKind.MCD, SamplerKind.IDEM);

    /** The losses {@code sampler} can train with. */
    static List<String> trainingLosses(SamplerKind sampler) {
        if (!sampler.learned()) {
            return List.of(LossKind.NONE.id());
        }
        if (OwnLosses.of(sampler) != null) {
            return List.of(OwnLosses.of(sampler).id());
        }
        return Arrays.stream(LossKind.values()).filter(LossKind::pathSpace).map(LossKind::id).toList();
    }

    private static String onPolicy(LossKind loss) {
        if (!loss.pathSpace()) {
            return " applies to the off-policy path-space losses only; " + loss + (loss == LossKind.DEM
                    || loss == LossKind.NETS || loss == LossKind.PINN ? " explores by its own replay buffer" : " trains nothing");
        }
        return " needs an off-policy loss (" + Arrays.stream(LossKind.values()).filter(LossKind::offPolicy)
                .filter(LossKind::pathSpace).map(LossKind::id).collect(Collectors.joining(", ")) + "); " + loss + " is on-policy";
    }
}
