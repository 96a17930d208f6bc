package org.girsanov.samplers.train;

import org.girsanov.samplers.ldvi.Ldvi;

/**
 * The underdamped dynamics of the {@link SamplerKind#LDVI} sampler ({@link Ldvi}): the leapfrog step {@code h}, the
 * friction {@code γ} (each O-step refreshes the momentum with {@code η = exp(−γh/2)}) and whether both are learned
 * (as {@code log h}, {@code log γ}, from these values; Geffner &amp; Domke learn them). Every other sampler has the
 * {@link #DEFAULT}.
 *
 * @param step     {@code h}, finite and {@code > 0}
 * @param friction {@code γ}, finite and {@code > 0}
 * @param learn    whether {@code h} and {@code γ} are trained with the network
 */
public record Underdamped(double step, double friction, boolean learn) {
    /** {@code h = 0.1}, {@code γ = 1}, fixed. */
    public static final Underdamped DEFAULT = new Underdamped(Ldvi.DEFAULT_STEP, Ldvi.DEFAULT_FRICTION, false);

    public Underdamped {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step = " + step + "; the leapfrog step h must be finite and > 0");
        }
        if (!(friction > 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("friction = " + friction + "; the friction γ must be finite and > 0");
        }
    }

    /**
     * What the ldvi sampler needs of a config, and that no other sampler sets these fields.
     *
     * @throws IllegalArgumentException naming the field and its allowed values otherwise
     */
    static void check(SamplerKind sampler, Underdamped u, TrainingConfig.Network network,
                      TrainingConfig.Exploration exploration) {
        if (sampler != SamplerKind.LDVI) {
            if (!DEFAULT.equals(u)) {
                throw new IllegalArgumentException("step = " + u.step() + ", friction = " + u.friction() + ", learnStep = "
                        + u.learn() + ": the underdamped dynamics apply to the ldvi sampler only; " + sampler
                        + " needs the defaults (" + DEFAULT.step() + ", " + DEFAULT.friction() + ", false)");
            }
            return;
        }
        if (network.langevin()) {
            throw new IllegalArgumentException("langevin = true; ldvi's momentum correction s_θ(x, v, t) is a plain"
                    + " network (the leapfrogs carry ∇log π_t themselves): langevin = false");
        }
        if (exploration.replayEvery() > 0) {
            throw new IllegalArgumentException("replayEvery = " + exploration.replayEvery() + "; ldvi's states carry"
                    + " momenta that a replay buffer of positions does not hold: replayEvery = 0");
        }
    }
}
