package org.girsanov.samplers.targets;

import static org.girsanov.samplers.targets.BrownianMotion.LOG_SCALE_STD;
import static org.girsanov.samplers.targets.BrownianMotion.T;
import static org.girsanov.samplers.targets.BrownianMotion.Y;
import static org.girsanov.samplers.targets.BrownianMotion.isObserved;

/**
 * Exact {@code log Z} and posterior moments of {@link BrownianMotion} by a two-dimensional quadrature over the
 * log-scales {@code (a, b)}: given {@code q = e^{2a}}, {@code r = e^{2b}} the model is a linear-Gaussian state-space
 * model, so {@code log p(y | a, b)} is the Kalman filter's sum of one-step predictive log-densities and
 * {@code x | a, b, y} is Gaussian with the Rauch–Tung–Striebel smoother's means and variances (Särkkä, Bayesian
 * Filtering and Smoothing, 2013, Theorems 4.2 and 8.2). For the random walk (predictive {@code m⁻_t, P⁻_t},
 * filtered {@code m_t, P_t}, {@code m⁻_1 = 0}, {@code P⁻_1 = q}):
 * <pre>
 *   observed t:  S = P⁻_t + r,  log p(y_t | y_{<t}) = log N(y_t; m⁻_t, S),  m_t = m⁻_t + (P⁻_t/S)(y_t − m⁻_t),
 *                P_t = P⁻_t r / S;            unobserved t: m_t = m⁻_t, P_t = P⁻_t;
 *   m⁻_{t+1} = m_t,  P⁻_{t+1} = P_t + q;
 *   smoother:    G_t = P_t / P⁻_{t+1},  mˢ_t = m_t + G_t (mˢ_{t+1} − m_t),  Pˢ_t = P_t + G_t² (Pˢ_{t+1} − P⁻_{t+1}).
 * </pre>
 * Then {@code Z = ∫∫ N(a; 0, 4) N(b; 0, 4) p(y | a, b) da db} and each moment is the same integral of
 * {@code E[·|a, b, y]} over {@code Z}, by the trapezoidal rule with step {@code h} on {@code [−25, 15]²}, where the
 * integrand is below {@code e^{−40}} of its peak at the edges; the rule converges exponentially in {@code 1/h}
 * for such integrands (Trefethen &amp; Weideman, SIAM Review 56, 2014), and {@code h = 1/32} agrees with
 * {@code h = 1/16} to rounding (tested).
 */
final class BrownianMotionMarginal {
    static final double LO = -25;
    static final double HI = 15;
    static final double STEP = 1.0 / 32;
    /** Nodes whose weight is below {@code e^{−CUTOFF}} of the peak are left out of the moments (not of Z). */
    private static final double CUTOFF = 60;

    private BrownianMotionMarginal() {
    }

    /**
     * {@code log p(y | a, b)} by the Kalman filter; when {@code mean} and {@code var} are not null they receive the
     * smoothed {@code E[x_t | a, b, y]} and {@code Var[x_t | a, b, y]}.
     */
    static double logLikelihood(double a, double b, double[] mean, double[] var) {
        double q = Math.exp(2 * a);
        double r = Math.exp(2 * b);
        double[] mf = new double[T];
        double[] pf = new double[T];
        double m = 0;
        double p = q;
        double ll = 0;
        for (int t = 0; t < T; t++) {
            if (isObserved(t)) {
                double s = p + r;
                double v = Y[t] - m;
                ll -= 0.5 * (Math.log(2 * Math.PI * s) + v * v / s);
                m += p / s * v;
                p = p * r / s;
            }
            mf[t] = m;
            pf[t] = p;
            p += q;
        }
        if (mean != null) {
            mean[T - 1] = mf[T - 1];
            var[T - 1] = pf[T - 1];
            for (int t = T - 2; t >= 0; t--) {
                double pred = pf[t] + q;
                double g = pf[t] / pred;
                mean[t] = mf[t] + g * (mean[t + 1] - mf[t]);
                var[t] = pf[t] + g * g * (var[t + 1] - pred);
            }
        }
        return ll;
    }

    /** {@code log N(a; 0, 4) + log N(b; 0, 4) + log p(y | a, b)}. */
    static double logJoint(double a, double b) {
        double v = LOG_SCALE_STD * LOG_SCALE_STD;
        return -Math.log(2 * Math.PI * v) - (a * a + b * b) / (2 * v) + logLikelihood(a, b, null, null);
    }

    /** Exact {@code log Z}, means and standard deviations of {@code (a, b, x_1..x_T)}, trapezoidal step {@code h}. */
    static TargetReference reference(double h) {
        int nodes = (int) Math.round((HI - LO) / h);
        double step = (HI - LO) / nodes;
        double[][] logW = new double[nodes + 1][nodes + 1];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= nodes; i++) {
            for (int j = 0; j <= nodes; j++) {
                logW[i][j] = logJoint(LO + i * step, LO + j * step);
                peak = Math.max(peak, logW[i][j]);
            }
        }
        int d = T + 2;
        double z = 0;
        double[] m1 = new double[d];
        double[] m2 = new double[d];
        double[] mean = new double[T];
        double[] var = new double[T];
        for (int i = 0; i <= nodes; i++) {
            for (int j = 0; j <= nodes; j++) {
                double w = (i == 0 || i == nodes ? 0.5 : 1.0) * (j == 0 || j == nodes ? 0.5 : 1.0)
                        * Math.exp(logW[i][j] - peak);
                z += w;
                if (logW[i][j] < peak - CUTOFF) {
                    continue;
                }
                double a = LO + i * step;
                double b = LO + j * step;
                logLikelihood(a, b, mean, var);
                m1[0] += w * a;
                m2[0] += w * a * a;
                m1[1] += w * b;
                m2[1] += w * b * b;
                for (int t = 0; t < T; t++) {
                    m1[2 + t] += w * mean[t];
                    m2[2 + t] += w * (var[t] + mean[t] * mean[t]);
                }
            }
        }
        double[] std = new double[d];
        for (int c = 0; c < d; c++) {
            m1[c] /= z;
            std[c] = Math.sqrt(Math.max(0, m2[c] / z - m1[c] * m1[c]));
        }
        return new TargetReference(Math.log(z * step * step) + peak, 0.0, m1, std,
                "exact up to quadrature: trapezoidal rule over (log sigma_inn, log sigma_obs) (h = " + h
                        + ") of Kalman-filter likelihoods and RTS-smoother moments (BrownianMotionMarginal)");
    }
}
