package org.girsanov.samplers.train;

import java.util.Map;
import org.girsanov.autodiff.nn.Precision;

/**
 * Everything that defines a training run, so that a run can be written down ({@link #toMap()}) and
 * reproduced from it ({@link #fromMap(Map)}). The defaults ({@link #defaults}, their one source) follow the
 * reference protocol of Richter &amp; Berner (ICLR 2024) where a CPU allows it: Fourier MLP of width 64 with two
 * hidden layers and Langevin preconditioning, Adam with the learning rate decayed exponentially 5e-3 → 1e-4,
 * gradient-norm clip 1, loss divided by {@code d}, EMA of weights; PIS with {@code σ = √0.2, T = 5}; DIS/DDS with
 * {@code β: 0.1 → 10, T = 1, σ = 1}. Each part checks its own fields; the config checks how they combine.
 * {@link #toBuilder()} changes any field.
 *
 * @param targetSpec   the target, as a spec string ({@code gmm9}, {@code funnel:d=10}, …)
 * @param sampler      the sampler family
 * @param loss         the training loss
 * @param time         the time discretisation
 * @param optimisation the optimiser and its schedule
 * @param network      the networks' architecture
 * @param exploration  the behaviour process of the off-policy losses
 * @param divergence   bridge: the form of the log-weight; nets, pinn: how the residual takes {@code ∇·b_θ}
 *                     (pinn: and {@code Δu_φ}) (exact or hutchinson[:m], default exact); none for every other sampler
 * @param run          the seed, the execution, the evaluations and checkpoints
 * @param marginal     RDMC and iDEM only: the Monte Carlo estimator of the noised target's score
 * @param underdamped  LDVI only: its leapfrog step, friction and whether they are learned ({@link Underdamped})
 */
