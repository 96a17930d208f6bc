package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * The Brownian-motion time series with unknown scales and missing middle observations (the inference gym's
 * {@code BrownianMotionUnknownScalesMissingMiddleObservations}; d = 32 in Blessing et al., "Beyond ELBOs",
 * ICML 2024): a random walk {@code x_1..x_T}, {@code T = 30}, observed with Gaussian noise at
 * {@code t ∉ {11..20}} (20 observations {@code y_t}),
 * <pre>
 *   σ_inn ~ LogNormal(0, 2),  σ_obs ~ LogNormal(0, 2),  x_1 ~ N(0, σ_inn²),  x_t ~ N(x_{t−1}, σ_inn²),
 *   y_t ~ N(x_t, σ_obs²)  (t observed),
 * </pre>
 * every density normalised, so {@code Z = p(y)}. Coordinates {@code z = (a, b, x_1..x_T)} with {@code σ_inn = e^a},
 * {@code σ_obs = e^b}: the log-normal prior of {@code σ} becomes {@code N(a; 0, 4)} in {@code a = log σ} (its
 * density times the Jacobian {@code σ}). With {@code D_t = x_t − x_{t−1}} ({@code x_0 = 0}),
 * {@code A = Σ_t D_t²}, {@code B = Σ_{t obs} (y_t − x_t)²}, {@code O = 20} observations,
 * <pre>
 *   log ρ = −log(8π) − (a² + b²)/8 − (T + O)/2 · log 2π − T a − ½ e^{−2a} A − O b − ½ e^{−2b} B,
 *   ∂_a = −a/4 − T + e^{−2a} A,   ∂_b = −b/4 − O + e^{−2b} B,
 *   ∂_{x_t} = −e^{−2a} (D_t − D_{t+1}) + o_t e^{−2b} (y_t − x_t)     (D_{T+1} = 0, o_t = 1 if observed).
 * </pre>
 * Given the scales the model is linear-Gaussian, so {@code log Z} and the posterior moments are exact up to a
 * two-dimensional quadrature over {@code (a, b)} of Kalman-filter likelihoods ({@link BrownianMotionMarginal}).
 * The observations are the inference gym's (TensorFlow Probability, Apache-2.0), drawn there once from the model
 * with {@code σ_inn = 0.1}, {@code σ_obs = 0.15}.
 */
public final class BrownianMotion implements HessianTarget {
    /** Time steps {@code T}. */
    static final int T = 30;
    /** The observations; {@code NaN} where {@code x_t} is not observed ({@code t = 11..20}, 1-based). */
    static final double[] Y = {
        0.21592641, 0.118771404, -0.07945447, 0.037677474, -0.27885845, -0.1484156,
        -0.3250906, -0.22957903, -0.44110894, -0.09830782, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -0.8786016,
        -0.83736074, -0.7384849, -0.8939254, -0.7774566, -0.70238715, -0.87771565,
        -0.51853573, -0.6948214, -0.6202789};
    /** Standard deviation of the normal prior of {@code a = log σ_inn} and of {@code b = log σ_obs}. */
    static final double LOG_SCALE_STD = 2;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int observed;
    private final double constant;
    private TargetReference reference;

    public BrownianMotion() {
        int o = 0;
        for (double y : Y) {
            o += Double.isNaN(y) ? 0 : 1;
        }
        this.observed = o;
        this.constant = -Math.log(2 * Math.PI * LOG_SCALE_STD * LOG_SCALE_STD) - 0.5 * (T + o) * LOG_2PI;
    }

    static boolean isObserved(int t) {
        return !Double.isNaN(Y[t]);
    }

    @Override
    public String name() {
        return "brownian";
    }

    @Override
    public int dimension() {
        return T + 2;
    }

