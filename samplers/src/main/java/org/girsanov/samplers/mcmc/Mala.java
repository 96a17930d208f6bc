package org.girsanov.samplers.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * The Metropolis-adjusted Langevin algorithm (Roberts &amp; Tweedie, Bernoulli 1996): the ULA proposal
 * {@code y = x + ε∇log π(x) + √(2ε) ξ}, i.e. {@code q(y|x) = N(y; x + ε∇log π(x), 2ε I)}, accepted with
 * <pre>
 *   α = min(1, π(y) q(x|y) / (π(x) q(y|x))),    log q(y|x) = −|y − x − ε∇log π(x)|² / (4ε) + const.
 * </pre>
 * Leaves {@code π} invariant for any ε; the optimal acceptance is ≈ 0.574 (Roberts &amp; Rosenthal,
 * JRSS-B 1998), the default target of step-size adaptation.
 */
public final class Mala implements McmcKernel {
    /** The asymptotically optimal acceptance rate of MALA. */
    public static final double OPTIMAL_ACCEPTANCE = 0.574;

    @Override
    public ChainState step(TemperedDensity density, ChainState state, double[] beta, double[] stepSize,
                           UniformRandomProvider rng, double[] acceptProbability) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x = state.points();
        DMatrixRMaj gx = state.score(beta);
        int n = x.numRows;
        int d = x.numCols;
        DMatrixRMaj y = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double e = stepSize[i];
            double s = Math.sqrt(2 * e);
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                y.data[k] = x.data[k] + e * gx.data[k] + s * g.sample();
            }
        }
        ChainState proposal = density.evaluateProposal(y);
        DMatrixRMaj gy = proposal.score(beta);
        boolean[] accept = new boolean[n];
        for (int i = 0; i < n; i++) {
            double e = stepSize[i];
            double fwd = 0;
            double bwd = 0;
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                double a = y.data[k] - x.data[k] - e * gx.data[k];
                double b = x.data[k] - y.data[k] - e * gy.data[k];
                fwd += a * a;
                bwd += b * b;
            }
            double logAlpha = proposal.logDensity(i, beta[i]) - state.logDensity(i, beta[i]) - (bwd - fwd) / (4 * e);
            acceptProbability[i] = Double.isNaN(logAlpha) ? 0.0 : Math.exp(Math.min(0.0, logAlpha));
            accept[i] = rng.nextDouble() < acceptProbability[i];
        }
        return state.merge(proposal, accept);
    }

    @Override
    public boolean adjusted() {
        return true;
    }

    @Override
    public double targetAcceptance() {
        return OPTIMAL_ACCEPTANCE;
    }

    @Override
    public String name() {
        return "MALA";
    }
}
