package org.girsanov.samplers.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.Probe;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.control.LangevinControl;
import org.girsanov.samplers.control.ScoreField;
import org.girsanov.samplers.control.TimeNet;
import org.girsanov.samplers.families.Bridge;
import org.girsanov.samplers.families.Cmcd;
import org.girsanov.samplers.families.Mcd;
import org.girsanov.samplers.families.Dds;
import org.girsanov.samplers.families.Dis;
import org.girsanov.samplers.families.Gfn;
import org.girsanov.samplers.families.Lrds;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.ldvi.Ldvi;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.families.StandardisedSampler;
import org.girsanov.samplers.losses.DetailedBalanceLoss;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.losses.LogFlow;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.SubTrajectoryBalanceLoss;
import org.girsanov.samplers.losses.TrajectoryBalanceLoss;
import org.girsanov.samplers.marginal.PosteriorMeanScore;
import org.girsanov.samplers.marginal.ReverseDiffusionMonteCarlo;
import org.girsanov.samplers.targets.StandardisedTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.rnd.DivergenceEstimator;

/** Builds the sampler and the loss a {@link TrainingConfig} names, with seeded initial weights. */
public final class SamplerFactory {
    /** Random-stream purpose of the initial weights. */
    static final long INIT_STREAM = 7;
    /** Random-stream purpose of the initial log-flow weights (DB, sub-TB). */
    static final long FLOW_STREAM = 13;
    /** Mixed into the seed of the state-keyed Hutchinson probes of the bridge. */
    static final long PROBE_STREAM = 0x5DEECE66DL;
    /** λ of sub-TB (sub-path weights {@code λ^{b−a}}). */
    public static final double SUBTB_LAMBDA = 0.95;

    private SamplerFactory() {
    }

    /** The default horizon T of a sampler. */
    public static double defaultHorizon(SamplerKind sampler) {
        return sampler == SamplerKind.PIS ? 5.0 : 1.0;
    }

    /** The default σ of a sampler (for nets, {@code √ε}: its {@code ε = σ²}). */
    public static double defaultSigma(SamplerKind sampler) {
        return sampler == SamplerKind.PIS ? Math.sqrt(0.2) : 1.0;
    }

    /**
     * The sampler of a config, with its initial weights. For {@link SamplerKind#LRDS} this first builds the reference
     * by MCMC and EM ({@link LrdsReference}, seeded by the config; the MCMC's evaluations count on {@code target}).
     * With {@code standardise} the family is built on {@link PilotScale#standardised} of {@code target} and read back
     * through {@link StandardisedSampler} (the pilot's evaluations count too).
     *
     * @throws IllegalArgumentException for {@link SamplerKind#RDMC}, which learns nothing: {@link #rdmc}
     */
    public static Sampler model(TrainingConfig c, Target target) {
        if (c.time().standardise() != Standardisation.NONE) {
            StandardisedTarget z = PilotScale.standardised(target, c.run().seed(), c.time().standardise());
            return new StandardisedSampler(family(c, z), z);
        }
        return family(c, target);
    }

    /**
     * The sampler of a config's family on {@code target} as given (the standardised target when the config asks for
     * it: {@link #model}).
     */
    private static Sampler family(TrainingConfig c, Target target) {
        UniformRandomProvider rng = new RandomStreams(c.run().seed()).stream(0, 0, INIT_STREAM);
        TrainingConfig.Discretisation time = c.time();
        double horizon = time.horizon() > 0 ? time.horizon() : defaultHorizon(c.sampler());
        double sigma = time.sigma() > 0 ? time.sigma() : defaultSigma(c.sampler());
        TimeGrid grid = time.grid().on(horizon, time.steps());
        int d = target.dimension();
        return switch (c.sampler()) {
            case PIS -> new Pis(target, grid, control("control", c, target, rng), sigma);
            case DDS -> new Dds(target, grid, control("control", c, target, rng), sigma, 0.1, 10.0);
            case DIS -> new Dis(target, grid, control("control", c, target, rng), sigma, 0.1, 10.0);
            case BRIDGE -> new Bridge(target, grid, control("forward", c, d, ScoreField.towardsTarget(target, horizon), LERP_BIAS, rng),
                    control("backward", c, d, ScoreField.fromPrior(BRIDGE_PRIOR_STD, horizon), LERP_BIAS, rng),
                    sigma, BRIDGE_PRIOR_STD, divergence(c));
            case GFN -> new Gfn(target, grid, control("mean", c, target, rng),
                    new FourierMlp("logvar", d, d, c.network().width(), c.network().layers(), rng), sigma);
            case CMCD -> new Cmcd(target, grid, control("control", c, target, rng), sigma, PilotScale.priorStd(c, target));
            case MCD -> new Mcd(target, grid, control("control", c, target, rng), sigma, PilotScale.priorStd(c, target));
            case LRDS -> new Lrds(target, grid, new FourierMlp("phi", d, d, c.network().width(), c.network().layers(), rng),
                    LrdsReference.build(target, c.run().seed()).fit().mixture(), sigma, 0.1, 10.0);
            case IDEM -> Idem.sampler(c, target, grid, sigma, control("score", c, target, rng));
            case NETS -> NetsTraining.sampler(c, target, grid, sigma, rng);
            case LDVI -> ldvi(c, target, grid, rng);
            case PINN -> PinnTraining.sampler(c, target, grid, sigma, rng);
            case RDMC -> throw new IllegalArgumentException("sampler = rdmc learns nothing and is not a path-space"
                    + " sampler; build it with SamplerFactory.rdmc");
        };
    }

