package org.girsanov.samplers.reference;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.targets.Target;

/**
 * Importance sampling of {@code Z = ∫ ρ} (Geweke, Econometrica 57, 1989; Robert &amp; Casella, Monte Carlo
 * Statistical Methods, 2nd ed., §3.3) from a proposal q ({@link MultivariateT} around the mode):
 * <pre>
 *   Ẑ = (1/n) Σ_i w_i,   w_i = ρ(x_i)/q(x_i),   x_i ~ q;      se(log Ẑ) = sd(w) / (√n · w̄),
 * </pre>
 * ({@link LogZEstimate#logMeanAndError}); the normalised ESS {@code (Σ w)²/(n Σ w²)} says how close
 * q is to the target.
 */
public final class ImportanceSamplingEvidence {
    private static final int BATCH = 4096;
    private final int draws;

    public ImportanceSamplingEvidence(int draws) {
        if (draws < 2) {
            throw new IllegalArgumentException("importance sampling: draws = " + draws + "; must be >= 2");
        }
        this.draws = draws;
    }

    /** The estimate from {@code draws} independent proposals. */
    public LogZEstimate estimate(Target target, MultivariateT proposal, UniformRandomProvider rng, String label) {
        double[] logW = new double[draws];
        for (int from = 0; from < draws; from += BATCH) {
            int n = Math.min(BATCH, draws - from);
            DMatrixRMaj x = proposal.sample(n, rng);
            Tape t = Tape.noGrad();
            double[] lp = target.logDensity(t, t.constant(x)).value().data;
            double[] lq = proposal.logDensity(x);
            for (int i = 0; i < n; i++) {
                logW[from + i] = lp[i] - lq[i];
            }
        }
        double[] z = LogZEstimate.logMeanAndError(logW);
        double ess = LogWeights.effectiveSampleSize(logW);
        return new LogZEstimate(z[0], z[1], String.format(java.util.Locale.ROOT,
                "importance sampling, multivariate t%d at the Laplace approximation, %d draws, ESS %.3f%s",
                proposal.degreesOfFreedom(), draws, ess, label.isEmpty() ? "" : ", " + label));
    }
}
