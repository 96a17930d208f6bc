package org.girsanov.verification.samplers;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.GaussianTarget;

/**
 * Closed forms of the geometric annealing path between Gaussians, {@code p_prior = N(0, s² I)} and
 * {@code ρ = Z N(m, v I)}, with the linear schedule {@code β_t = t/T}. Every {@code π_t} is Gaussian:
 * <pre>
 *   λ_t = (1 − β)/s² + β/v,   V_t = 1/λ_t,   μ_t = V_t β m / v,
 *   log Z_t = log ∫ p_prior^{1−β} ρ^β = β log Z + Σ_j [ −((1−β)/2) log(2πs²) − (β/2) log(2πv) + ½ log(2πV_t)
 *                                                      + (β m_j/v)² V_t / 2 − β m_j²/(2v) ],
 * </pre>
 * ({@code log Z_0 = 0}, {@code log Z_T = log Z}), and the transport drift that moves the marginals along the path,
 * {@code ∂_t π_t + ∇·(π_t f*) = 0}, is the velocity of the flow {@code x ↦ μ_t + √(V_t/V_0)(x − μ_0)}:
 * <pre>
 *   f*(x, t) = μ̇_t + (V̇_t / 2V_t)(x − μ_t),   λ̇ = (1/v − 1/s²)/T,   V̇ = −V² λ̇,   μ̇ = (V̇ β + V/T) m / v.
 * </pre>
 * With {@code f_θ = f*} the continuous CMCD pair has marginals {@code π_t} in both directions and
 * {@code log w = log Z} on every path (docs/math.md §6, CMCD).
 */
public record AnnealedGaussians(double priorStd, double[] mean, double variance, double logZ, double horizon) {

    public GaussianTarget target() {
        return GaussianTarget.isotropic("gauss", mean, variance, logZ);
    }

    public double beta(double t) {
        return t / horizon;
    }

    public double precision(double t) {
        double b = beta(t);
        return (1 - b) / (priorStd * priorStd) + b / variance;
    }

    /** {@code log Z_t}. */
    public double logZ(double t) {
        double b = beta(t);
        double v = 1 / precision(t);
        double s2 = priorStd * priorStd;
        double total = b * logZ;
        for (double m : mean) {
            double lin = b * m / variance;
            total += -0.5 * (1 - b) * Math.log(2 * Math.PI * s2) - 0.5 * b * Math.log(2 * Math.PI * variance)
                    + 0.5 * Math.log(2 * Math.PI * v) + 0.5 * lin * lin * v - b * m * m / (2 * variance);
        }
        return total;
    }

    /** The transport drift {@code f*}: a control without parameters. */
    public Control transport() {
        return new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                double b = beta(time);
                double v = 1 / precision(time);
                double vDot = -v * v * (1 / variance - 1 / (priorStd * priorStd)) / horizon;
                int d = mean.length;
                double[] mu = new double[d];
                double[] muDot = new double[d];
                for (int j = 0; j < d; j++) {
                    mu[j] = v * b * mean[j] / variance;
                    muDot[j] = (vDot * b + v / horizon) * mean[j] / variance;
                }
                Var centred = t.sub(x, t.constant(new DMatrixRMaj(1, d, true, mu)));
                return t.add(t.scale(centred, vDot / (2 * v)), t.constant(new DMatrixRMaj(1, d, true, muDot)));
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }
}
