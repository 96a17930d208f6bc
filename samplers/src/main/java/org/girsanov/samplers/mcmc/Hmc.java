package org.girsanov.samplers.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Hamiltonian Monte Carlo (Duane et al. 1987; Neal, "MCMC using Hamiltonian dynamics", 2011) with unit
 * mass: momentum {@code p ~ N(0, I)}, {@code L} leapfrog steps of size ε for
 * {@code H(x, p) = −log π(x) + ½|p|²},
 * <pre>
 *   p ← p + (ε/2)∇log π(x);  repeat L times { x ← x + ε p;  p ← p + ε∇log π(x) }  (last kick halved),
 * </pre>
 * then accept with {@code α = min(1, exp(H(x, p) − H(x', p')))}. Costs {@code L} score evaluations and one
 * log-density evaluation per step. Step sizes are adapted towards acceptance 0.65 (Beskos et al.,
 * Bernoulli 2013) by default.
 */
public final class Hmc implements McmcKernel {
    private final int leapfrogSteps;
    private final double targetAcceptance;

    public Hmc(int leapfrogSteps) {
        this(leapfrogSteps, 0.65);
    }

    public Hmc(int leapfrogSteps, double targetAcceptance) {
        if (leapfrogSteps < 1) {
            throw new IllegalArgumentException("HMC: leapfrog steps must be at least 1, got " + leapfrogSteps);
        }
        this.leapfrogSteps = leapfrogSteps;
        this.targetAcceptance = targetAcceptance;
    }

    public int leapfrogSteps() {
        return leapfrogSteps;
    }

    @Override
    public ChainState step(TemperedDensity density, ChainState state, double[] beta, double[] stepSize,
                           UniformRandomProvider rng, double[] acceptProbability) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x0 = state.points();
        int n = x0.numRows;
        int d = x0.numCols;
        DMatrixRMaj p = new DMatrixRMaj(n, d);
        double[] kinetic0 = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = g.sample();
                p.data[i * d + j] = v;
                kinetic0[i] += 0.5 * v * v;
            }
        }
        DMatrixRMaj x = x0.copy();
        kick(p, state.score(beta), stepSize, 0.5);
        ChainState end = null;
        for (int l = 1; l <= leapfrogSteps; l++) {
            drift(x, p, stepSize);
            if (l < leapfrogSteps) {
                kick(p, density.score(x, beta), stepSize, 1.0);
            } else {
                end = density.evaluateProposal(x.copy());
                kick(p, end.score(beta), stepSize, 0.5);
            }
        }
        boolean[] accept = new boolean[n];
        for (int i = 0; i < n; i++) {
            double kinetic = 0;
            for (int j = 0; j < d; j++) {
                double v = p.data[i * d + j];
                kinetic += 0.5 * v * v;
            }
            double logAlpha = end.logDensity(i, beta[i]) - kinetic - state.logDensity(i, beta[i]) + kinetic0[i];
            acceptProbability[i] = Double.isNaN(logAlpha) ? 0.0 : Math.exp(Math.min(0.0, logAlpha));
            accept[i] = rng.nextDouble() < acceptProbability[i];
        }
        return state.merge(end, accept);
    }

    private static void kick(DMatrixRMaj p, DMatrixRMaj score, double[] eps, double fraction) {
        int d = p.numCols;
        for (int i = 0; i < p.numRows; i++) {
            double e = fraction * eps[i];
            for (int j = 0; j < d; j++) {
                p.data[i * d + j] += e * score.data[i * d + j];
            }
        }
    }

    private static void drift(DMatrixRMaj x, DMatrixRMaj p, double[] eps) {
        int d = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < d; j++) {
                x.data[i * d + j] += eps[i] * p.data[i * d + j];
            }
        }
    }

    @Override
    public boolean adjusted() {
        return true;
    }

    @Override
    public double targetAcceptance() {
        return targetAcceptance;
    }

    @Override
    public String name() {
        return "HMC(L=" + leapfrogSteps + ")";
    }
}
