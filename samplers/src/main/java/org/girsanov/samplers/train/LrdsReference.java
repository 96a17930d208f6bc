package org.girsanov.samplers.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.mcmc.Mala;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.mcmc.ParallelTempering;
import org.girsanov.samplers.mixture.BicSelection;
import org.girsanov.samplers.mixture.ExpectationMaximisation;
import org.girsanov.samplers.mixture.ReferenceFromSamples;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;

/**
 * How {@link SamplerFactory} builds the reference {@code π_ref} of {@link SamplerKind#LRDS} (Noble, Grenioux, Gabrié
 * &amp; Durmus 2024; docs/math.md §6, "Reference from data"), the same for every target so that the protocol never
 * depends on a target's name:
 * <ol>
 *   <li>{@value #CHAINS} parallel-tempering chains ({@link ParallelTempering} with MALA moves, {@value #TEMPERATURES}
 *       rungs of the geometric ladder down to {@code β = }{@value #MIN_BETA} of {@code ρ^β}), started at draws of
 *       {@code N(0, I)}, {@value #WARMUP} warm-up rounds, then {@value #ROUNDS} rounds kept every {@value #THIN}-th:
 *       {@code CHAINS × ROUNDS / THIN} samples of the cold chain;</li>
 *   <li>a Gaussian mixture fitted to them by EM, {@code K = 1 … }{@value #MAX_COMPONENTS} components, the one of least
 *       BIC ({@link BicSelection}; EM to a gain below {@value #EM_TOLERANCE} per sample), the scan stopped after
 *       {@value #PATIENCE} worse {@code K} in a row (single-start EM makes BIC ragged in {@code K}: on gmm40 a
 *       patience of 2 stopped at 12 components, 5 reaches 33–47).</li>
 * </ol>
 * Every random number comes from one stream of the run's seed (purpose {@value #STREAM}) and both steps are
 * sequential, so the same seed gives the bitwise-same mixture, whatever the thread count: a resumed run rebuilds
 * exactly the reference it was trained with, and the checkpoint stores the mixture to check that
 * ({@link TrainerCheckpoint}). The MCMC's target evaluations go through the trainer's counter: they are part of the
 * sampler's cost.
 */
public final class LrdsReference {
    /** Random-stream purpose of the MCMC and EM of the reference. */
    static final long STREAM = 29;
    /** Independent tempered chains. */
    public static final int CHAINS = 16;
    /** Rungs of the temperature ladder. */
    public static final int TEMPERATURES = 8;
    /** {@code β} of the hottest rung. */
    public static final double MIN_BETA = 0.01;
    /** Rounds before samples are kept (step sizes adapt here). */
    public static final int WARMUP = 500;
    /** Rounds after warm-up. */
    public static final int ROUNDS = 1000;
    /** One kept sample every {@code THIN} rounds. */
    public static final int THIN = 8;
    /** The largest number of mixture components BIC may choose. */
    public static final int MAX_COMPONENTS = 64;
    /** EM's iteration limit per fit. */
    public static final int EM_ITERATIONS = 300;
    /**
     * EM stops when the mean log-likelihood gains less than this per iteration: 10⁻⁴ nats per sample, below what
     * moves the BIC of {@code n = 2 000} samples (a change of {@code 2n·10⁻⁴ = 0.4}); on gmm9 EM then stops after
     * 14–58 iterations for K = 2 … 11 (≈ 1 s for the whole scan).
     */
    public static final double EM_TOLERANCE = 1e-4;
    /** The BIC scan stops after this many consecutive worse {@code K} past the best. */
    public static final int PATIENCE = 5;

    private LrdsReference() {
    }

    /** Steps 1 and 2 of LRDS for {@code target}, from the stream {@code (seed; 0, 0, STREAM)}. */
    public static ReferenceFromSamples build(Target target, long seed) {
        UniformRandomProvider rng = new RandomStreams(seed).stream(0, 0, STREAM);
        McmcResult chains = pilotChains(target, rng);
        return new ReferenceFromSamples(new BicSelection(new ExpectationMaximisation(EM_ITERATIONS, EM_TOLERANCE),
                MAX_COMPONENTS, 1).withPatience(PATIENCE).select(chains.samples(), rng), chains);
    }

    /**
     * Step 1 alone: the kept cold-chain samples of the pilot parallel tempering (the settings above), drawing from
     * {@code rng}. {@link PilotScale} reads the annealed kinds' prior scale off the same chains.
     */
    static McmcResult pilotChains(Target target, UniformRandomProvider rng) {
        int d = target.dimension();
        DMatrixRMaj starts = new DMatrixRMaj(CHAINS, d);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < starts.data.length; i++) {
            starts.data[i] = g.sample();
        }
        return new ParallelTempering(new Mala(), TEMPERATURES, MIN_BETA, null, 0.1, WARMUP, ROUNDS, THIN)
                .run(target, starts, rng);
    }
}
