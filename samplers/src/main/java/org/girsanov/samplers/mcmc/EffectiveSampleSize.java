package org.girsanov.samplers.mcmc;

/**
 * The effective sample size of one scalar quantity from several chains (Gelman et al., Bayesian Data Analysis,
 * 3rd ed., §11.5; the estimator of Stan, with Geyer's initial monotone sequence, Geyer, "Practical Markov chain
 * Monte Carlo", Stat. Sci. 7, 1992): on the split chains of {@link SplitRhat} ({@code M} chains of length
 * {@code L}), with {@code γ_{c,t}} the lag-t autocovariance of chain c (divisor L) and {@code W}, {@code var⁺} as
 * there,
 * <pre>
 *   ρ̂_t = 1 − (W − (1/M) Σ_c γ_{c,t}) / var⁺,
 *   P_k = ρ̂_{2k} + ρ̂_{2k+1}, summed while positive and made non-increasing,
 *   τ̂ = −1 + 2 Σ_k P_k,        ESS = M L / max(τ̂, 1/log₁₀(M L)),
 * </pre>
 * the last bound (Stan's) capping ESS at {@code M L log₁₀(M L)} for antithetic chains.
 * For independent draws {@code ESS ≈ M L}; for an AR(1) chain with coefficient φ, {@code ESS ≈ M L (1 − φ)/(1 + φ)}.
 */
public final class EffectiveSampleSize {
    private EffectiveSampleSize() {
    }

    /** The ESS of {@code chains[c][t]} (m ≥ 1 chains of equal length n ≥ 4). */
    public static double of(double[][] chains) {
        SplitRhat.Moments s = SplitRhat.Moments.of(chains);
        double[][] split = s.split();
        double[] means = s.means();
        double w = s.within();
        double varPlus = s.varPlus();
        int m = split.length;
        int l = split[0].length;
        if (!(varPlus > 0)) {
            return m * (double) l;
        }
        double tau = -1;
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 0; 2 * k + 1 < l; k++) {
            double p = rho(split, means, w, varPlus, 2 * k) + rho(split, means, w, varPlus, 2 * k + 1);
            if (!(p > 0)) {
                break;
            }
            p = Math.min(p, previous);
            previous = p;
            tau += 2 * p;
        }
        double draws = m * (double) l;
        return draws / Math.max(tau, 1.0 / Math.log10(Math.max(draws, 10)));
    }

    private static double rho(double[][] split, double[] means, double w, double varPlus, int lag) {
        int m = split.length;
        int l = split[0].length;
        double acov = 0;
        for (int c = 0; c < m; c++) {
            double[] x = split[c];
            double s = 0;
            for (int t = 0; t + lag < l; t++) {
                s += (x[t] - means[c]) * (x[t + lag] - means[c]);
            }
            acov += s / l / m;
        }
        return 1 - (w - acov) / varPlus;
    }
}
