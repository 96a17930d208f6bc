package org.girsanov.samplers.mcmc;

import java.util.Arrays;

/**
 * Robbins–Monro adaptation of step sizes towards a target acceptance probability (Andrieu &amp; Thoms,
 * "A tutorial on adaptive MCMC", Stat. Comput. 2008, §4.2 / §5):
 * <pre>
 *   log ε_{t+1} = log ε_t + γ_t (α_t − α*),     γ_t = (t + 1)^{−0.6},
 * </pre>
 * where {@code α_t} is the Metropolis–Hastings acceptance probability {@code min(1, ratio)} of the last
 * step. {@code α* = 0.574} is optimal for MALA (Roberts &amp; Rosenthal 1998), ≈ 0.65 for HMC. Per chain
 * (each row its own ε) or global (one ε from the mean acceptance). Use only during warm-up: an
 * adapted kernel is not Markov.
 */
public final class StepSizeAdapter {
    private final double[] logEps;
    private final double targetAcceptance;
    private final boolean perChain;
    private int t;

    public StepSizeAdapter(int chains, double initialStepSize, double targetAcceptance, boolean perChain) {
        if (!(initialStepSize > 0) || !Double.isFinite(initialStepSize)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + initialStepSize);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("target acceptance must be in (0, 1), got " + targetAcceptance);
        }
        this.logEps = new double[chains];
        Arrays.fill(logEps, Math.log(initialStepSize));
        this.targetAcceptance = targetAcceptance;
        this.perChain = perChain;
    }

    /** One Robbins–Monro update from the acceptance probabilities of the last step. */
    public void update(double[] acceptProbability) {
        double gamma = Math.pow(t + 1.0, -0.6);
        t++;
        if (perChain) {
            for (int i = 0; i < logEps.length; i++) {
                logEps[i] += gamma * (acceptProbability[i] - targetAcceptance);
            }
        } else {
            double mean = 0;
            for (double a : acceptProbability) {
                mean += a;
            }
            mean /= acceptProbability.length;
            for (int i = 0; i < logEps.length; i++) {
                logEps[i] += gamma * (mean - targetAcceptance);
            }
        }
    }

    /** The current step sizes (one per chain). */
    public double[] stepSizes() {
        double[] e = new double[logEps.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.exp(logEps[i]);
        }
        return e;
    }
}
