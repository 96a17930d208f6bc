package org.girsanov.samplers.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.pinn.LogDensityNet;
import org.girsanov.samplers.pinn.Pinn;
import org.girsanov.samplers.pinn.PinnLoss;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;

/**
 * How {@link SamplerFactory} assembles {@link SamplerKind#PINN}: the drift {@code b_θ} a Fourier MLP of the config's
 * width and layers (zero output layer), the log-density {@code u_φ} a {@link LogDensityNet} of the same width and
 * layers (starting at the annealing path {@code log π̃_t}, {@code c_φ = 0}), constant {@code σ} (default 1), prior
 * {@code N(0, s² I)} ({@code s} the config's prior std, default 1); the {@link PinnLoss} with the config's divergence form and the replay of NETS
 * ({@link NetsTraining#BUFFER_BATCHES} batches per grid time, one batch of paths every
 * {@link NetsTraining#REFRESH_EVERY} iterations).
 */
final class PinnTraining {
    private PinnTraining() {
    }

    static Pinn sampler(TrainingConfig c, Target target, TimeGrid grid, double sigma, UniformRandomProvider rng) {
        int d = target.dimension();
        double s = PilotScale.priorStd(c, target);
        FourierMlp transport = new FourierMlp("transport", d, d, c.network().width(), c.network().layers(), rng);
        LogDensityNet logDensity = new LogDensityNet("logDensity", IsotropicGaussian.centred(d, s), target,
                grid, c.network().width(), Math.max(1, c.network().layers()), rng);
        return new Pinn(target, grid, transport, logDensity, sigma, s);
    }

    static PinnLoss loss(TrainingConfig c, Sampler model) {
        if (!(model instanceof Pinn pinn)) {
            throw new IllegalArgumentException("loss = pinn needs the pinn sampler; got " + model.name());
        }
        int batch = c.optimisation().batch();
        return new PinnLoss(pinn, c.divergence().probes(), NetsTraining.BUFFER_BATCHES * batch,
                NetsTraining.REFRESH_EVERY, batch);
    }
}
