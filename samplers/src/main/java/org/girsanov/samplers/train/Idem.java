package org.girsanov.samplers.train;

import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.families.Dis;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.marginal.ControlVariateScore;
import org.girsanov.samplers.marginal.IdemLoss;
import org.girsanov.samplers.marginal.IdemSampler;
import org.girsanov.samplers.marginal.IdemScore;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;

/**
 * How {@link SamplerFactory} assembles {@link SamplerKind#IDEM}: the score network {@link IdemScore} on the VP
 * schedule of DIS ({@code β} 0.1 → 10 over {@code T}), driving the DIS pair (so sampling, log-weights and evaluation
 * are the path engine's), and the {@link IdemLoss} regression with the config's {@code K} draws, a buffer of
 * {@value #BUFFER_BATCHES} batches refreshed with one batch of paths every {@value #REFRESH_EVERY} iterations, and
 * {@code τ_min = }{@value #TAU_MIN}{@code · T}, the refresh paths {@value #BUFFER_GAP} nats of log-weight below the
 * median kept out of the buffer.
 */
final class Idem {
    static final double BETA_MIN = 0.1;
    static final double BETA_MAX = 10.0;
    /** Buffer capacity in batches. */
    static final int BUFFER_BATCHES = 16;
    /** Iterations between buffer refreshes (the outer loop). */
    static final int REFRESH_EVERY = 25;
    /** The smallest noising time regressed, as a fraction of {@code T}. */
    static final double TAU_MIN = 0.005;
    /**
     * Refresh paths more than this many nats of log-weight below the median stay out of the buffer: measured on mw5
     * (Δstd 25 without, 0.024 at 10, 0.067 at 50; BENCHMARKS.md, "iDEM and RDMC at the CPU protocol").
     */
    static final double BUFFER_GAP = 10;

    private Idem() {
    }

    static IdemScore score(Control residual, double sigma, double horizon) {
        return new IdemScore(residual, new VpLinearSchedule(sigma, BETA_MIN, BETA_MAX, horizon), horizon);
    }

    /** The DIS pair driven by {@code s_θ = −x/σ² + r_θ}. */
    static Sampler sampler(TrainingConfig c, Target target, TimeGrid grid, double sigma, Control residual) {
        return new IdemSampler(new Dis(target, grid, score(residual, sigma, grid.end()).asControl(), sigma, BETA_MIN,
                BETA_MAX), score(residual, sigma, grid.end()));
    }

    static IdemLoss loss(TrainingConfig c, Sampler model) {
        if (!(model instanceof IdemSampler s)) {
            throw new IllegalArgumentException("loss = dem needs the idem sampler; got " + model.name());
        }
        int batch = c.optimisation().batch();
        return new IdemLoss(s.score(), new ControlVariateScore(c.marginal().scoreDraws()), model.dimension(),
                BUFFER_BATCHES * batch, REFRESH_EVERY, batch, TAU_MIN * model.grid().end(), BUFFER_GAP);
    }
}