    @Override
    public Var logDensity(Tape t, Var z) {
        Checks.columns("target " + name(), z.cols(), dimension());
        Var a = t.slice(z, 0, 1);
        Var b = t.slice(z, 1, 2);
        Var x = t.slice(z, 2, T + 2);
        Var increments = t.concat(t.slice(x, 0, 1), t.sub(t.slice(x, 1, T), t.slice(x, 0, T - 1)));
        double[] y = new double[T];
        double[] mask = new double[T];
        for (int s = 0; s < T; s++) {
            y[s] = isObserved(s) ? Y[s] : 0;
            mask[s] = isObserved(s) ? 1 : 0;
        }
        Var residual = t.mul(t.sub(t.constant(new DMatrixRMaj(1, T, true, y)), x), t.constant(new DMatrixRMaj(1, T, true, mask)));
        double prior = -0.5 / (LOG_SCALE_STD * LOG_SCALE_STD);
        Var logPrior = t.add(t.scale(t.square(a), prior), t.scale(t.square(b), prior));
        Var walk = t.sub(t.scale(a, -T), t.scale(t.mul(t.exp(t.scale(a, -2)), t.sumCols(t.square(increments))), 0.5));
        Var noise = t.sub(t.scale(b, -observed), t.scale(t.mul(t.exp(t.scale(b, -2)), t.sumCols(t.square(residual))), 0.5));
        return t.addScalar(t.add(logPrior, t.add(walk, noise)), constant);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj z) {
        Checks.columns("target " + name(), z.numCols, dimension());
        int d = dimension();
        DMatrixRMaj g = new DMatrixRMaj(z.numRows, d);
        double[] inc = new double[T + 1];
        for (int i = 0; i < z.numRows; i++) {
            int o = i * d;
            double a = z.data[o];
            double b = z.data[o + 1];
            double ea = Math.exp(-2 * a);
            double eb = Math.exp(-2 * b);
            double sumA = 0;
            double sumB = 0;
            double prev = 0;
            for (int s = 0; s < T; s++) {
                double x = z.data[o + 2 + s];
                inc[s] = x - prev;
                sumA += inc[s] * inc[s];
                prev = x;
            }
            inc[T] = 0;
            for (int s = 0; s < T; s++) {
                double x = z.data[o + 2 + s];
                double gx = -ea * (inc[s] - inc[s + 1]);
                if (isObserved(s)) {
                    double r = Y[s] - x;
                    sumB += r * r;
                    gx += eb * r;
                }
                g.data[o + 2 + s] = gx;
            }
            double v = LOG_SCALE_STD * LOG_SCALE_STD;
            g.data[o] = -a / v - T + ea * sumA;
            g.data[o + 1] = -b / v - observed + eb * sumB;
        }
        return g;
    }

    /**
     * {@code ∂²_a = −1/4 − 2e^{−2a} A}, {@code ∂²_b = −1/4 − 2e^{−2b} B}, {@code ∂_a∂_b = 0},
     * {@code ∂_a∂_{x_t} = 2e^{−2a}(D_t − D_{t+1})}, {@code ∂_b∂_{x_t} = −2 o_t e^{−2b}(y_t − x_t)},
     * {@code ∂²_{x_t} = −e^{−2a}(1 + [t < T]) − o_t e^{−2b}}, {@code ∂_{x_t}∂_{x_{t+1}} = e^{−2a}}.
     */
    @Override
    public double[][] hessian(double[] z) {
        HessianTarget.requirePoint(this, z);
        double[][] h = new double[T + 2][T + 2];
        double ea = Math.exp(-2 * z[0]);
        double eb = Math.exp(-2 * z[1]);
        double[] inc = new double[T + 1];
        double sumA = 0;
        double sumB = 0;
        for (int s = 0; s < T; s++) {
            inc[s] = z[2 + s] - (s == 0 ? 0 : z[1 + s]);
            sumA += inc[s] * inc[s];
        }
        for (int s = 0; s < T; s++) {
            int k = 2 + s;
            h[0][k] = 2 * ea * (inc[s] - inc[s + 1]);
            h[k][k] = -ea * (s < T - 1 ? 2 : 1);
            if (s < T - 1) {
                h[k][k + 1] = ea;
            }
            if (isObserved(s)) {
                double r = Y[s] - z[k];
                sumB += r * r;
                h[1][k] = -2 * eb * r;
                h[k][k] -= eb;
            }
        }
        double v = LOG_SCALE_STD * LOG_SCALE_STD;
        h[0][0] = -1 / v - 2 * ea * sumA;
        h[1][1] = -1 / v - 2 * eb * sumB;
        return HessianTarget.mirrorUpper(h);
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return OptionalDouble.of(exact().logZ());
    }

    @Override
    public Optional<TargetReference> reference() {
        return Optional.of(exact());
    }

    /** The quadrature reference, computed on first use (≈ 1 s) and kept by this instance. */
    private synchronized TargetReference exact() {
        if (reference == null) {
            reference = BrownianMotionMarginal.reference(BrownianMotionMarginal.STEP);
        }
        return reference;
    }
}
