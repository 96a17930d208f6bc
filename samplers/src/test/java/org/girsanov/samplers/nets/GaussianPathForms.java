package org.girsanov.samplers.nets;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.GaussianTarget;

/**
 * Closed forms of the annealing path between Gaussians, {@code p_prior = N(0, s² I)}, {@code ρ = Z N(m, v I)},
 * {@code β_t = (t/T)^p}: every {@code π_t = N(μ_t, V_t I)} with {@code 1/V_t = (1−β)/s² + β/v},
 * {@code μ_t = V_t β m / v}; {@code log Z_t}; the exact transport {@code b*(x, t) = μ̇ + (V̇/2V)(x − μ)} (the velocity
 * of {@code x ↦ μ_t + √(V_t/V_0)(x − μ_0)}, which pushes {@code π_0} to {@code π_t}); and
 * {@code ∂_t log Z_t = E_{π_t}[∂_t log π̃_t] = β'_t E_{π_t}[log ρ − log p_prior]}, each Gaussian expectation in
 * closed form.
 */
record GaussianPathForms(double priorStd, double[] mean, double variance, double logZ, double horizon, double power) {

    GaussianTarget target() {
        return GaussianTarget.isotropic("gauss", mean, variance, logZ);
    }

    AnnealingSchedule schedule() {
        return AnnealingSchedule.power(power);
    }

    double beta(double t) {
        return Math.pow(t / horizon, power);
    }

    double betaRate(double t) {
        return power == 1.0 ? 1 / horizon : power * Math.pow(t / horizon, power - 1) / horizon;
    }

    /** {@code V_t}. */
    double pathVariance(double t) {
        double b = beta(t);
        return 1 / ((1 - b) / (priorStd * priorStd) + b / variance);
    }

    /** {@code V̇_t = −λ̇ V²}, {@code λ̇ = β'(1/v − 1/s²)}. */
    double pathVarianceRate(double t) {
        double v = pathVariance(t);
        return -betaRate(t) * (1 / variance - 1 / (priorStd * priorStd)) * v * v;
    }

    double[] pathMean(double t) {
        double[] mu = new double[mean.length];
        for (int j = 0; j < mu.length; j++) {
            mu[j] = pathVariance(t) * beta(t) * mean[j] / variance;
        }
        return mu;
    }

    double[] pathMeanRate(double t) {
        double[] r = new double[mean.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = (pathVarianceRate(t) * beta(t) + pathVariance(t) * betaRate(t)) * mean[j] / variance;
        }
        return r;
    }

    /** {@code log Z_t = log ∫ p_prior^{1−β} ρ^β}. */
    double logZ(double t) {
        double b = beta(t);
        double v = pathVariance(t);
        double s2 = priorStd * priorStd;
        double total = b * logZ;
        for (double m : mean) {
            double lin = b * m / variance;
            total += -0.5 * (1 - b) * Math.log(2 * Math.PI * s2) - 0.5 * b * Math.log(2 * Math.PI * variance)
                    + 0.5 * Math.log(2 * Math.PI * v) + 0.5 * lin * lin * v - b * m * m / (2 * variance);
        }
        return total;
    }

    /** {@code ∂_t log Z_t = β' (E log ρ − E log p_prior)} under {@code π_t = N(μ, V I)}. */
    double logZRate(double t) {
        int d = mean.length;
        double v = pathVariance(t);
        double[] mu = pathMean(t);
        double toTarget = 0;
        double toPrior = 0;
        for (int j = 0; j < d; j++) {
            toTarget += (mu[j] - mean[j]) * (mu[j] - mean[j]);
            toPrior += mu[j] * mu[j];
        }
        double s2 = priorStd * priorStd;
        double eLogRho = logZ - 0.5 * d * Math.log(2 * Math.PI * variance) - (toTarget + d * v) / (2 * variance);
        double eLogPrior = -0.5 * d * Math.log(2 * Math.PI * s2) - (toPrior + d * v) / (2 * s2);
        return betaRate(t) * (eLogRho - eLogPrior);
    }

    /** {@code b*(x, t) + shift}, no parameters. */
    Control transport(double shift) {
        return new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                int d = mean.length;
                double[] offset = pathMeanRate(time);
                double[] mu = pathMean(time);
                double c = pathVarianceRate(time) / (2 * pathVariance(time));
                for (int j = 0; j < d; j++) {
                    offset[j] += shift - c * mu[j];
                }
                return t.add(t.scale(x, c), t.constant(new DMatrixRMaj(1, d, true, offset)));
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }

    /** {@code ∂_t F = factor · ∂_t log Z_t}. */
    FreeEnergyRate rate(double factor) {
        return (t, time) -> t.scalar(factor * logZRate(time));
    }
}
