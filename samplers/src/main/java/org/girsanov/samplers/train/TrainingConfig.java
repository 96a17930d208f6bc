package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a training run, so that a run can be written down ({@link #toMap()}) and
 * reproduced from it ({@link #fromMap(Map)}). Defaults follow the reference protocol of Richter &amp;
 * Berner (ICLR 2024) where a CPU allows it: Fourier MLP of width 64 with two hidden layers and Langevin
 * preconditioning, Adam with the learning rate decayed exponentially 5e-3 → 1e-4, gradient-norm clip 1,
 * loss divided by {@code d}, EMA of weights; PIS with {@code σ = √0.2, T = 5}; DIS/DDS with
 * {@code β: 0.1 → 10, T = 1, σ = 1}.
 *
 * @param targetSpec         the target, as a spec string ({@code gmm9}, {@code funnel:d=10}, …)
 * @param sampler            pis, dds, dis, bridge, gfn or cmcd
 * @param loss               kl, lv, tb, db or subtb
 * @param steps              number of time steps N of the training grid
 * @param batch              paths per gradient step
 * @param iterations         gradient steps
 * @param lr                 initial learning rate
 * @param lrFinal            final learning rate (exponential decay over the iterations)
 * @param clip               gradient-norm clip ({@code ≤ 0}: none)
 * @param emaDecay           EMA decay of the weights ({@code 0}: none)
 * @param seed               the root seed of every random stream
 * @param threads            worker threads (results do not depend on it)
 * @param chunkSize          rows per batch chunk (results do depend on it; keep it fixed)
 * @param horizon            T ({@code ≤ 0}: the sampler's default)
 * @param sigma              σ ({@code ≤ 0}: the sampler's default)
 * @param width              hidden width of the networks
 * @param layers             hidden layers of the networks
 * @param langevin           whether the drift gets the Langevin term {@code NN₂(t) ⊙ ∇log ρ}
 * @param exploration        initial noise scale κ ≥ 1 of the behaviour process (off-policy losses); decays
 *                           linearly to 1 over the first half of training
 * @param evalEvery          iterations between progress evaluations ({@code 0}: none)
 * @param evalPaths          paths of the final evaluation
 * @param checkpointEvery    iterations between checkpoints ({@code 0}: only at the end)
 * @param grid               the training time grid: {@code uniform}, {@code jittered} (a fresh jittered uniform
 *                           grid every iteration; evaluation on the uniform one), {@code cosine} (fine near 0)
 *                           or {@code power:κ} ({@code t_n = T (n/N)^κ})
 * @param replayEvery        off-policy losses only: every {@code replayEvery}-th iteration trains on backward
 *                           paths started at states of a replay buffer (fed with terminal states of the
 *                           forward process, refreshed by MALA local search); {@code 0}: no replay
 * @param divergence         bridge only: the form of the log-weight — {@code none} (the Euler–Maruyama kernel
 *                           ratio, default), {@code exact} or {@code hutchinson[:m]} (the controlled Girsanov
 *                           form with the divergence {@code ∇·v} exact or by Hutchinson with {@code m}
 *                           Rademacher probes, default 1; docs/math.md §5)
 * @param logZLrScale        the learning rate of a learned scalar {@code log Z_θ} (TB, DB, sub-TB) relative to
 *                           the networks' ({@code > 0}; 1: the same). GFlowNet practice gives {@code log Z} a
 *                           10–100× larger rate (Malkin et al. 2022; Sendera et al. 2024): it has to move by
 *                           {@code log Z} itself, which Adam at the networks' rate cannot do in a few thousand steps.
 */
public record TrainingConfig(String targetSpec, String sampler, String loss, int steps, int batch, int iterations,
                             double lr, double lrFinal, double clip, double emaDecay, long seed, int threads,
                             int chunkSize, double horizon, double sigma, int width, int layers, boolean langevin,
                             double exploration, int evalEvery, int evalPaths, int checkpointEvery, String grid,
                             int replayEvery, String divergence, double logZLrScale) {

    /** A config with the learned {@code log Z} at the networks' learning rate ({@code logZLrScale = 1}). */
    public TrainingConfig(String targetSpec, String sampler, String loss, int steps, int batch, int iterations,
                          double lr, double lrFinal, double clip, double emaDecay, long seed, int threads,
                          int chunkSize, double horizon, double sigma, int width, int layers, boolean langevin,
                          double exploration, int evalEvery, int evalPaths, int checkpointEvery, String grid,
                          int replayEvery, String divergence) {
        this(targetSpec, sampler, loss, steps, batch, iterations, lr, lrFinal, clip, emaDecay, seed, threads, chunkSize,
                horizon, sigma, width, layers, langevin, exploration, evalEvery, evalPaths, checkpointEvery, grid,
                replayEvery, divergence, 1.0);
    }

    /** A config with the kernel-ratio log-weight ({@code divergence = none}). */
    public TrainingConfig(String targetSpec, String sampler, String loss, int steps, int batch, int iterations,
                          double lr, double lrFinal, double clip, double emaDecay, long seed, int threads,
                          int chunkSize, double horizon, double sigma, int width, int layers, boolean langevin,
                          double exploration, int evalEvery, int evalPaths, int checkpointEvery, String grid,
                          int replayEvery) {
        this(targetSpec, sampler, loss, steps, batch, iterations, lr, lrFinal, clip, emaDecay, seed, threads, chunkSize,
                horizon, sigma, width, layers, langevin, exploration, evalEvery, evalPaths, checkpointEvery, grid,
                replayEvery, "none");
    }

    /** A config without replay. */
    public TrainingConfig(String targetSpec, String sampler, String loss, int steps, int batch, int iterations,
                          double lr, double lrFinal, double clip, double emaDecay, long seed, int threads,
                          int chunkSize, double horizon, double sigma, int width, int layers, boolean langevin,
                          double exploration, int evalEvery, int evalPaths, int checkpointEvery, String grid) {
        this(targetSpec, sampler, loss, steps, batch, iterations, lr, lrFinal, clip, emaDecay, seed, threads, chunkSize,
                horizon, sigma, width, layers, langevin, exploration, evalEvery, evalPaths, checkpointEvery, grid, 0);
    }

    /** A config on a uniform grid. */
    public TrainingConfig(String targetSpec, String sampler, String loss, int steps, int batch, int iterations,
                          double lr, double lrFinal, double clip, double emaDecay, long seed, int threads,
                          int chunkSize, double horizon, double sigma, int width, int layers, boolean langevin,
                          double exploration, int evalEvery, int evalPaths, int checkpointEvery) {
        this(targetSpec, sampler, loss, steps, batch, iterations, lr, lrFinal, clip, emaDecay, seed, threads, chunkSize,
                horizon, sigma, width, layers, langevin, exploration, evalEvery, evalPaths, checkpointEvery, "uniform");
    }

    public static final java.util.List<String> SAMPLERS = java.util.List.of("pis", "dds", "dis", "bridge", "gfn", "cmcd");
    public static final java.util.List<String> LOSSES = java.util.List.of("kl", "lv", "tb", "db", "subtb");

    public TrainingConfig {
        if (!SAMPLERS.contains(sampler)) {
            throw new IllegalArgumentException("sampler = '" + sampler + "'; allowed: " + String.join(", ", SAMPLERS));
        }
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("loss = '" + loss + "'; allowed: " + String.join(", ", LOSSES));
        }
        positive("steps", steps);
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
        positive("threads", threads);
        positive("chunkSize", chunkSize);
        positive("width", width);
        if (layers < 0) {
            throw new IllegalArgumentException("layers = " + layers + "; must be >= 0");
        }
        if (!(exploration >= 1) || !Double.isFinite(exploration)) {
            throw new IllegalArgumentException("exploration = " + exploration + "; must be finite and >= 1");
        }
        if ("kl".equals(loss) && exploration != 1.0) {
            throw new IllegalArgumentException("exploration = " + exploration + " needs an off-policy loss (lv, tb, db, subtb); kl is on-policy");
        }
        positive("evalPaths", evalPaths);
        timeGrid(grid, 1.0, 1);
        if (replayEvery < 0) {
            throw new IllegalArgumentException("replayEvery = " + replayEvery + "; must be >= 0 (0: no replay)");
        }
        if ("kl".equals(loss) && replayEvery > 0) {
            throw new IllegalArgumentException("replayEvery = " + replayEvery + " needs an off-policy loss (lv, tb, db, subtb); kl is on-policy");
        }
        hutchinsonProbes(divergence);
        if (!(logZLrScale > 0) || !Double.isFinite(logZLrScale)) {
            throw new IllegalArgumentException("logZLrScale = " + logZLrScale + "; must be finite and > 0");
        }
        if (!"none".equals(divergence) && !"bridge".equals(sampler)) {
            throw new IllegalArgumentException("divergence = '" + divergence + "' applies to the bridge sampler only; "
                    + sampler + " needs divergence = none");
        }
    }

    /**
     * The number of Hutchinson probes of a {@code divergence} value: 0 for {@code none} and {@code exact},
     * {@code m} for {@code hutchinson:m} (1 for {@code hutchinson}).
     *
     * @throws IllegalArgumentException naming the allowed values otherwise
     */
    public static int hutchinsonProbes(String divergence) {
        String allowed = "; allowed: none, exact, hutchinson, hutchinson:m (m >= 1 probes)";
        if ("none".equals(divergence) || "exact".equals(divergence)) {
            return 0;
        }
        if ("hutchinson".equals(divergence)) {
            return 1;
        }
        if (divergence != null && divergence.startsWith("hutchinson:")) {
            try {
                int m = Integer.parseInt(divergence.substring("hutchinson:".length()));
                if (m >= 1) {
                    return m;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("divergence = '" + divergence + "'" + allowed);
    }

    /**
     * The grid named {@code kind} on {@code [0, T]} with {@code n} steps: {@code uniform}, {@code cosine} or
     * {@code power:κ}; for {@code jittered} the uniform grid the sampler is built and evaluated on (training draws
     * a fresh {@link org.girsanov.sde.TimeGrid#jittered} grid every iteration).
     */
    public static org.girsanov.sde.TimeGrid timeGrid(String kind, double horizon, int n) {
        if (kind == null || kind.equals("uniform") || kind.equals(JITTERED)) {
            return org.girsanov.sde.TimeGrid.uniform(horizon, n);
        }
        if (kind.equals("cosine")) {
            return org.girsanov.sde.TimeGrid.cosine(horizon, n);
        }
        if (kind.startsWith("power:")) {
            try {
                return org.girsanov.sde.TimeGrid.power(horizon, n, Double.parseDouble(kind.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("grid = '" + kind + "': κ is not a number; allowed: uniform, jittered, cosine, power:κ");
            }
        }
        throw new IllegalArgumentException("grid = '" + kind + "'; allowed: uniform, jittered, cosine, power:κ (e.g. power:2)");
    }

    /** The grid kind that trains on a fresh jittered grid every iteration. */
    public static final String JITTERED = "jittered";

    /** Whether training draws a fresh {@link org.girsanov.sde.TimeGrid#jittered} grid every iteration. */
    public boolean jitteredGrid() {
        return JITTERED.equals(grid);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " = " + v + "; must be >= 1");
        }
    }

    /** The CPU defaults for a (target, sampler, loss). */
    public static TrainingConfig defaults(String targetSpec, String sampler, String loss) {
        return new TrainingConfig(targetSpec, sampler, loss, 100, 512, 2000, 5e-3, 1e-4, 1.0, 0.99, 0, 2, 64,
                0, 0, 64, 2, true, 1.0, 100, 20000, 500);
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

    public TrainingConfig withGrid(String kind) {
        return toBuilder().grid(kind).build();
    }

    public TrainingConfig withReplayEvery(int every) {
        return toBuilder().replayEvery(every).build();
    }

    public TrainingConfig withDivergence(String form) {
        return toBuilder().divergence(form).build();
    }

    public TrainingConfig withLogZLrScale(double s) {
        return toBuilder().logZLrScale(s).build();
    }

    public TrainingConfig withExploration(double kappa) {
        return toBuilder().exploration(kappa).build();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some fields of a config; {@link #build()} validates. */
    public static final class Builder {
        private String targetSpec;
        private String sampler;
        private String loss;
        private int steps;
        private int batch;
        private int iterations;
        private double lr;
        private double lrFinal;
        private double clip;
        private double emaDecay;
        private long seed;
        private int threads;
        private int chunkSize;
        private double horizon;
        private double sigma;
        private int width;
        private int layers;
        private boolean langevin;
        private double exploration;
        private int evalEvery;
        private int evalPaths;
        private int checkpointEvery;
        private String grid;
        private int replayEvery;
        private String divergence;
        private double logZLrScale;

        private Builder(TrainingConfig c) {
            targetSpec = c.targetSpec;
            sampler = c.sampler;
            loss = c.loss;
            steps = c.steps;
            batch = c.batch;
            iterations = c.iterations;
            lr = c.lr;
            lrFinal = c.lrFinal;
            clip = c.clip;
            emaDecay = c.emaDecay;
            seed = c.seed;
            threads = c.threads;
            chunkSize = c.chunkSize;
            horizon = c.horizon;
            sigma = c.sigma;
            width = c.width;
            layers = c.layers;
            langevin = c.langevin;
            exploration = c.exploration;
            evalEvery = c.evalEvery;
            evalPaths = c.evalPaths;
            checkpointEvery = c.checkpointEvery;
            grid = c.grid;
            replayEvery = c.replayEvery;
            divergence = c.divergence;
            logZLrScale = c.logZLrScale;
        }

        public Builder steps(int v) { steps = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder iterations(int v) { iterations = v; return this; }
        public Builder lr(double v) { lr = v; return this; }
        public Builder lrFinal(double v) { lrFinal = v; return this; }
        public Builder clip(double v) { clip = v; return this; }
        public Builder emaDecay(double v) { emaDecay = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder chunkSize(int v) { chunkSize = v; return this; }
        public Builder horizon(double v) { horizon = v; return this; }
        public Builder sigma(double v) { sigma = v; return this; }
        public Builder width(int v) { width = v; return this; }
        public Builder layers(int v) { layers = v; return this; }
        public Builder langevin(boolean v) { langevin = v; return this; }
        public Builder exploration(double v) { exploration = v; return this; }
        public Builder evalEvery(int v) { evalEvery = v; return this; }
        public Builder evalPaths(int v) { evalPaths = v; return this; }
        public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }
        public Builder grid(String v) { grid = v; return this; }
        public Builder replayEvery(int v) { replayEvery = v; return this; }
        public Builder divergence(String v) { divergence = v; return this; }
        public Builder logZLrScale(double v) { logZLrScale = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(targetSpec, sampler, loss, steps, batch, iterations, lr, lrFinal, clip, emaDecay, seed,
                    threads, chunkSize, horizon, sigma, width, layers, langevin, exploration, evalEvery, evalPaths,
                    checkpointEvery, grid, replayEvery, divergence, logZLrScale);
        }
    }

    /** The config as ordered string key/values (for config.json and checkpoints). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", targetSpec);
        m.put("sampler", sampler);
        m.put("loss", loss);
        m.put("steps", Integer.toString(steps));
        m.put("batch", Integer.toString(batch));
        m.put("iterations", Integer.toString(iterations));
        m.put("lr", Double.toString(lr));
        m.put("lr_final", Double.toString(lrFinal));
        m.put("clip", Double.toString(clip));
        m.put("ema_decay", Double.toString(emaDecay));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        m.put("chunk_size", Integer.toString(chunkSize));
        m.put("horizon", Double.toString(horizon));
        m.put("sigma", Double.toString(sigma));
        m.put("width", Integer.toString(width));
        m.put("layers", Integer.toString(layers));
        m.put("langevin", Boolean.toString(langevin));
        m.put("exploration", Double.toString(exploration));
        m.put("eval_every", Integer.toString(evalEvery));
        m.put("eval_paths", Integer.toString(evalPaths));
        m.put("checkpoint_every", Integer.toString(checkpointEvery));
        m.put("grid", grid);
        m.put("replay_every", Integer.toString(replayEvery));
        m.put("divergence", divergence);
        m.put("logz_lr_scale", Double.toString(logZLrScale));
        return m;
    }

    /** The inverse of {@link #toMap()}; missing keys take the defaults of the (target, sampler, loss). */
    public static TrainingConfig fromMap(Map<String, String> m) {
        TrainingConfig d = defaults(req(m, "target"), req(m, "sampler"), req(m, "loss"));
        return new TrainingConfig(d.targetSpec, d.sampler, d.loss,
                i(m, "steps", d.steps), i(m, "batch", d.batch), i(m, "iterations", d.iterations),
                x(m, "lr", d.lr), x(m, "lr_final", d.lrFinal), x(m, "clip", d.clip), x(m, "ema_decay", d.emaDecay),
                Long.parseLong(m.getOrDefault("seed", Long.toString(d.seed))), i(m, "threads", d.threads),
                i(m, "chunk_size", d.chunkSize), x(m, "horizon", d.horizon), x(m, "sigma", d.sigma),
                i(m, "width", d.width), i(m, "layers", d.layers),
                Boolean.parseBoolean(m.getOrDefault("langevin", Boolean.toString(d.langevin))),
                x(m, "exploration", d.exploration), i(m, "eval_every", d.evalEvery), i(m, "eval_paths", d.evalPaths),
                i(m, "checkpoint_every", d.checkpointEvery), m.getOrDefault("grid", "uniform"),
                i(m, "replay_every", d.replayEvery), m.getOrDefault("divergence", "none"),
                x(m, "logz_lr_scale", d.logZLrScale));
    }

    private static String req(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException("config: missing key '" + k + "'");
        }
        return v;
    }

    private static int i(Map<String, String> m, String k, int def) {
        String v = m.get(k);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config: " + k + " = '" + v + "' is not an integer");
        }
    }

    private static double x(Map<String, String> m, String k, double def) {
        String v = m.get(k);
        try {
            return v == null ? def : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config: " + k + " = '" + v + "' is not a number");
        }
    }
}
