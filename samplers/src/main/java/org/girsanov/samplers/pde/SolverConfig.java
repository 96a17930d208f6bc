package org.girsanov.samplers.pde;

/**
 * The settings of a {@link KolmogorovSolver} run.
 *
 * @param loss       which regression ({@link KolmogorovLoss})
 * @param steps      Euler–Maruyama steps {@code N} over {@code [0, T]}
 * @param batch      paths per gradient step {@code m}
 * @param chunk      paths per chunk (each chunk has its own random stream; DESIGN invariant 6)
 * @param iterations Adam steps
 * @param lr         initial learning rate
 * @param lrFinal    final learning rate (exponential decay from {@code lr}; equal: constant)
 * @param width      hidden width of the network
 * @param layers     hidden layers of the network
 * @param seed       root seed of every random stream
 * @param threads    worker threads (the result does not depend on it)
 */
public record SolverConfig(KolmogorovLoss loss, int steps, int batch, int chunk, int iterations, double lr, double lrFinal,
                           int width, int layers, long seed, int threads) {

    public SolverConfig {
        if (loss == null) {
            throw new IllegalArgumentException("SolverConfig: loss must not be null");
        }
        positive("steps", steps);
        positive("batch", batch);
        positive("chunk", chunk);
        positive("iterations", iterations);
        positive("width", width);
        positive("layers", layers);
        positive("threads", threads);
        if (!(lr > 0) || !(lrFinal > 0) || !Double.isFinite(lr) || !Double.isFinite(lrFinal)) {
            throw new IllegalArgumentException("SolverConfig: lr = " + lr + ", lrFinal = " + lrFinal + "; both must be finite and > 0");
        }
    }

    /** {@code loss} with 20 steps, batches of 256 in chunks of 256, 2000 iterations, lr 1e-2 → 1e-4, 2 × 64 GELU, one thread. */
    public static SolverConfig defaults(KolmogorovLoss loss) {
        return new SolverConfig(loss, 20, 256, 256, 2000, 1e-2, 1e-4, 64, 2, 1, 1);
    }

    /** This config with another number of iterations. */
    public SolverConfig withIterations(int n) {
        return new SolverConfig(loss, steps, batch, chunk, n, lr, lrFinal, width, layers, seed, threads);
    }

    /** This config with another loss. */
    public SolverConfig withLoss(KolmogorovLoss l) {
        return new SolverConfig(l, steps, batch, chunk, iterations, lr, lrFinal, width, layers, seed, threads);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("SolverConfig: " + name + " = " + v + "; must be >= 1");
        }
    }
}
