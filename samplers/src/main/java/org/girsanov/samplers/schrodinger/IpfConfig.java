package org.girsanov.samplers.schrodinger;

import java.util.function.Consumer;

/**
 * The settings of {@link SchrodingerIpf}, with one source of defaults ({@link #defaults()}).
 *
 * @param steps grid steps {@code N} on {@code [0, 1]}
 * @param sigma the reference's {@code σ} ({@code dX = σ dW}, or {@code dX = −αX dt + σ dW})
 * @param rounds IPF rounds; each fits the backward, then the forward half-bridge
 * @param iterations Adam steps per half-bridge
 * @param batch paths per step
 * @param lr Adam's learning rate
 * @param width hidden width of both drift networks ({@link org.girsanov.samplers.control.FourierMlp})
 * @param layers hidden layers of both networks
 * @param seed the seed of every random stream (initial weights, paths)
 * @param threads worker threads (the numbers do not depend on it)
 * @param chunk paths per chunk of a batch (the unit of the thread pool)
 * @param learnedVariance whether each step's kernel variance is learned (a log-offset per step and direction from
 *     {@code σ²Δt}) or fixed at {@code σ²Δt} ({@link SchrodingerIpf} says why it is learned by default)
 * @param exploration {@code κ ≥ 1}: with a density end, the forward paths of the conditional log-variance are drawn with
 *     the kernels' standard deviation times {@code κ} (a variance-inflated behaviour; the loss's minimiser does not
 *     depend on it, the modes it reaches do). 1: on-policy
 * @param alpha the reference's rate: {@code dX = −α X dt + σ dW}, the Ornstein–Uhlenbeck reference (its transitions
 *     exact on the grid); 0 (the default): {@code dX = σ dW}
 * @param reciprocalProjection whether each maximum-likelihood half-bridge is fitted on the reciprocal projection of
 *     the other process's paths (their end points kept, the interior redrawn from the reference's pinned process:
 *     iterative Markovian fitting, {@link ReciprocalProjection}) instead of on the paths themselves (IPF, the default)
 */
public record IpfConfig(int steps, double sigma, int rounds, int iterations, int batch, double lr, int width, int layers,
        long seed, int threads, int chunk, boolean learnedVariance, double exploration, double alpha,
        boolean reciprocalProjection) {

    public IpfConfig {
        positive("steps", steps);
        positive("rounds", rounds);
        positive("iterations", iterations);
        positive("batch", batch);
        positive("width", width);
        positive("threads", threads);
        positive("chunk", chunk);
        if (layers < 0) {
            throw new IllegalArgumentException("IpfConfig: layers = " + layers + "; need layers >= 0");
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("IpfConfig: sigma = " + sigma + "; need a finite sigma > 0");
        }
        if (!(exploration >= 1) || Double.isInfinite(exploration)) {
            throw new IllegalArgumentException("IpfConfig: exploration = " + exploration + "; need a finite exploration >= 1");
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("IpfConfig: alpha = " + alpha + "; need a finite rate (0: dX = sigma dW)");
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("IpfConfig: lr = " + lr + "; need a finite lr > 0");
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("IpfConfig: " + name + " = " + v + "; need " + name + " >= 1");
        }
    }

    /**
     * 50 steps, σ = 1, 6 rounds of 1 000 iterations, batch 256, lr 10⁻³, width 64, 2 layers, seed 0, 1 thread, learned
     * variances, on-policy (κ = 1), the reference {@code dX = σ dW} (α = 0), IPF (no reciprocal projection).
     */
    public static IpfConfig defaults() {
        return new IpfConfig(50, 1.0, 6, 1000, 256, 1e-3, 64, 2, 0, 1, 256, true, 1.0, 0.0, false);
    }

    public IpfConfig withSteps(int v) {
        return with(d -> d.steps = v);
    }

    public IpfConfig withSigma(double v) {
        return with(d -> d.sigma = v);
    }

    public IpfConfig withRounds(int v) {
        return with(d -> d.rounds = v);
    }

    public IpfConfig withIterations(int v) {
        return with(d -> d.iterations = v);
    }

    public IpfConfig withBatch(int v) {
        return with(d -> d.batch = v);
    }

    public IpfConfig withLr(double v) {
        return with(d -> d.lr = v);
    }

    public IpfConfig withNetwork(int w, int l) {
        return with(d -> {
            d.width = w;
            d.layers = l;
        });
    }

    public IpfConfig withSeed(long v) {
        return with(d -> d.seed = v);
    }

    public IpfConfig withThreads(int v) {
        return with(d -> d.threads = v);
    }

    public IpfConfig withLearnedVariance(boolean v) {
        return with(d -> d.learnedVariance = v);
    }

    public IpfConfig withExploration(double v) {
        return with(d -> d.exploration = v);
    }

    /** The Ornstein–Uhlenbeck reference {@code dX = −v X dt + σ dW} (0: {@code dX = σ dW}). */
    public IpfConfig withAlpha(double v) {
        return with(d -> d.alpha = v);
    }

    /** Iterative Markovian fitting if {@code v} (the half-bridges fitted on reciprocal projections), else IPF. */
    public IpfConfig withReciprocalProjection(boolean v) {
        return with(d -> d.reciprocalProjection = v);
    }

    public IpfConfig withChunk(int v) {
        return with(d -> d.chunk = v);
    }

    /** This configuration with {@code change} applied to a mutable copy of its components, validated once. */
    private IpfConfig with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The components as fields, for {@link #with}: the one place besides the record header that lists them all. */
    private static final class Draft {
        int steps;
        double sigma;
        int rounds;
        int iterations;
        int batch;
        double lr;
        int width;
        int layers;
        long seed;
        int threads;
        int chunk;
        boolean learnedVariance;
        double exploration;
        double alpha;
        boolean reciprocalProjection;

        Draft(IpfConfig c) {
            steps = c.steps;
            sigma = c.sigma;
            rounds = c.rounds;
            iterations = c.iterations;
            batch = c.batch;
            lr = c.lr;
            width = c.width;
            layers = c.layers;
            seed = c.seed;
            threads = c.threads;
            chunk = c.chunk;
            learnedVariance = c.learnedVariance;
            exploration = c.exploration;
            alpha = c.alpha;
            reciprocalProjection = c.reciprocalProjection;
        }

        IpfConfig build() {
            return new IpfConfig(steps, sigma, rounds, iterations, batch, lr, width, layers, seed, threads, chunk,
                    learnedVariance, exploration, alpha, reciprocalProjection);
        }
    }
}
