package org.girsanov.samplers.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.nets.FreeEnergyNet;
import org.girsanov.samplers.nets.Nets;
import org.girsanov.samplers.nets.NetsLoss;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;

/**
 * How {@link SamplerFactory} assembles {@link SamplerKind#NETS}: the transport drift {@code b_θ} a Fourier MLP of the
 * config's width and layers (zero output layer: the untrained sampler is unadjusted Langevin annealing), {@code ε = σ²}
 * (default {@code σ = 1}), prior {@code N(0, I)}, linear {@code β}; the {@link NetsLoss} with the config's divergence
 * form, a free-energy rate network seeded from its own stream (purpose {@value #FREE_ENERGY_STREAM}), a buffer of
 * {@value #BUFFER_BATCHES} batches per grid time refreshed with one batch of paths every {@value #REFRESH_EVERY}
 * iterations.
 */
final class NetsTraining {
    /** Random-stream purpose of the initial weights of {@code ∂_t F_φ}. */
    static final long FREE_ENERGY_STREAM = 23;
    /** Buffer capacity per grid time, in batches. */
    static final int BUFFER_BATCHES = 8;
    /** Iterations between buffer refreshes. */
    static final int REFRESH_EVERY = 5;
    private NetsTraining() {
    }

    static Nets sampler(TrainingConfig c, Target target, TimeGrid grid, double sigma, UniformRandomProvider rng) {
        int d = target.dimension();
        return new Nets(target, grid, new FourierMlp("transport", d, d, c.network().width(), c.network().layers(), rng),
                sigma * sigma, PilotScale.priorStd(c, target), AnnealingSchedule.linear());
    }

    static NetsLoss loss(TrainingConfig c, Sampler model) {
        if (!(model instanceof Nets nets)) {
            throw new IllegalArgumentException("loss = nets needs the nets sampler; got " + model.name());
        }
        UniformRandomProvider rng = new RandomStreams(c.run().seed()).stream(0, 0, FREE_ENERGY_STREAM);
        int batch = c.optimisation().batch();
        return new NetsLoss(nets, new FreeEnergyNet("freeEnergy", c.network().width(), c.network().layers(), rng),
                c.divergence().probes(), BUFFER_BATCHES * batch, REFRESH_EVERY, batch);
    }
}
