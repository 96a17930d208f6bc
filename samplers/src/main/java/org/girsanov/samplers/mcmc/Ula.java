package org.girsanov.samplers.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * The unadjusted Langevin algorithm (docs/math.md §6; Roberts &amp; Tweedie, Bernoulli 1996): the Euler–Maruyama step
 * of {@code dX = ∇log π(X) dt + √2 dW},
 * <pre>
 *   x' = x + ε ∇log π(x) + √(2ε) ξ,   ξ ~ N(0, I).
 * </pre>
 * No accept/reject, so its stationary law is {@code π} only up to {@code O(ε)} bias. A non-finite
 * log-density after a step is an error naming the target and the point (the chain has diverged).
 */
public final class Ula implements McmcKernel {

    @Override
    public ChainState step(TemperedDensity density, ChainState state, double[] beta, double[] stepSize,
                           UniformRandomProvider rng, double[] acceptProbability) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x = state.points();
        DMatrixRMaj score = state.score(beta);
        int d = x.numCols;
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, d);
        for (int i = 0; i < x.numRows; i++) {
            double e = stepSize[i];
            double s = Math.sqrt(2 * e);
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                y.data[k] = x.data[k] + e * score.data[k] + s * g.sample();
            }
            acceptProbability[i] = 1.0;
        }
        return density.evaluate(y);
    }

    @Override
    public boolean adjusted() {
        return false;
    }

    @Override
    public double targetAcceptance() {
        return 1.0;
    }

    @Override
    public String name() {
        return "ULA";
    }
}
