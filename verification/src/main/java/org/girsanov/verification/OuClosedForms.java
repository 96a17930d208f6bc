package org.girsanov.verification;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Divergence;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.ExactReversal;
import org.girsanov.sde.kernel.ExactTransition;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.process.LinearGaussianProcess;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;
import org.girsanov.sde.rnd.LogWeight;

/**
 * docs/math.md §7.7 for the VP Ornstein–Uhlenbeck process, four checks in one verdict:
 * <ol>
 *   <li><b>transitions</b>: Euler–Maruyama moments ({@code m ← (1 − βh) m}, {@code v ← (1 − βh)² v + σ²h}) on
 *       each grid step converge to {@code a(s,t)}, {@code v(s,t)} at order 1: the error with 256 sub-steps is
 *       below 0.4× the error with 64;</li>
 *   <li><b>marginals</b>: {@code K} paths of exact transitions; at {@code t_N} the mean of the first coordinate and
 *       the mean of {@code |x − m_T|²/d} lie within {@code k} standard errors of the closed form;</li>
 *   <li><b>Nelson's identity</b>: at points drawn from {@code p_t}, the forward log-space Fokker–Planck residual
 *       {@code ∂_t log p + ∇·μ→ + ∇log p·μ→ − ½σ²(|∇log p|² + Δlog p)} and the backward one with the exact reversal
 *       {@code μ← = μ→ − σ²∇log p}, {@code ∂_t log p + ∇·μ← + ∇log p·μ← + ½σ²(|∇log p|² + Δlog p)}, both vanish
 *       (autodiff in x, central differences in t), and the closed-form score equals autodiff's;</li>
 *   <li><b>exact pair</b>: exact transitions with the exact Bayes reversal give {@code log w ≡ 0}.</li>
 * </ol>
 */
public final class OuClosedForms {
    private OuClosedForms() {
    }

    public static Verdict check(VpOrnsteinUhlenbeck ou, TimeGrid grid, int paths, double k, UniformRandomProvider rng) {
        Map<String, Double> nums = new HashMap<>();
        StringBuilder why = new StringBuilder();
        boolean ok = true;

        double worstRatio = 0;
        for (int n = 0; n < grid.steps(); n++) {
            double e64 = emMomentError(ou, grid.time(n), grid.time(n + 1), 64);
            double e256 = emMomentError(ou, grid.time(n), grid.time(n + 1), 256);
            if (e64 > 1e-12) {
                worstRatio = Math.max(worstRatio, e256 / e64);
            }
        }
        nums.put("transition_error_ratio", worstRatio);
        if (worstRatio > 0.4) {
            ok = false;
            why.append("EM moments do not converge at order 1; ");
        }

        Tape t = Tape.noGrad();
        Path p = PathSimulator.forward(t, new ExactTransition(ou, grid), t.constant(ou.initial().sample(paths, rng)),
                NoiseSource.of(rng));
        IsotropicGaussian mT = ou.marginal(grid.end());
        DMatrixRMaj x = p.value(grid.steps());
        int d = x.numCols;
        double[] first = new double[paths];
        double[] sq = new double[paths];
        for (int i = 0; i < paths; i++) {
            first[i] = x.get(i, 0);
            double s = 0;
            for (int j = 0; j < d; j++) {
                double r = x.get(i, j) - mT.mean(j);
                s += r * r;
            }
            sq[i] = s / d;
        }
        Verdict mean = Statistics.meanWithin("marginal mean", first, mT.mean(0), k, 0);
        Verdict var = Statistics.meanWithin("marginal variance", sq, mT.variance(), k, 0);
        nums.put("marginal_mean_z", (mean.numbers().get("mean") - mT.mean(0)) / mean.numbers().get("standard_error"));
        nums.put("marginal_variance_z", (var.numbers().get("mean") - mT.variance()) / var.numbers().get("standard_error"));
        nums.put("false_alarm_rate", 2 * Statistics.falseAlarmRate(k));
        if (!mean.passed() || !var.passed()) {
            ok = false;
            why.append("marginal outside ").append(k).append(" SE; ");
        }

        double time = grid.time(0) + 0.3 * (grid.end() - grid.time(0)) + 0.4 * rng.nextDouble() * grid.end();
        double[] fp = fokkerPlanckResiduals(ou, ou.sde().drift(), ou.reversalDrift(), ou.schedule(), time,
                ou.marginal(time).sample(16, rng));
        nums.put("forward_fp_residual", fp[0]);
        nums.put("backward_fp_residual", fp[1]);
        nums.put("score_error", fp[2]);
        if (fp[0] > 1e-4 || fp[1] > 1e-4 || fp[2] > 1e-10) {
            ok = false;
            why.append("Fokker-Planck / Nelson residual too large; ");
        }

        if (ou.initial().variance() > 0) {
            Path q = PathSimulator.forward(t, new ExactTransition(ou, grid), t.constant(ou.initial().sample(8, rng)),
                    NoiseSource.of(rng));
            Var lw = LogWeight.of(t, q, new ExactTransition(ou, grid), new ExactReversal(ou, grid), ou.initial(), mT);
            double worst = 0;
            for (int i = 0; i < 8; i++) {
                worst = Math.max(worst, Math.abs(lw.get(i, 0)));
            }
            nums.put("exact_pair_max_abs_log_w", worst);
            if (worst > 1e-8) {
                ok = false;
                why.append("exact pair log w != 0; ");
            }
        }
        return new Verdict("OU closed forms (math §7.7)", ok, nums, why.length() == 0 ? "all four hold" : why.toString());
    }

