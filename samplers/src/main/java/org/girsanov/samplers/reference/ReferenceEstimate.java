package org.girsanov.samplers.reference;

import org.girsanov.samplers.targets.HessianTarget;
import org.girsanov.sde.RandomStreams;

/**
 * Reference values of one target (docs/targets-and-metrics.md, "Reference log Z"): the Laplace {@code log Z}
 * (for orientation only), two independent estimates — {@link ImportanceSamplingEvidence importance sampling}
 * from a multivariate t at the mode and {@link SmcEvidence repeated SMC} from {@code N(0, σ² I)} — their
 * {@link LogZEstimate#combine combination} when they agree within three combined standard errors, and the
 * posterior moments of {@link ChainMoments long HMC chains}. Streams: importance sampling purpose 30, SMC 31,
 * chains 32 of {@code RandomStreams(seed)}.
 *
 * @param laplaceLogZ the Laplace approximation of {@code log Z}
 * @param importance  estimate (a)
 * @param smc         estimate (b)
 * @param agree       whether (a) and (b) agree within 3 combined standard errors
 * @param combined    their inverse-variance combination
 * @param moments     posterior moments with R̂ and ESS
 */
public record ReferenceEstimate(double laplaceLogZ, LogZEstimate importance, LogZEstimate smc, boolean agree,
                                LogZEstimate combined, ChainMoments.Result moments) {

    /** How long each estimator runs. */
    public record Settings(int isDraws, int nu, double smcSigma, int smcParticles, int smcLevels, int smcRuns,
                           int smcLeapfrog, int chains, int warmup, int steps, int leapfrog) {
    }

    /** Runs every estimator on {@code target} from the mode found by Newton's method from 0. */
    public static ReferenceEstimate compute(HessianTarget target, Settings s, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        LaplaceApproximation laplace = LaplaceApproximation.at(target, new double[target.dimension()]);
        LogZEstimate is = new ImportanceSamplingEvidence(s.isDraws()).estimate(target, new MultivariateT(laplace, s.nu()),
                streams.stream(0, 0, 30), "seed " + seed);
        LogZEstimate smc = new SmcEvidence(s.smcParticles(), s.smcLevels(), s.smcRuns(), s.smcLeapfrog(), 1)
                .estimate(target, s.smcSigma(), seed);
        ChainMoments.Result moments = new ChainMoments(s.chains(), s.warmup(), s.steps(), s.leapfrog())
                .run(target, laplace, streams.stream(0, 0, 32));
        return new ReferenceEstimate(laplace.logZ(), is, smc, is.agrees(smc, 3), LogZEstimate.combine(is, smc), moments);
    }
}
