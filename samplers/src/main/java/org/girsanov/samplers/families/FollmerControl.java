package org.girsanov.samplers.families;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;

/**
 * The optimal PIS control for a Gaussian target {@code Z · N(m, s² I)} (docs/math.md §7.7), plus a perturbation
 * {@code θ · (tanh(x) + ½)} with a scalar parameter {@code θ} (0 at the optimum) so that gradients exist.
 *
 * <p>Derivation. PIS has reference {@code X_t = σ W_t} ({@code π_ref = N(0, c I)}, {@code c = σ²T}) and, by
 * Doob's h-transform, the optimal (Föllmer) control {@code u*(x,t) = σ ∇log h_t(x)} with
 * {@code h_t(x) = E[g(x + σ(W_T − W_t))]}, {@code g = ρ/π_ref}. Per coordinate, with {@code v = σ²(T − t)},
 * <pre>
 *   h_t(x) ∝ ∫ exp(−(y−m)²/(2s²) + y²/(2c) − (y−x)²/(2v)) dy ∝ exp(β²/(2a) − x²/(2v)),
 *   a = 1/s² − 1/c + 1/v = α + 1/v,   β = m/s² + x/v,
 * </pre>
 * so {@code ∇log h_t = β/(a v) − x/v = (m/s² − α x)/(1 + α v)} and
 * <pre>
 *   u*(x, t) = σ (m/s² − α x) / (1 + α v),     α = 1/s² − 1/(σ²T),   v = σ²(T − t)
 * </pre>
 * — linear in x. Sanity: for {@code m = 0, s² = σ²T} (target = reference marginal) {@code u* = 0}; at
 * {@code t = 0, x = 0} the drift {@code σu* = m/T} carries the mean to m in time T. The full normalised
 * {@code log h_t} (the optimal DB log-flow) is {@link #logH}.
 *
 * <p>In discrete time (Euler–Maruyama with N steps) this control is optimal only up to the discretisation:
 * {@code Var(log w) = O(Δt)}. It is the near-optimal control the theorem checks of {@code verification/}
 * start from (sticking the landing, evidence bounds); {@link #optimalPis} builds the whole sampler.
 * {@code PisOptimalControlTest} checks {@code σ u* = σ² ∇log h_t} against finite differences of {@link #logH}.
 */
public final class FollmerControl implements Control {
    private final double[] m;
    private final double s2;
    private final double sigma;
    private final double horizon;
    private final double logZ;
    private final Parameter theta = new Parameter("follmer.theta", 1, 1);

    public FollmerControl(double[] mean, double variance, double logZ, double sigma, double horizon) {
        this.m = mean.clone();
        this.s2 = variance;
        this.sigma = sigma;
        this.horizon = horizon;
        this.logZ = logZ;
    }

    /**
     * PIS with the Föllmer control of the target {@code Z · N(mean, variance · I)} on a uniform grid of
     * {@code steps} steps over {@code [0, horizon]}; the perturbation θ starts at {@code theta}.
     */
    public static Pis optimalPis(double[] mean, double variance, double logZ, double sigma, double horizon, int steps,
                                 double theta) {
        FollmerControl u = new FollmerControl(mean, variance, logZ, sigma, horizon);
        u.theta().value().data[0] = theta;
        return new Pis(GaussianTarget.isotropic("gauss", mean, variance, logZ), TimeGrid.uniform(horizon, steps), u,
                sigma);
    }

    /** The perturbation scale θ (0 = optimal). */
    public Parameter theta() {
        return theta;
    }

    /** {@code u*(x, t)} at one point (no perturbation), for checks. */
    public double[] optimal(double[] x, double time) {
        double alpha = 1 / s2 - 1 / (sigma * sigma * horizon);
        double v = sigma * sigma * (horizon - time);
        double[] u = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            u[j] = sigma * (m[j] / s2 - alpha * x[j]) / (1 + alpha * v);
        }
        return u;
    }

    @Override
    public Var apply(Tape t, Var x, double time) {
        double alpha = 1 / s2 - 1 / (sigma * sigma * horizon);
        double v = sigma * sigma * (horizon - time);
        double k = sigma / (1 + alpha * v);
        DMatrixRMaj row = new DMatrixRMaj(1, m.length);
        for (int j = 0; j < m.length; j++) {
            row.data[j] = k * m[j] / s2;
        }
        Var opt = t.add(t.scale(x, -k * alpha), t.constant(row));
        Var perturbation = t.mul(t.param(theta), t.addScalar(t.tanh(x), 0.5));
        return t.add(opt, perturbation);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(theta);
    }

    /**
     * {@code log h_t(x) = log E[g(x + σ(W_T − W_t))]}, {@code g = ρ/π_ref}, in closed form: per coordinate
     * {@code N(y;m,s²)N(y;x,v) = N(m; x, s²+v) N(y; μ', τ²)} with {@code τ² = s²v/(s²+v)},
     * {@code μ' = (mv + xs²)/(s²+v)}, and {@code E[√(2πc) exp(Y²/(2c))] = √(2πc) (1−τ²/c)^{−½} exp(μ'²/(2c(1−τ²/c)))},
     * so {@code log h_t(x) = log Z + Σ_j [log N(m_j; x_j, s²+v) + ½log(2πc) − ½log(1−τ²/c) + μ'_j²/(2c − 2τ²)]}.
     * At {@code t = T} it is {@code log g}; at {@code t = 0, x = 0} it is {@code log Z}.
     */
    public double logH(double[] x, double time) {
        double c = sigma * sigma * horizon;
        double v = sigma * sigma * (horizon - time);
        double tau2 = s2 * v / (s2 + v);
        double out = logZ;
        for (int j = 0; j < x.length; j++) {
            double var = s2 + v;
            double mu = (m[j] * v + x[j] * s2) / var;
            out += -0.5 * Math.log(2 * Math.PI * var) - (m[j] - x[j]) * (m[j] - x[j]) / (2 * var)
                    + 0.5 * Math.log(2 * Math.PI * c) - 0.5 * Math.log(1 - tau2 / c) + mu * mu / (2 * (c - tau2));
        }
        return out;
    }

    /** {@code log h_t} as a log-flow network ({@code n × d → n × 1}, no parameters). */
    public Control logFlow() {
        return new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                DMatrixRMaj xv = x.value();
                int d = xv.numCols;
                DMatrixRMaj out = new DMatrixRMaj(xv.numRows, 1);
                double[] row = new double[d];
                for (int i = 0; i < xv.numRows; i++) {
                    System.arraycopy(xv.data, i * d, row, 0, d);
                    out.data[i] = logH(row, time);
                }
                return t.constant(out);
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }
}