    /** {@code |a_EM − a| + |v_EM − v|} with {@code m} Euler sub-steps on {@code [s, t]}. */
    static double emMomentError(VpOrnsteinUhlenbeck ou, double s, double t, int m) {
        double h = (t - s) / m;
        double a = 1;
        double v = 0;
        for (int i = 0; i < m; i++) {
            double r = s + i * h;
            double f = 1 - ou.schedule().beta(r) * h;
            a *= f;
            v = f * f * v + ou.schedule().sigmaSquared(r) * h;
        }
        return Math.abs(a - ou.meanFactor(s, t)) + Math.abs(v - ou.transitionVariance(s, t));
    }

    /**
     * For the marginals of {@code ou} and the given drifts: {max |forward FP residual|, max |backward FP residual|, max |closed-form score − autodiff score|},
     * each relative to {@code 1 + |∂_t log p| + σ²(|∇log p|² + |Δlog p|)}.
     */
    public static double[] fokkerPlanckResiduals(LinearGaussianProcess ou, Drift forward, Drift backward,
                                                 DiffusionSchedule schedule, double time, DMatrixRMaj points) {
        Tape tape = new Tape();
        Var x = tape.input(points);
        Var logp = ou.logMarginal(tape, x, time);
        Var score = tape.grad(logp, true, x)[0];
        Var lap = Divergence.laplacian(tape, logp, x);
        Var muF = forward.apply(tape, x, time);
        Var muB = backward.apply(tape, x, time);
        Var divF = Divergence.exact(tape, muF, x);
        Var divB = Divergence.exact(tape, muB, x);
        double h = 1e-5 * Math.max(1, time);
        Tape ng = Tape.noGrad();
        DMatrixRMaj lpPlus = ou.logMarginal(ng, ng.constant(points), time + h).value();
        DMatrixRMaj lpMinus = ou.logMarginal(ng, ng.constant(points), time - h).value();
        DMatrixRMaj closed = ou.score(points, time);
        double s2 = schedule.sigmaSquared(time);
        double[] worst = new double[3];
        int d = points.numCols;
        for (int i = 0; i < points.numRows; i++) {
            double dt = (lpPlus.data[i] - lpMinus.data[i]) / (2 * h);
            double g2 = 0;
            double gF = 0;
            double gB = 0;
            for (int j = 0; j < d; j++) {
                double g = score.get(i, j);
                g2 += g * g;
                gF += g * muF.get(i, j);
                gB += g * muB.get(i, j);
                worst[2] = Math.max(worst[2], Math.abs(g - closed.get(i, j)));
            }
            double scale = 1 + Math.abs(dt) + s2 * (g2 + Math.abs(lap.get(i, 0)));
            double fwd = dt + divF.get(i, 0) + gF - 0.5 * s2 * (g2 + lap.get(i, 0));
            double bwd = dt + divB.get(i, 0) + gB + 0.5 * s2 * (g2 + lap.get(i, 0));
            worst[0] = Math.max(worst[0], Math.abs(fwd) / scale);
            worst[1] = Math.max(worst[1], Math.abs(bwd) / scale);
        }
        return worst;
    }
}
