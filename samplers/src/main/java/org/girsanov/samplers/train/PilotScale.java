package org.girsanov.samplers.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.girsanov.samplers.targets.StandardisedTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;

/**
 * The scale {@code s} of the prior {@code N(0, s² I)} the {@link SamplerKind#annealed() annealed} kinds start from,
 * when the config asks for it ({@code priorStd = PILOT}, {@code --prior-std pilot}): the root mean square of the
 * coordinate standard deviations of a pilot run,
 * <pre>
 *   s² = (1/d) Σ_j Var̂(x_j),   x ~ the kept cold-chain samples of {@link LrdsReference#pilotChains},
 * </pre>
 * the same parallel tempering LRDS builds its reference from, on the same stream of the run's seed (so both read the
 * same chains, and a resumed run rebuilds the same {@code s} bitwise). An annealing path
 * {@code π_β ∝ p_prior^{1−β} ρ^β} from a prior much narrower than the target never carries mass to the outer modes:
 * at the protocol, CMCD, MCD and NETS from {@code N(0, I)} on gmm9 (coordinate std 4.1) put everything on the central
 * mode, and from the pilot's {@code s = 4.1} reach all nine. It is not the default: on Many-Well d = 5 the pilot's
 * {@code s = 2.0} left CMCD's weights degenerate (ESS 0.61 at {@code s = 1}, 0.000 at 2.0) and on funnel10 CMCD diverged
 * (BENCHMARKS.md, "The annealed families at the CPU protocol"). The estimate uses target evaluations only — never the
 * target's name or its known moments — and they count on {@code target} (pass the trainer's counting target): they are
 * part of the sampler's cost. The same pilot gives the standardised coordinates of {@link #standardised}.
 */
public final class PilotScale {
    private PilotScale() {
    }

    /** {@code s} of {@code target} from the pilot of {@code seed} (stream {@code (seed; 0, 0, LrdsReference.STREAM)}). */
    public static double estimate(Target target, long seed) {
        return rmsStd(pilot(target, seed));
    }

    /**
     * {@code target} in the standardised coordinates of the same pilot ({@code --standardise}; {@link StandardisedTarget}:
     * {@code log Z} and the weights are unchanged): {@code m} the pilot samples' mean, and {@code L} for
     * {@link Standardisation#PILOT} the diagonal of their (unbiased) per-coordinate stds, for
     * {@link Standardisation#PILOT_COVARIANCE} the Cholesky factor of their (unbiased) covariance — so the sampler meets
     * a centred target of unit scale, and with the covariance one whose correlations the pilot saw are gone. On the
     * posteriors of real data the scales differ from 1 and from each other (the Brownian-motion model: states of
     * posterior std 0.07–0.21 beside log-scales of std 0.34–0.47; German Credit: 0.08–0.14; docs/targets-and-metrics.md);
     * the unit-scale priors, {@code σ} and exploration of the protocol meet such a target at the scale they were made
     * for only after this map. Target evaluations only, counted.
     *
     * @throws IllegalStateException when the pilot did not move (a std of 0) or its covariance is not positive definite
     */
    public static StandardisedTarget standardised(Target target, long seed, Standardisation how) {
        if (how == Standardisation.NONE) {
            throw new IllegalArgumentException("PilotScale.standardised: standardise = none asks for no map");
        }
        DMatrixRMaj x = pilot(target, seed);
        int d = x.numCols;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = columnMean(x, j);
            std[j] = Math.sqrt(columnVariance(x, j, mean[j]));
            if (!(std[j] > 0) || !Double.isFinite(std[j])) {
                throw new IllegalStateException("PilotScale: the pilot samples give coordinate " + j + " a std of "
                        + std[j] + " (the chains did not move); train with --standardise none");
            }
        }
        if (how == Standardisation.PILOT) {
            return new StandardisedTarget(target, mean, std);
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        for (int i = 0; i < x.numRows; i++) {
            for (int a = 0; a < d; a++) {
                double ra = x.data[i * d + a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov.data[a * d + b] += ra * (x.data[i * d + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov.data[a * d + b] /= x.numRows - 1;
                cov.data[b * d + a] = cov.data[a * d + b];
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        if (!chol.decompose(cov)) {
            throw new IllegalStateException("PilotScale: the covariance of the " + x.numRows + " pilot samples is not"
                    + " positive definite (d = " + d + "); train with --standardise pilot (per coordinate)");
        }
        return new StandardisedTarget(target, mean, chol.getT(null));
    }

    private static DMatrixRMaj pilot(Target target, long seed) {
        return LrdsReference.pilotChains(target, new RandomStreams(seed).stream(0, 0, LrdsReference.STREAM)).samples();
    }

    /** {@code sqrt((1/d) Σ_j Var̂_j)} of the rows of {@code x} ({@code n × d}, {@code n ≥ 2}; unbiased variances). */
    static double rmsStd(DMatrixRMaj x) {
        int n = x.numRows;
        int d = x.numCols;
        if (n < 2) {
            throw new IllegalArgumentException("PilotScale: " + n + " pilot samples; need at least 2");
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += columnVariance(x, j, columnMean(x, j));
        }
        double s = Math.sqrt(total / d);
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalStateException("PilotScale: the pilot samples give a prior std of " + s
                    + " (the chains did not move); give the prior std explicitly");
        }
        return s;
    }

    private static double columnMean(DMatrixRMaj x, int j) {
        double mean = 0;
        for (int i = 0; i < x.numRows; i++) {
            mean += x.data[i * x.numCols + j];
        }
        return mean / x.numRows;
    }

    /** The unbiased variance of column {@code j} about {@code mean}. */
    private static double columnVariance(DMatrixRMaj x, int j, double mean) {
        double ss = 0;
        for (int i = 0; i < x.numRows; i++) {
            double r = x.data[i * x.numCols + j] - mean;
            ss += r * r;
        }
        return ss / (x.numRows - 1);
    }

    /**
     * {@code s} of config {@code c} on {@code target}: the config's prior std if set, {@link #estimate} for
     * {@link TrainingConfig.Discretisation#PILOT}, else the default {@value TrainingConfig.Discretisation#DEFAULT_PRIOR_STD}.
     */
    static double priorStd(TrainingConfig c, Target target) {
        double s = c.time().priorStd();
        if (s == TrainingConfig.Discretisation.PILOT) {
            return estimate(target, c.run().seed());
        }
        return s > 0 ? s : TrainingConfig.Discretisation.DEFAULT_PRIOR_STD;
    }
}
