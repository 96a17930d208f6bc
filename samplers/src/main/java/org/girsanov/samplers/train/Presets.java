package org.girsanov.samplers.train;

/**
 * Named training protocols. A preset may depend on the sampler, the loss and the target's dimension — never on
 * the target's name or its known {@code log Z}: users run it on targets nobody has seen.
 */
public final class Presets {
    /**
     * Initial noise scale of the behaviour process for the off-policy losses (decaying to 1 over the first half of
     * training; Sendera et al. NeurIPS 2024). The published LV rows did not explore; with 40× fewer gradient steps
     * on a CPU, exploration is what lets LV find every mode early.
     */
    public static final double EXPLORATION = 2.0;

    /**
     * Learning rate of a learned {@code log Z} (TB, DB, sub-TB) relative to the networks': 50, i.e. 0.25 decaying to
     * 5·10⁻³. GFlowNet practice uses 10–100× (Malkin et al. 2022; Sendera et al. 2024: 0.1 against 10⁻³). Adam moves
     * a scalar by at most about its learning rate per step, so over 1 500 iterations {@code log Z_θ} can travel
     * Σ_t lr_t ≈ 1.9 at the networks' rate — less than the true {@code log Z} of Many-Well d = 50 (42.8) — and ≈ 94
     * at 50×.
     */
    public static final double LOG_Z_LR_SCALE = 50.0;

    /** Time steps of the CPU protocol: the reference's 200. */
    public static final int STEPS = 200;
    /** Gradient steps of the CPU protocol. */
    public static final int ITERATIONS = 4000;
    /** Gradient steps of the CPU protocol for the bridge (two networks per step: twice the cost of one). */
    public static final int BRIDGE_ITERATIONS = 2000;

    private Presets() {
    }

    /**
     * The CPU protocol, the default of {@code girsanov train} and of the quality suite: the reference protocol of
     * Richter &amp; Berner (ICLR 2024) scaled to a 2-core CPU. The network (Fourier MLP width 64, two layers, Langevin
     * term), σ, T, the {@value #STEPS} Euler steps, the learning-rate decay 5e-3 → 1e-4, clipping, EMA and the loss
     * scaling are theirs; the batch (256, or 128 from {@code d = 50}) and the iterations ({@value #ITERATIONS}; the
     * bridge, which trains two networks per step, {@value #BRIDGE_ITERATIONS}) are smaller than their 2 048 × 60 000,
     * so a row trains within 30 minutes; the off-policy losses explore ({@link #EXPLORATION}) and TB/DB/sub-TB learn
     * {@code log Z} faster ({@link #LOG_Z_LR_SCALE}).
     *
     * <p>Why 200 steps (BENCHMARKS.md, "What buys quality"): the forward kernels of PIS have the fixed variance
     * {@code σ²Δt}, while the optimal kernel near a mode of curvature {@code c} has the smaller
     * {@code ≈ σ²Δt / (1 + σ²Δt c)}; no control can close that, and the per-step floor
     * {@code (d/2)(r − 1 − ln r)}, {@code r = 1 + σ²Δt c}, summed over the steps, falls like {@code 1/N}. On gmm9
     * PIS-LV, 4× the iterations at 50 steps changed nothing while 200 steps and 4 000 iterations gave
     * {@code Δlog Z} lb 0.057 (published 0.046), ESS 0.89 (0.91).
     *
     * @param dimension the target's dimension {@code d}
     */
    public static TrainingConfig cpu(String targetSpec, int dimension, SamplerKind sampler, LossKind loss) {
        if (dimension < 1) {
            throw new IllegalArgumentException("Presets.cpu: dimension = " + dimension + "; must be >= 1");
        }
        TrainingConfig c = TrainingConfig.defaults(targetSpec, sampler, loss)
                .withBatch(dimension >= 50 ? 128 : 256).withSteps(STEPS)
                .withIterations(sampler == SamplerKind.BRIDGE ? BRIDGE_ITERATIONS : ITERATIONS);
        if (loss.learnsLogZ()) {
            c = c.toBuilder().logZLrScale(LOG_Z_LR_SCALE).build();
        }
        return loss.offPolicy() ? c.toBuilder().exploration(EXPLORATION).build() : c;
    }

    /** The demo: PIS with the LV loss on {@code gmm9}, fewer paths and iterations than {@link #cpu}, a few minutes on 2 cores. */
    public static TrainingConfig demo() {
        return TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).withBatch(256).withSteps(50).withIterations(800)
                .toBuilder().exploration(EXPLORATION).build();
    }
}