    /**
     * LDVI on the annealing grid of the config: the momentum correction {@code s_θ(x, v, t)} a Fourier MLP
     * {@code 2d → d} of the config's width and layers (zero output layer: the untrained sampler is uncorrected
     * Hamiltonian annealing), {@code p_prior = N(0, s² I)} ({@code s} the config's prior std), linear {@code β}, the config's {@link Underdamped} dynamics.
     */
    static Ldvi ldvi(TrainingConfig c, Target target, TimeGrid grid, UniformRandomProvider rng) {
        int d = target.dimension();
        Underdamped u = c.underdamped();
        return new Ldvi(target, grid, new FourierMlp("correction", 2 * d, d, c.network().width(), c.network().layers(), rng),
                u.step(), u.friction(), PilotScale.priorStd(c, target), AnnealingSchedule.linear(), u.learn());
    }

    /**
     * RDMC on the config's grid: the VP noising of DIS ({@code β} 0.1 → 10 over {@code T}, stationary {@code σ}) and
     * the posterior-mean score with {@code K = scoreDraws} draws per point.
     */
    public static ReverseDiffusionMonteCarlo rdmc(TrainingConfig c) {
        if (c.sampler() != SamplerKind.RDMC) {
            throw new IllegalArgumentException("SamplerFactory.rdmc: the config's sampler is " + c.sampler());
        }
        TrainingConfig.Discretisation time = c.time();
        double horizon = time.horizon() > 0 ? time.horizon() : defaultHorizon(c.sampler());
        double sigma = time.sigma() > 0 ? time.sigma() : defaultSigma(c.sampler());
        return new ReverseDiffusionMonteCarlo(new VpLinearSchedule(sigma, 0.1, 10.0, horizon),
                time.grid().on(horizon, time.steps()), new PosteriorMeanScore(c.marginal().scoreDraws()));
    }

    /**
     * The bridge's divergence estimator of {@code c.divergence()}: {@code null} for {@code none} (kernel-ratio
     * log-weight), exact, or Hutchinson with Rademacher probes keyed by the state and the run's seed (so the
     * two passes of a streamed loss, resumed runs and any thread count see the same probes).
     */
    static DivergenceEstimator divergence(TrainingConfig c) {
        if (DivergenceForm.NONE.equals(c.divergence())) {
            return null;
        }
        if (DivergenceForm.EXACT.equals(c.divergence())) {
            return DivergenceEstimator.exact();
        }
        return DivergenceEstimator.hutchinsonKeyed(c.divergence().probes(), Probe.RADEMACHER,
                c.run().seed() ^ PROBE_STREAM);
    }

    /** {@code NN₁(x,t) [+ NN₂(t) ⊙ ∇log ρ(x)]}, {@code NN₂} starting at {@code 0.01} (the PIS reference). */
    static Control control(String name, TrainingConfig c, Target target, UniformRandomProvider rng) {
        return control(name, c, target.dimension(), ScoreField.target(target), 0.01, rng);
    }

    /** Prior of the bridge, {@code N(0, I)}. */
    static final double BRIDGE_PRIOR_STD = 1.0;
    /** Initial coefficient of the bridge's interpolated scores (the reference code's {@code LerpCtrl}: 1). */
    static final double LERP_BIAS = 1.0;

    /** {@code NN₁(x,t) [+ NN₂(t) ⊙ s(x,t)]}, the coefficient {@code NN₂} starting at {@code initial}, {@code s} clipped at ±100. */
    static Control control(String name, TrainingConfig c, int d, ScoreField score, double initial, UniformRandomProvider rng) {
        TrainingConfig.Network n = c.network();
        FourierMlp net = new FourierMlp(name + ".nn", d, d, n.width(), n.layers(), n.precision(), rng);
        if (!n.langevin()) {
            return net;
        }
        return new LangevinControl(net, new TimeNet(name + ".langevin", d, n.width(), n.layers(), initial, rng), score, 100.0);
    }

    /**
     * The learned log-flows of DB / sub-TB: {@code F_θ(x, t)}, a Fourier MLP {@code d → 1} of the config's width
     * and layers, seeded from its own stream (purpose {@value #FLOW_STREAM}), and {@code log Z_θ = 0}.
     */
    static LogFlow logFlow(TrainingConfig c, Sampler model) {
        UniformRandomProvider rng = new RandomStreams(c.run().seed()).stream(0, 0, FLOW_STREAM);
        return new LogFlow(new FourierMlp("flow", model.dimension(), 1, c.network().width(), c.network().layers(), rng),
                "flow.logZ");
    }

    public static Loss loss(TrainingConfig c, Sampler model) {
        return switch (c.loss()) {
            case KL -> new KlLoss();
            case LV -> new LogVarianceLoss();
            case TB -> new TrajectoryBalanceLoss();
            case DB -> new DetailedBalanceLoss(logFlow(c, model));
            case SUBTB -> new SubTrajectoryBalanceLoss(logFlow(c, model), SUBTB_LAMBDA);
            case DEM -> Idem.loss(c, model);
            case NETS -> NetsTraining.loss(c, model);
            case PINN -> PinnTraining.loss(c, model);
            case NONE -> throw new IllegalArgumentException("loss = none: " + c.sampler() + " trains nothing");
        };
    }
}
