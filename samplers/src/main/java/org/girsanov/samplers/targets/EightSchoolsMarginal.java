package org.girsanov.samplers.targets;

import static org.girsanov.samplers.targets.EightSchools.MU_SCALE;
import static org.girsanov.samplers.targets.EightSchools.SIGMA;
import static org.girsanov.samplers.targets.EightSchools.TAU_SCALE;
import static org.girsanov.samplers.targets.EightSchools.Y;

/**
 * Exact {@code log Z} and posterior moments of {@link EightSchools} by one-dimensional quadrature over
 * {@code s = log τ} (Gelman et al., Bayesian Data Analysis, 3rd ed., §5.4, eqs. 5.20–5.21): given τ the model is
 * Gaussian, {@code y_j | μ, τ ~ N(μ, V_j)} with {@code V_j = σ_j² + τ²}, so with {@code P = 1/25 + Σ_j 1/V_j},
 * {@code b = Σ_j y_j/V_j},
 * <pre>
 *   log p(y | τ) = −½ log(2π·25) − ½ Σ_j log(2π V_j) + ½ log(2π/P) + b²/(2P) − ½ Σ_j y_j²/V_j,
 *   Z = ∫ p(s) p(y | e^s) ds,          p(s) = (2/(5π)) e^s / (1 + e^{2s}/25),
 *   μ | τ, y ~ N(b/P, 1/P),            θ_j | μ, τ, y ~ N(λ_j y_j + (1 − λ_j) μ, λ_j σ_j²),   λ_j = τ²/(τ² + σ_j²),
 * </pre>
 * whence {@code E[θ_j | τ] = λ_j y_j + (1 − λ_j) b/P}, {@code Var[θ_j | τ] = λ_j σ_j² + (1 − λ_j)²/P}, and for
 * {@code η_j = (θ_j − μ)/τ}: {@code E[η_j | τ] = λ_j (y_j − b/P)/τ}, {@code Var[η_j | τ] = (λ_j σ_j² + λ_j²/P)/τ²}.
 * Each moment is {@code ∫ p(s) p(y|e^s) E[·|s] ds / Z} by the trapezoidal rule with step {@code h} on
 * {@code s ∈ [−40, 15]}, where the integrand is below {@code e^{−30}} of its peak at both ends: for a smooth
 * integrand that decays at both ends the rule converges exponentially in {@code 1/h} (Trefethen &amp; Weideman,
 * "The exponentially convergent trapezoidal rule", SIAM Review 56, 2014); {@code h = 1/256} is converged to
 * rounding (tested against {@code h = 1/128}).
 */
final class EightSchoolsMarginal {
    private static final double S_LO = -40;
    private static final double S_HI = 15;
    static final double STEP = 1.0 / 256;

    private EightSchoolsMarginal() {
    }

    /** {@code log p(s) + log p(y | e^s)}. */
    static double logJoint(double s) {
        double tau2 = Math.exp(2 * s);
        double p = 1 / (MU_SCALE * MU_SCALE);
        double b = 0;
        double c = -0.5 * Math.log(2 * Math.PI * MU_SCALE * MU_SCALE);
        for (int j = 0; j < Y.length; j++) {
            double v = SIGMA[j] * SIGMA[j] + tau2;
            p += 1 / v;
            b += Y[j] / v;
            c -= 0.5 * Math.log(2 * Math.PI * v) + 0.5 * Y[j] * Y[j] / v;
        }
        double logLik = c + 0.5 * Math.log(2 * Math.PI / p) + 0.5 * b * b / p;
        double logPrior = Math.log(2 / (Math.PI * TAU_SCALE)) + s - Math.log1p(tau2 / (TAU_SCALE * TAU_SCALE));
        return logPrior + logLik;
    }

    /** The reference of a form: exact {@code log Z}, means and standard deviations. */
    static TargetReference reference(EightSchools.Form form) {
        return reference(form, STEP);
    }

    /** As {@link #reference(EightSchools.Form)} with trapezoidal step {@code h}. */
    static TargetReference reference(EightSchools.Form form, double h) {
        int nodes = (int) Math.round((S_HI - S_LO) / h);
        double step = (S_HI - S_LO) / nodes;
        double[] logW = new double[nodes + 1];
        double peak = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= nodes; k++) {
            logW[k] = logJoint(S_LO + k * step);
            peak = Math.max(peak, logW[k]);
        }
        int d = Y.length + 2;
        double z = 0;
        double[] m1 = new double[d];
        double[] m2 = new double[d];
        for (int k = 0; k <= nodes; k++) {
            double s = S_LO + k * step;
            double w = (k == 0 || k == nodes ? 0.5 : 1.0) * Math.exp(logW[k] - peak);
            z += w;
            for (int c = 0; c < d; c++) {
                double m = conditionalMean(form, c, s);
                m1[c] += w * m;
                m2[c] += w * (conditionalVariance(form, c, s) + m * m);
            }
        }
        double[] std = new double[d];
        for (int c = 0; c < d; c++) {
            m1[c] /= z;
            std[c] = Math.sqrt(Math.max(0, m2[c] / z - m1[c] * m1[c]));
        }
        return new TargetReference(Math.log(z * step) + peak, 0.0, m1, std,
                "exact up to quadrature: trapezoidal rule over log tau (h = " + h + ") of the Gaussian marginals (EightSchoolsMarginal)");
    }

    /** {@code E[x_k | s, y]}: k = 0 μ, 1 s itself, 2.. θ_j or η_j. */
    static double conditionalMean(EightSchools.Form form, int k, double s) {
        if (k == 1) {
            return s;
        }
        double tau2 = Math.exp(2 * s);
        double[] pb = precisionAndShift(tau2);
        double mMu = pb[1] / pb[0];
        if (k == 0) {
            return mMu;
        }
        int j = k - 2;
        double lambda = tau2 / (tau2 + SIGMA[j] * SIGMA[j]);
        return form == EightSchools.Form.CENTRED ? lambda * Y[j] + (1 - lambda) * mMu
                : lambda * (Y[j] - mMu) / Math.exp(s);
    }

    /** {@code Var[x_k | s, y]}. */
    static double conditionalVariance(EightSchools.Form form, int k, double s) {
        if (k == 1) {
            return 0;
        }
        double tau2 = Math.exp(2 * s);
        double vMu = 1 / precisionAndShift(tau2)[0];
        if (k == 0) {
            return vMu;
        }
        int j = k - 2;
        double sg2 = SIGMA[j] * SIGMA[j];
        double lambda = tau2 / (tau2 + sg2);
        return form == EightSchools.Form.CENTRED ? lambda * sg2 + (1 - lambda) * (1 - lambda) * vMu
                : (lambda * sg2 + lambda * lambda * vMu) / tau2;
    }

    /** {@code (P, b)} at {@code τ²}. */
    private static double[] precisionAndShift(double tau2) {
        double p = 1 / (MU_SCALE * MU_SCALE);
        double b = 0;
        for (int j = 0; j < Y.length; j++) {
            double v = SIGMA[j] * SIGMA[j] + tau2;
            p += 1 / v;
            b += Y[j] / v;
        }
        return new double[] {p, b};
    }
}
