package org.girsanov.samplers.marginal;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.targets.CountingTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Checks;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpSchedule;

/**
 * Reverse Diffusion Monte Carlo (Huang, Dong, Hao, Zhang &amp; Zhou, "Reverse diffusion Monte Carlo", ICLR 2024): a
 * sampler with nothing learned. The target is noised by the VP Ornstein–Uhlenbeck process
 * {@code dX_τ = −β X dτ + σ_∞√(2β) dB}, {@code X_0 ~ ρ/Z}, whose marginals {@code p_τ} are the laws of
 * {@code a_τ X_0 + √v_τ ε}, {@code a_τ = e^{−B(0,τ)}}, {@code v_τ = σ_∞²(1 − a_τ²)}; particles start in the stationary
 * law {@code N(0, σ_∞² I)} at {@code τ = T} and follow the time reversal
 * {@code dY = [β Y + 2σ_∞² β ∇log p_τ(Y)] dt + σ_∞√(2β) dW} down to {@code τ = 0}, with the score replaced by a Monte
 * Carlo estimate {@code ŝ} ({@link NoisedScoreEstimator}; RDMC's own is {@link PosteriorMeanScore}) at the start of
 * each step. One step from {@code τ_n} to {@code τ_{n+1} < τ_n}, {@code B_n = B(τ_{n+1}, τ_n)}, is the exponential
 * integrator with the score frozen:
 * <pre>  y' = e^{B_n} y + 2σ_∞²(e^{B_n} − 1) ŝ(y, τ_n) + σ_∞ √(e^{2B_n} − 1) ξ.</pre>
 * The grid is in generative time {@code t = T − τ}; the score is never needed at {@code τ = 0}.
 *
 * <p><b>Weights.</b> Conditionally on the estimator's draws the step is Gaussian; those draws are standard normals
 * independent of the path, so on the space extended by them the forward law has density
 * {@code N(y_0; 0, σ_∞²) Π_n q(ω_n) N(y_{n+1}; m_n(y_n, ω_n), V_n)} and the law "target, then the exact noising
 * transitions {@code N(y_n; e^{−B_n} y_{n+1}, σ_∞²(1 − e^{−2B_n}))}, draws {@code ω_n ~ q} independent" is a probability
 * measure whose last marginal is {@code ρ/Z}. Their ratio, in which {@code q} cancels,
 * <pre>  log w = log ρ(y_N) + Σ_n log N(y_n; e^{−B_n} y_{n+1}, σ_∞²(1 − e^{−2B_n})) − log N(y_0; 0, σ_∞²) − Σ_n log N(y_{n+1}; m_n, V_n)</pre>
 * has {@code E[w] = Z} exactly (docs/math.md §3), so {@link RdmcResult#logZImportance()} and the ESS are sound,
 * though their variance includes the estimator's noise and is large unless {@code K} is.
 *
 * <p><b>Cost.</b> {@code n × steps × evaluationsPerPoint} target evaluations for the scores, plus {@code n} for
 * {@code log ρ(y_N)}, counted in {@link RdmcResult#targetEvaluations()}.
 */
public final class ReverseDiffusionMonteCarlo {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final VpSchedule noising;
    private final TimeGrid grid;
    private final NoisedScoreEstimator score;

    /**
     * @param noising the VP schedule in noising time {@code τ ∈ [0, T]}
     * @param grid    the grid in generative time {@code t = T − τ}, from 0 to {@code T}
     * @param score   the estimator of {@code ∇log p_τ}
     */
    public ReverseDiffusionMonteCarlo(VpSchedule noising, TimeGrid grid, NoisedScoreEstimator score) {
        this.noising = Objects.requireNonNull(noising, "RDMC: noising schedule must not be null");
        this.grid = Objects.requireNonNull(grid, "RDMC: grid must not be null");
        this.score = Objects.requireNonNull(score, "RDMC: score estimator must not be null");
        if (grid.start() != 0) {
            throw new IllegalArgumentException("RDMC: the grid must start at 0; got " + grid);
        }
    }

    /** The grid in generative time. */
    public TimeGrid grid() {
        return grid;
    }

    /** Runs {@code n} particles from {@code N(0, σ_∞² I)} to {@code τ = 0}. */
    public RdmcResult run(Target target, int n, UniformRandomProvider rng) {
        Checks.atLeast("RDMC", "particles", n, 1);
        CountingTarget counted = new CountingTarget(target);
        int d = target.dimension();
        double sig2 = noising.stationarySigma() * noising.stationarySigma();
        double horizon = grid.end();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj y = new DMatrixRMaj(n, d);
        double[] logW = new double[n];
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int j = 0; j < d; j++) {
                double v = Math.sqrt(sig2) * g.sample();
                y.data[i * d + j] = v;
                q += v * v;
            }
            logW[i] = 0.5 * q / sig2 + 0.5 * d * (LOG_2PI + Math.log(sig2));
        }
        DMatrixRMaj next = new DMatrixRMaj(n, d);
        for (int step = 0; step < grid.steps(); step++) {
            double tau = horizon - grid.time(step);
            double tauNext = Math.max(0.0, horizon - grid.time(step + 1));
            double bStep = noising.betaIntegral(tauNext, tau);
            double growth = Math.exp(bStep);
            double fwdVar = sig2 * Math.expm1(2 * bStep);
            double back = Math.exp(-bStep);
            double backVar = -sig2 * Math.expm1(-2 * bStep);
            double aTau = Math.exp(-noising.betaIntegral(0, tau));
            double vTau = -sig2 * Math.expm1(-2 * noising.betaIntegral(0, tau));
            DMatrixRMaj s = score.estimate(counted, y, aTau, vTau, rng).score();
            double gain = 2 * sig2 * Math.expm1(bStep);
            for (int i = 0; i < n; i++) {
                double qf = 0;
                double qb = 0;
                for (int j = 0; j < d; j++) {
                    int idx = i * d + j;
                    double z = g.sample();
                    double yn = growth * y.data[idx] + gain * s.data[idx] + Math.sqrt(fwdVar) * z;
                    next.data[idx] = yn;
                    qf += z * z;
                    double r = y.data[idx] - back * yn;
                    qb += r * r;
                }
                logW[i] += (-0.5 * qb / backVar - 0.5 * d * Math.log(backVar))
                        - (-0.5 * qf - 0.5 * d * Math.log(fwdVar));
            }
            DMatrixRMaj t = y;
            y = next;
            next = t;
        }
        Tape tape = Tape.noGrad();
        double[] logRho = counted.logDensity(tape, tape.constant(y)).value().data;
        for (int i = 0; i < n; i++) {
            logW[i] += logRho[i];
        }
        return new RdmcResult(y, logW, counted.total());
    }

    @Override
    public String toString() {
        return "ReverseDiffusionMonteCarlo(" + noising + ", " + grid.steps() + " steps, " + score + ")";
    }
}
