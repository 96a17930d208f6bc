package org.girsanov.samplers.families;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;

/** Small shared fixtures of the sampler tests. */
public final class TestPaths {
    public static final double SIGMA = Math.sqrt(0.2);
    public static final double HORIZON = 5.0;

    private TestPaths() {
    }

    /** {@code Z · N(m, s² I)} with a non-trivial mean and {@code log Z}. */
    public static GaussianTarget gaussian(double[] mean, double variance, double logZ) {
        return GaussianTarget.isotropic("gauss", mean, variance, logZ);
    }

    /** PIS (σ = √0.2, T = 5) with the Föllmer control of {@code target}. */
    public static Pis optimalPis(GaussianTarget target, double variance, double logZ, int steps) {
        return new Pis(target, TimeGrid.uniform(HORIZON, steps),
                new FollmerControl(target.mean(), variance, logZ, SIGMA, HORIZON), SIGMA);
    }

    /** {@code k} detached forward (or backward from {@code terminal}) paths, one thread. */
    public static PathBatch paths(Sampler model, int k, DMatrixRMaj terminal, long seed) {
        try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
            Behaviour b = terminal == null ? Behaviour.onPolicy() : Behaviour.backwardFrom(terminal);
            return PathBatch.simulate(model, k, b, terminal, new RandomStreams(seed), 0, 3, 256, ex);
        }
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    public static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
