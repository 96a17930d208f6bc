package org.girsanov.samplers.pde;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.DiagonalDiffusion;
import org.girsanov.sde.Drift;
import org.girsanov.sde.GaussianDensity;

/**
 * Kolmogorov equations with closed-form solutions (docs/math.md §8), the references the solvers are tested and
 * measured against, and their command-line specs ({@code heat:d=50}).
 */
public final class KolmogorovProblems {
    private KolmogorovProblems() {
    }

    /** The problem names {@link #parse} accepts. */
    public static List<String> names() {
        return List.of(NAMES.split(", "));
    }

    /** The problem names as one line, a constant for help texts. */
    public static final String NAMES = "heat, heat-gauss, gbm-call, heat-param";

    /**
     * The heat equation {@code ∂_t u = −½σ² Δu} ({@code μ = 0}, {@code σ = s I}) with {@code φ(x) = |x|²} on
     * {@code [lo, hi]^d}: {@code u(x, t) = |x|² + d s² (T − t)} (Beck et al. 2021, §4.1, there with {@code s = √2}).
     */
    public static KolmogorovProblem heatQuadratic(int d, double s, double horizon, double lo, double hi) {
        ExactSolution exact = (x, t) -> {
            double[] u = squaredNorms(x);
            for (int i = 0; i < u.length; i++) {
                u[i] += d * s * s * (horizon - t);
            }
            return u;
        };
        return new KolmogorovProblem("heat(d=" + d + ", sigma=" + s + ", phi=|x|^2)", Drift.zero(),
                DiagonalDiffusion.constant(s), (tape, x) -> tape.sumCols(tape.square(x)), horizon, new Box(d, lo, hi), exact);
    }

    /**
     * The heat equation with a Gaussian terminal condition {@code φ(x) = exp(−|x|² / (2w²))}. Gaussian convolution
     * ({@code X_T = x + s W_{T−t}}, coordinate by coordinate) gives
     * <pre>  u(x, t) = (w² / (w² + s²(T − t)))^{d/2} exp(−|x|² / (2(w² + s²(T − t)))).</pre>
     * With {@code w² = d} the values stay of order one in every dimension.
     */
    public static KolmogorovProblem heatGaussian(int d, double s, double w, double horizon, double lo, double hi) {
        double w2 = w * w;
        ExactSolution exact = (x, t) -> {
            double v = w2 + s * s * (horizon - t);
            double[] u = squaredNorms(x);
            double scale = Math.pow(w2 / v, 0.5 * d);
            for (int i = 0; i < u.length; i++) {
                u[i] = scale * Math.exp(-u[i] / (2 * v));
            }
            return u;
        };
        TerminalCondition phi = (tape, x) -> tape.exp(tape.scale(tape.sumCols(tape.square(x)), -1 / (2 * w2)));
        return new KolmogorovProblem("heat(d=" + d + ", sigma=" + s + ", phi=gauss(w=" + w + "))", Drift.zero(),
                DiagonalDiffusion.constant(s), phi, horizon, new Box(d, lo, hi), exact);
    }

    /**
     * Black–Scholes: independent geometric Brownian motions {@code dX_j = r X_j dt + s X_j dW_j} and the (undiscounted)
     * call on their geometric mean, {@code φ(x) = max(G(x) − k, 0)}, {@code G(x) = (Π_j x_j)^{1/d}}. {@code log G(X_T)}
     * is Gaussian with mean {@code m = log G(x) + (r − s²/2)(T − t)} and variance {@code v = s²(T − t)/d}, so
     * <pre>  u(x, t) = e^{m + v/2} Φ(d₁) − k Φ(d₂),   d₁ = (m − log k + v)/√v,   d₂ = d₁ − √v</pre>
     * (the Black–Scholes formula; Berner, Dablander &amp; Grohs, NeurIPS 2020, use such baskets).
     */
    public static KolmogorovProblem gbmGeometricCall(int d, double r, double s, double strike, double horizon, double lo,
                                                     double hi) {
        if (!(lo > 0)) {
            throw new IllegalArgumentException("gbm-call: the box must lie in (0, ∞)^d; lo = " + lo);
        }
        ExactSolution exact = (x, t) -> {
            double tau = horizon - t;
            double[] u = new double[x.numRows];
            for (int i = 0; i < u.length; i++) {
                double logG = 0;
                for (int j = 0; j < d; j++) {
                    logG += Math.log(x.get(i, j));
                }
                double m = logG / d + (r - 0.5 * s * s) * tau;
                double v = s * s * tau / d;
                if (v == 0) {
                    u[i] = Math.max(Math.exp(m) - strike, 0);
                    continue;
                }
                double d1 = (m - Math.log(strike) + v) / Math.sqrt(v);
                u[i] = Math.exp(m + 0.5 * v) * GaussianDensity.cdf(d1) - strike * GaussianDensity.cdf(d1 - Math.sqrt(v));
            }
            return u;
        };
        TerminalCondition phi = (tape, x) -> tape.relu(tape.addScalar(
                tape.exp(tape.scale(tape.sumCols(tape.log(x)), 1.0 / d)), -strike));
        Drift drift = (tape, x, t) -> tape.scale(x, r);
        return new KolmogorovProblem("gbm-call(d=" + d + ", r=" + r + ", sigma=" + s + ", K=" + strike + ")", drift,
                DiagonalDiffusion.geometric(s), phi, horizon, new Box(d, lo, hi), exact);
    }

