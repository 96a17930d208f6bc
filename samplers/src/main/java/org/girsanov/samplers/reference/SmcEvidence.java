package org.girsanov.samplers.reference;

import org.girsanov.samplers.annealed.AnnealedResult;
import org.girsanov.samplers.annealed.BetaSchedule;
import org.girsanov.samplers.annealed.Smc;
import org.girsanov.samplers.mcmc.Hmc;
import org.girsanov.sde.RandomStreams;
import org.girsanov.samplers.targets.Target;

/**
 * {@code log Z} from R independent runs of the library's {@link Smc} (Del Moral, Doucet &amp; Jasra, JRSS-B 2006)
 * on the geometric path from {@code N(0, σ² I)} to the target, each with HMC moves
 * ({@link Hmc}), resampling at normalised ESS 0.5 and the schedule {@code β_k = (k/K)^4}: each run's
 * {@code Ẑ_r} is unbiased for Z, so {@code Ẑ = (1/R) Σ_r Ẑ_r} with the standard error of
 * {@link LogZEstimate#logMeanAndError}. For a posterior with prior {@code N(0, σ² I)} the path is
 * likelihood tempering, and nothing is shared with the importance-sampling estimate (no mode, no Hessian).
 */
public final class SmcEvidence {
    private final int particles;
    private final int levels;
    private final int runs;
    private final int leapfrogSteps;
    private final int stepsPerLevel;

    /**
     * @param particles     particles per run
     * @param levels        K, the number of annealing levels
     * @param runs          R ≥ 2 independent runs
     * @param leapfrogSteps HMC leapfrog steps per move
     * @param stepsPerLevel HMC moves per level
     */
    public SmcEvidence(int particles, int levels, int runs, int leapfrogSteps, int stepsPerLevel) {
        if (particles < 2 || levels < 1 || runs < 2 || leapfrogSteps < 1 || stepsPerLevel < 1) {
            throw new IllegalArgumentException("SMC evidence: need particles >= 2, levels >= 1, runs >= 2, leapfrog >= 1,"
                    + " steps per level >= 1; got " + particles + ", " + levels + ", " + runs + ", " + leapfrogSteps + ", "
                    + stepsPerLevel);
        }
        this.particles = particles;
        this.levels = levels;
        this.runs = runs;
        this.leapfrogSteps = leapfrogSteps;
        this.stepsPerLevel = stepsPerLevel;
    }

    /** The runs' estimates {@code log Ẑ_r}, run r on stream {@code (seed, r)}. */
    public double[] runs(Target target, double priorSigma, long seed) {
        Smc smc = new Smc(new Hmc(leapfrogSteps), priorSigma, BetaSchedule.power(levels, 4.0), stepsPerLevel, 0.05, 0.5);
        double[] out = new double[runs];
        RandomStreams streams = new RandomStreams(seed);
        for (int r = 0; r < runs; r++) {
            AnnealedResult res = smc.run(target, particles, streams.stream(r, 0, 31));
            out[r] = res.logZ();
        }
        return out;
    }

    /** The combined estimate of {@link #runs}. */
    public LogZEstimate estimate(Target target, double priorSigma, long seed) {
        double[] l = runs(target, priorSigma, seed);
        double[] z = LogZEstimate.logMeanAndError(l);
        return new LogZEstimate(z[0], z[1], String.format(java.util.Locale.ROOT,
                "SMC from N(0, %s² I), %d runs × %d particles, %d levels β = (k/K)^4, %d × HMC(L=%d) per level, seed %d",
                priorSigma, runs, particles, levels, stepsPerLevel, leapfrogSteps, seed));
    }
}
