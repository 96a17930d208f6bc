package org.girsanov.samplers.mcmc;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One batched transition of {@code n} chains, chain {@code i} targeting {@code π_{β_i}} of a
 * {@link TemperedDensity} with step size {@code ε_i}.
 */
public interface McmcKernel {

    /**
     * One step from {@code state}. Writes the Metropolis–Hastings acceptance probability
     * {@code min(1, ratio)} of each chain into {@code acceptProbability} (1 for unadjusted kernels).
     */
    ChainState step(TemperedDensity density, ChainState state, double[] beta, double[] stepSize,
                    UniformRandomProvider rng, double[] acceptProbability);

    /** Whether the kernel has an accept/reject step (so step sizes can be adapted to an acceptance rate). */
    boolean adjusted();

    /** The acceptance probability step sizes are adapted towards. */
    double targetAcceptance();

    /** A short name for reports. */
    String name();
}