    /**
     * A parametric family (Berner, Dablander &amp; Grohs, NeurIPS 2020): the heat equation with {@code φ(x) = |x|²} for
     * every volatility {@code s ∈ [sLo, sHi]}, learned at once. The parameter is coordinate {@code d + 1} of the state,
     * which the SDE leaves constant (drift and diffusion 0 there), so the box is {@code [lo, hi]^d × [sLo, sHi]} and
     * {@code u(x, s, t) = |x|² + d s² (T − t)}.
     */
    public static KolmogorovProblem heatQuadraticParametric(int d, double sLo, double sHi, double horizon, double lo, double hi) {
        if (!(sLo > 0)) {
            throw new IllegalArgumentException("heat-param: the volatility range must lie in (0, ∞); smin = " + sLo);
        }
        ExactSolution exact = (x, t) -> {
            double[] u = new double[x.numRows];
            for (int i = 0; i < u.length; i++) {
                double s = x.get(i, d);
                for (int j = 0; j < d; j++) {
                    u[i] += x.get(i, j) * x.get(i, j);
                }
                u[i] += d * s * s * (horizon - t);
            }
            return u;
        };
        DiagonalDiffusion diffusion = (tape, x, t) -> {
            Var s = tape.slice(x, d, d + 1);
            return tape.concat(tape.mul(tape.full(x.rows(), d, 1.0), s), tape.full(x.rows(), 1, 0.0));
        };
        TerminalCondition phi = (tape, x) -> tape.sumCols(tape.square(tape.slice(x, 0, d)));
        return new KolmogorovProblem("heat-param(d=" + d + ", sigma in [" + sLo + ", " + sHi + "], phi=|x|^2)", Drift.zero(),
                diffusion, phi, horizon, new Box(d, lo, hi).times(new Box(1, sLo, sHi)), exact);
    }

    /**
     * A problem from a spec {@code NAME[:key=value,…]}: {@code heat} (keys {@code d, sigma, T, lo, hi}; defaults
     * {@code d=10, sigma=√2, T=1, lo=0, hi=1}), {@code heat-gauss} (also {@code w}, default {@code √d}; box
     * {@code [-1, 1]}), {@code gbm-call} (keys {@code d, r, sigma, strike, T, lo, hi}; defaults
     * {@code d=10, r=0.05, sigma=0.4, strike=1, T=1, lo=0.9, hi=1.1}), {@code heat-param} (keys
     * {@code d, smin, smax, T, lo, hi}; defaults {@code d=10, smin=0.5, smax=1.5, T=1, lo=0, hi=1}).
     *
     * @throws IllegalArgumentException naming the bad part and the allowed values
     */
    public static KolmogorovProblem parse(String spec) {
        String[] head = spec.split(":", 2);
        String name = head[0];
        Map<String, Double> kv = new LinkedHashMap<>();
        if (head.length == 2 && !head[1].isEmpty()) {
            for (String part : head[1].split(",")) {
                String[] p = part.split("=", 2);
                if (p.length != 2) {
                    throw new IllegalArgumentException("problem '" + spec + "': '" + part + "' is not key=value");
                }
                try {
                    kv.put(p[0].trim(), Double.parseDouble(p[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("problem '" + spec + "': " + p[0] + " = '" + p[1] + "' is not a number");
                }
            }
        }
        List<String> keys = switch (name) {
            case "heat" -> List.of("d", "sigma", "T", "lo", "hi");
            case "heat-gauss" -> List.of("d", "sigma", "w", "T", "lo", "hi");
            case "gbm-call" -> List.of("d", "r", "sigma", "strike", "T", "lo", "hi");
            case "heat-param" -> List.of("d", "smin", "smax", "T", "lo", "hi");
            default -> throw new IllegalArgumentException("unknown problem '" + name + "'; valid: " + String.join(", ", names()));
        };
        for (String k : kv.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException("problem '" + name + "': unknown key '" + k + "'; valid: " + String.join(", ", keys));
            }
        }
        double dv = kv.getOrDefault("d", 10.0);
        if (dv != Math.rint(dv) || dv < 1 || dv > 10_000) {
            throw new IllegalArgumentException("problem '" + name + "': d = " + dv + "; must be an integer in [1, 10000]");
        }
        int d = (int) dv;
        double t = kv.getOrDefault("T", 1.0);
        return switch (name) {
            case "heat" -> heatQuadratic(d, kv.getOrDefault("sigma", Math.sqrt(2)), t, kv.getOrDefault("lo", 0.0),
                    kv.getOrDefault("hi", 1.0));
            case "heat-gauss" -> heatGaussian(d, kv.getOrDefault("sigma", 1.0), kv.getOrDefault("w", Math.sqrt(d)), t,
                    kv.getOrDefault("lo", -1.0), kv.getOrDefault("hi", 1.0));
            case "heat-param" -> heatQuadraticParametric(d, kv.getOrDefault("smin", 0.5), kv.getOrDefault("smax", 1.5), t,
                    kv.getOrDefault("lo", 0.0), kv.getOrDefault("hi", 1.0));
            default -> gbmGeometricCall(d, kv.getOrDefault("r", 0.05), kv.getOrDefault("sigma", 0.4),
                    kv.getOrDefault("strike", 1.0), t, kv.getOrDefault("lo", 0.9), kv.getOrDefault("hi", 1.1));
        };
    }

    private static double[] squaredNorms(DMatrixRMaj x) {
        double[] u = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                double v = x.get(i, j);
                u[i] += v * v;
            }
        }
        return u;
    }

    /** {@code φ} evaluated outside a tape, for reports. */
    static double[] terminalValues(KolmogorovProblem p, DMatrixRMaj x) {
        Tape t = Tape.noGrad();
        Var v = p.terminal().apply(t, t.constant(x));
        return java.util.Arrays.copyOf(v.value().data, x.numRows);
    }
}
