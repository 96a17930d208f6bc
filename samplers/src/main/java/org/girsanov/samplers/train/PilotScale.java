package org.girsanov.samplers.train;

import org.ejml.data.DMatrixRMaj;
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
 * part of the sampler's cost.
 */
public final class PilotScale {
    private PilotScale() {
    }

    /** {@code s} of {@code target} from the pilot of {@code seed} (stream {@code (seed; 0, 0, LrdsReference.STREAM)}). */
    public static double estimate(Target target, long seed) {
        DMatrixRMaj x = LrdsReference.pilotChains(target, new RandomStreams(seed).stream(0, 0, LrdsReference.STREAM))
                .samples();
        return rmsStd(x);
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
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x.data[i * d + j];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double r = x.data[i * d + j] - mean;
                ss += r * r;
            }
            total += ss / (n - 1);
        }
        double s = Math.sqrt(total / d);
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalStateException("PilotScale: the pilot samples give a prior std of " + s
                    + " (the chains did not move); give the prior std explicitly");
        }
        return s;
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