public record TrainingConfig(String targetSpec, SamplerKind sampler, LossKind loss, Discretisation time,
                             Optimisation optimisation, Network network, Exploration exploration,
                             DivergenceForm divergence, Run run, Marginal marginal, Underdamped underdamped) {

    /**
     * The Monte Carlo score of the noised target used by RDMC and iDEM (docs/math.md §6, "Marginal alignment").
     *
     * @param scoreDraws {@code K}, the posterior draws per point of the estimator (RDMC's posterior mean, iDEM's target
     *                   score identity); each costs one log-density (and for TSI one score) of the target
     */
    public record Marginal(int scoreDraws) {
        /** The default {@code K} of iDEM. */
        public static final int DEFAULT_DRAWS = 64;
        /**
         * The default {@code K} of RDMC, whose particles follow the estimated score itself: on gmm9 (50 steps, 2 000
         * particles) K = 32 let 12% of them escape the modes (Δstd 10.5, ESS 0.025) where K = 256 gave Δstd 0.88,
         * ESS 0.12.
         */
        public static final int DEFAULT_RDMC_DRAWS = 256;

        /** The default {@code K} of {@code sampler}. */
        public static int defaultDraws(SamplerKind sampler) {
            return sampler == SamplerKind.RDMC ? DEFAULT_RDMC_DRAWS : DEFAULT_DRAWS;
        }

        public Marginal {
            positive("scoreDraws", scoreDraws);
        }
    }

    /**
     * The time discretisation.
     *
     * @param steps   number of time steps N of the training grid
     * @param grid    the training time grid
     * @param horizon T ({@code ≤ 0}: the sampler's default)
     * @param sigma   σ ({@code ≤ 0}: the sampler's default)
     * @param priorStd {@code s} of the prior {@code N(0, s² I)} of the {@link SamplerKind#annealed() annealed} kinds:
     *                 {@code > 0} that std, {@code 0} their default {@value #DEFAULT_PRIOR_STD}, {@link #PILOT} estimated
     *                 from a pilot run on the target ({@link PilotScale}); other kinds must leave it 0
     * @param standardise the coordinates the sampler runs in: the target's ({@link Standardisation#NONE}) or a
     *                 pilot run's ({@link PilotScale#standardised}; {@code --standardise})
     */
    public record Discretisation(int steps, GridSpec grid, double horizon, double sigma, double priorStd,
                                 Standardisation standardise) {
        /** The annealed kinds' prior std when none is given. */
        public static final double DEFAULT_PRIOR_STD = 1.0;
        /** {@code priorStd} value asking for {@link PilotScale#estimate} (written {@code pilot} in a config). */
        public static final double PILOT = -1.0;

        public Discretisation {
            positive("steps", steps);
            required("grid", grid);
            required("standardise", standardise);
            if (!(priorStd > 0 || priorStd == 0 || priorStd == PILOT) || Double.isInfinite(priorStd)) {
                throw new IllegalArgumentException("priorStd = " + priorStd + "; must be finite and > 0, 0 (the default "
                        + DEFAULT_PRIOR_STD + ") or PILOT (" + PILOT + ": estimated by a pilot run)");
            }
        }
    }

    /**
     * The optimiser (Adam) and its schedule.
     *
     * @param batch       paths per gradient step
     * @param iterations  gradient steps
     * @param lr          initial learning rate
     * @param lrFinal     final learning rate (exponential decay over the iterations)
     * @param clip        gradient-norm clip ({@code ≤ 0}: none)
     * @param emaDecay    EMA decay of the weights ({@code 0}: none)
     * @param logZLrScale the learning rate of a learned scalar {@code log Z_θ} (TB, DB, sub-TB) relative to the
     *                    networks' ({@code > 0}; 1: the same). GFlowNet practice gives {@code log Z} a 10–100×
     *                    larger rate (Malkin et al. 2022; Sendera et al. 2024): it has to move by {@code log Z}
     *                    itself, which Adam at the networks' rate cannot do in a few thousand steps.
     */
    public record Optimisation(int batch, int iterations, double lr, double lrFinal, double clip, double emaDecay,
                               double logZLrScale) {
        public Optimisation {
            positive("batch", batch);
            if (iterations < 0) {
                throw new IllegalArgumentException("iterations = " + iterations + "; must be >= 0");
            }
            if (!(lr > 0) || !(lrFinal > 0)) {
                throw new IllegalArgumentException("lr = " + lr + ", lrFinal = " + lrFinal + "; both must be > 0");
            }
            if (!(emaDecay >= 0 && emaDecay < 1)) {
                throw new IllegalArgumentException("emaDecay = " + emaDecay + "; must be in [0, 1)");
            }
            if (!(logZLrScale > 0) || !Double.isFinite(logZLrScale)) {
                throw new IllegalArgumentException("logZLrScale = " + logZLrScale + "; must be finite and > 0");
            }
        }
    }

    /**
     * The networks' architecture.
     *
     * @param width    hidden width of the networks
     * @param layers   hidden layers of the networks
     * @param langevin whether the drift gets the Langevin term {@code NN₂(t) ⊙ ∇log ρ}
     * @param precision the arithmetic of the control networks' hidden layers ({@link Precision}; float64 by default)
     */
    public record Network(int width, int layers, boolean langevin, Precision precision) {
        /** A float64 network. */
        public Network(int width, int layers, boolean langevin) {
            this(width, layers, langevin, Precision.FLOAT64);
        }

        public Network {
            positive("width", width);
            java.util.Objects.requireNonNull(precision, "precision");
            if (layers < 0) {
                throw new IllegalArgumentException("layers = " + layers + "; must be >= 0");
            }
        }
    }

    /**
     * The behaviour process of the off-policy losses.
     *
     * @param kappa       initial noise scale κ ≥ 1 of the behaviour process; decays linearly to 1 over the first
     *                    half of training
     * @param replayEvery every {@code replayEvery}-th iteration trains on backward paths started at states of a
     *                    replay buffer (fed with terminal states of the forward process, refreshed by MALA local
     *                    search); {@code 0}: no replay
     */
    public record Exploration(double kappa, int replayEvery) {
        public Exploration {
            if (!(kappa >= 1) || !Double.isFinite(kappa)) {
                throw new IllegalArgumentException("exploration = " + kappa + "; must be finite and >= 1");
            }
            if (replayEvery < 0) {
                throw new IllegalArgumentException("replayEvery = " + replayEvery + "; must be >= 0 (0: no replay)");
            }
        }
    }

    /**
     * The seed and how the run is carried out, evaluated and checkpointed.
     *
     * @param seed            the root seed of every random stream
     * @param threads         worker threads (results do not depend on it)
     * @param chunkSize       rows per batch chunk (results do depend on it; keep it fixed); by default
     *                        {@link #defaultChunkSize(int) the batch's}
     * @param evalEvery       iterations between progress evaluations ({@code 0}: none)
     * @param evalPaths       paths of the final evaluation
     * @param checkpointEvery iterations between checkpoints ({@code 0}: only at the end)
     */
    public record Run(long seed, int threads, int chunkSize, int evalEvery, int evalPaths, int checkpointEvery) {
        public Run {
            positive("threads", threads);
            positive("chunkSize", chunkSize);
            positive("evalPaths", evalPaths);
        }

        /**
         * The chunk size when none is given: {@code batch / 8} within {@code [64, 256]} — 64 up to a batch of 512, 256
         * from 2 048. It depends on the batch alone, never on the thread count, so results stay the same for any number
         * of threads; larger batches get larger chunks because a chunk's products and tapes are more efficient with more
         * rows (at batch 2 048 × 200, chunks of 256 took 20–35 % less time per step than chunks of 64; BENCHMARKS.md,
         * "Chunks that follow the batch"), and eight chunks still keep eight threads busy.
         */
        public static int defaultChunkSize(int batch) {
            return Math.max(MIN_DEFAULT_CHUNK, Math.min(MAX_DEFAULT_CHUNK, batch / 8));
        }

        private static final int MIN_DEFAULT_CHUNK = 64;
        private static final int MAX_DEFAULT_CHUNK = 256;
    }

    public TrainingConfig {
        required("targetSpec", targetSpec);
        required("sampler", sampler);
        required("loss", loss);
        required("time", time);
        required("optimisation", optimisation);
        required("network", network);
        required("exploration", exploration);
        required("divergence", divergence);
        required("run", run);
        required("marginal", marginal);
        required("underdamped", underdamped);
        CombinationRules.check(sampler, loss, time, network, exploration, divergence, underdamped);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " = " + v + "; must be >= 1");
        }
    }

    private static void required(String name, Object v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " = null; required");
        }
    }

    /**
     * The CPU defaults for a (target, sampler, loss): the one source of every default value. The nets and pinn
     * drifts and ldvi's momentum correction have no Langevin term; the nets and pinn residuals take exact divergences.
     */
    public static TrainingConfig defaults(String targetSpec, SamplerKind sampler, LossKind loss) {
        boolean residual = sampler == SamplerKind.NETS || sampler == SamplerKind.PINN;
        boolean plain = residual || sampler == SamplerKind.LDVI;
        int batch = 512;
        return new TrainingConfig(targetSpec, sampler, loss, new Discretisation(100, GridSpec.UNIFORM, 0, 0, 0, Standardisation.NONE),
                new Optimisation(batch, 2000, 5e-3, 1e-4, 1.0, 0.99, 1.0), new Network(64, 2, !plain),
                new Exploration(1.0, 0), residual ? DivergenceForm.EXACT : DivergenceForm.NONE, new Run(0, 2, Run.defaultChunkSize(batch), 100, 20000, CheckpointPolicy.DEFAULT_EVERY),
                new Marginal(Marginal.defaultDraws(sampler)), Underdamped.DEFAULT);
    }

    public TrainingConfig withIterations(int it) {
        return toBuilder().iterations(it).build();
    }

    public TrainingConfig withSteps(int n) {
        return toBuilder().steps(n).build();
    }

    public TrainingConfig withBatch(int b) {
        return toBuilder().batch(b).build();
    }

    public TrainingConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    public TrainingConfig withThreads(int t) {
        return toBuilder().threads(t).build();
    }

    public TrainingConfig withGrid(GridSpec g) {
        return toBuilder().grid(g).build();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes any fields of a config, one at a time; {@link #build()} validates them together. */
    public static final class Builder {
        private String targetSpec;
        private SamplerKind sampler;
        private LossKind loss;
        private int steps;
        private GridSpec grid;
        private double horizon;
        private double sigma;
        private double priorStd;
        private Standardisation standardise;
        private int batch;
        private int iterations;
        private double lr;
        private double lrFinal;
        private double clip;
        private double emaDecay;
        private double logZLrScale;
        private int width;
        private int layers;
        private boolean langevin;
        private Precision precision;
        private double exploration;
        private int replayEvery;
        private DivergenceForm divergence;
        private long seed;
        private int threads;
        private Integer chunkSize; // null: the batch's default
        private int evalEvery;
        private int evalPaths;
        private int checkpointEvery;
        private int scoreDraws;
        private Underdamped underdamped;

        private Builder(TrainingConfig c) {
            targetSpec = c.targetSpec;
            sampler = c.sampler;
            loss = c.loss;
            steps = c.time.steps();
            grid = c.time.grid();
            horizon = c.time.horizon();
            sigma = c.time.sigma();
            priorStd = c.time.priorStd();
            standardise = c.time.standardise();
            batch = c.optimisation.batch();
            iterations = c.optimisation.iterations();
            lr = c.optimisation.lr();
            lrFinal = c.optimisation.lrFinal();
            clip = c.optimisation.clip();
            emaDecay = c.optimisation.emaDecay();
            logZLrScale = c.optimisation.logZLrScale();
            width = c.network.width();
            layers = c.network.layers();
            langevin = c.network.langevin();
            precision = c.network.precision();
            exploration = c.exploration.kappa();
            replayEvery = c.exploration.replayEvery();
            divergence = c.divergence;
            seed = c.run.seed();
            threads = c.run.threads();
            // a chunk size equal to its batch's default stays the default: it follows a new batch
            chunkSize = c.run.chunkSize() == Run.defaultChunkSize(c.optimisation.batch()) ? null : c.run.chunkSize();
            evalEvery = c.run.evalEvery();
            evalPaths = c.run.evalPaths();
            checkpointEvery = c.run.checkpointEvery();
            scoreDraws = c.marginal.scoreDraws();
            underdamped = c.underdamped;
        }

        public Builder targetSpec(String v) { targetSpec = v; return this; }
        public Builder sampler(SamplerKind v) { sampler = v; return this; }
        public Builder loss(LossKind v) { loss = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder grid(GridSpec v) { grid = v; return this; }
        public Builder horizon(double v) { horizon = v; return this; }
        public Builder sigma(double v) { sigma = v; return this; }
        public Builder priorStd(double v) { priorStd = v; return this; }
        public Builder standardise(Standardisation v) { standardise = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder iterations(int v) { iterations = v; return this; }
        public Builder lr(double v) { lr = v; return this; }
        public Builder lrFinal(double v) { lrFinal = v; return this; }
        public Builder clip(double v) { clip = v; return this; }
        public Builder emaDecay(double v) { emaDecay = v; return this; }
        public Builder logZLrScale(double v) { logZLrScale = v; return this; }
        public Builder width(int v) { width = v; return this; }
        public Builder layers(int v) { layers = v; return this; }
        public Builder langevin(boolean v) { langevin = v; return this; }
        public Builder precision(Precision v) { precision = v; return this; }
        public Builder exploration(double v) { exploration = v; return this; }
        public Builder replayEvery(int v) { replayEvery = v; return this; }
        public Builder divergence(DivergenceForm v) { divergence = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder chunkSize(int v) { chunkSize = v; return this; }
        /** The chunk size {@link Run#defaultChunkSize(int) of the batch} built with. */
        public Builder defaultChunkSize() { chunkSize = null; return this; }
        public Builder evalEvery(int v) { evalEvery = v; return this; }
        public Builder evalPaths(int v) { evalPaths = v; return this; }
        public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }
        public Builder scoreDraws(int v) { scoreDraws = v; return this; }
        public Builder underdamped(Underdamped v) { underdamped = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(targetSpec, sampler, loss, new Discretisation(steps, grid, horizon, sigma, priorStd, standardise),
                    new Optimisation(batch, iterations, lr, lrFinal, clip, emaDecay, logZLrScale),
                    new Network(width, layers, langevin, precision), new Exploration(exploration, replayEvery), divergence,
                    new Run(seed, threads, chunkSize != null ? chunkSize : Run.defaultChunkSize(batch), evalEvery, evalPaths, checkpointEvery), new Marginal(scoreDraws), underdamped);
        }
    }

    /**
     * The config as ordered string key/values (for config.json and checkpoints): flat keys, the sampler and loss
     * by {@link SamplerKind#id()} and {@link LossKind#id()}, the grid and divergence as their specs.
     */
    public Map<String, String> toMap() {
        return ConfigFormat.write(this);
    }

    /** The inverse of {@link #toMap()}; missing keys take the {@link #defaults} of the (target, sampler, loss). */
    public static TrainingConfig fromMap(Map<String, String> m) {
        return ConfigFormat.read(m);
    }
}
