package org.girsanov.samplers.targets;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * Rubin's eight schools (Rubin, "Estimation in parallel randomized experiments", J. Educ. Stat. 1981; Gelman et
 * al., Bayesian Data Analysis, 3rd ed., §5.5), the hierarchical model of Stan's and posteriordb's
 * {@code eight_schools}: treatment effects {@code y_j} with known standard errors {@code σ_j}, {@code j = 1..J},
 * {@code J = 8},
 * <pre>
 *   μ ~ N(0, 5²),   τ ~ HalfCauchy(0, 5),   θ_j ~ N(μ, τ²),   y_j ~ N(θ_j, σ_j²),
 * </pre>
 * every density normalised, so {@code Z = p(y)}. The coordinates are {@code x = (μ, s, θ_1..θ_8)} (centred) or
 * {@code (μ, s, η_1..η_8)} with {@code θ_j = μ + τ η_j}, {@code η_j ~ N(0, 1)} (non-centred), both with
 * {@code s = log τ}: the change of variables {@code τ = e^s} adds the Jacobian {@code log |dτ/ds| = s}, and
 * the non-centred map {@code θ = μ + τη} has Jacobian {@code τ^J}, which {@code N(θ_j; μ, τ²) = N(η_j; 0, 1)/τ}
 * cancels, so the two forms have the same {@code Z}. With {@code u = e^{2s}/25},
 * {@code log p(s) = log(2/(5π)) − log(1 + u) + s}, {@code ∂_s log p(s) = 1 − 2u/(1 + u)},
 * {@code ∂²_s log p(s) = −4u/(1 + u)²}; centred ({@code e = e^{−2s}}, {@code δ_j = θ_j − μ}):
 * <pre>
 *   log ρ = log N(μ; 0, 25) + log p(s) + Σ_j [log N(θ_j; μ, e^{2s}) + log N(y_j; θ_j, σ_j²)],
 *   ∂_μ = −μ/25 + e Σ_j δ_j,   ∂_s = ∂_s log p(s) − J + e Σ_j δ_j²,   ∂_{θ_j} = −e δ_j + (y_j − θ_j)/σ_j²;
 * </pre>
 * non-centred ({@code v = e^s}, {@code r_j = (y_j − μ − v η_j)/σ_j²}):
 * <pre>
 *   log ρ = log N(μ; 0, 25) + log p(s) + Σ_j [log N(η_j; 0, 1) + log N(y_j; μ + v η_j, σ_j²)],
 *   ∂_μ = −μ/25 + Σ_j r_j,   ∂_s = ∂_s log p(s) + v Σ_j r_j η_j,   ∂_{η_j} = −η_j + v r_j.
 * </pre>
 * The centred density is unbounded as {@code τ → 0} with {@code θ_j = μ} (the funnel: it has no mode); the
 * non-centred one has a mode. {@code log Z} and the posterior moments are exact up to quadrature error
 * ({@link EightSchoolsMarginal}).
 */
public final class EightSchools implements HessianTarget {
    /** The estimated treatment effects {@code y_j} (BDA3 Table 5.2). */
    static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    /** Their standard errors {@code σ_j}. */
    static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};
    /** Prior standard deviation of μ and scale of the half-Cauchy prior of τ. */
    static final double MU_SCALE = 5;
    static final double TAU_SCALE = 5;
    private static final int J = 8;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** The parametrisation of the school effects. */
    public enum Form {
        /** Coordinates {@code (μ, log τ, θ_1..θ_8)}. */
        CENTRED("centred"),
        /** Coordinates {@code (μ, log τ, η_1..η_8)}, {@code θ_j = μ + τ η_j}. */
        NONCENTRED("noncentred");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code centred} or {@code noncentred}. */
        public static Form parse(String s) {
            String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
            for (Form f : values()) {
                if (f.label.equals(v)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("target eight-schools: form = \"" + s + "\"; allowed: centred, noncentred");
        }
    }

    private final Form form;
    private final double logPriorConstant;
    private final TargetReference reference;

    public EightSchools(Form form) {
        if (form == null) {
            throw new IllegalArgumentException("target eight-schools: form is null; allowed: centred, noncentred");
        }
        this.form = form;
        double c = -0.5 * Math.log(2 * Math.PI * MU_SCALE * MU_SCALE) + Math.log(2 / (Math.PI * TAU_SCALE));
        for (double sg : SIGMA) {
            c -= 0.5 * Math.log(2 * Math.PI * sg * sg);
        }
        this.logPriorConstant = c - 0.5 * J * LOG_2PI;
        this.reference = EightSchoolsMarginal.reference(form);
    }

    public Form form() {
        return form;
    }

    @Override
    public String name() {
        return "eight-schools-" + form.label();
    }

    @Override
    public int dimension() {
        return J + 2;
    }

    @Override
    public Var logDensity(Tape t, Var x) {
        Checks.columns("target " + name(), x.cols(), dimension());
        Var mu = t.slice(x, 0, 1);
        Var s = t.slice(x, 1, 2);
        Var rest = t.slice(x, 2, J + 2);
        Var yRow = t.constant(new DMatrixRMaj(1, J, true, Y));
        double[] half = new double[J];
        for (int j = 0; j < J; j++) {
            half[j] = -0.5 / (SIGMA[j] * SIGMA[j]);
        }
        Var halfPrecision = t.constant(new DMatrixRMaj(1, J, true, half));
        Var logPriorMu = t.scale(t.square(mu), -0.5 / (MU_SCALE * MU_SCALE));
        Var logPriorS = t.sub(s, t.log1p(t.scale(t.exp(t.scale(s, 2)), 1 / (TAU_SCALE * TAU_SCALE))));
        Var theta;
        Var logGroup;
        if (form == Form.CENTRED) {
            theta = rest;
            Var ss = t.sumCols(t.square(t.sub(rest, mu)));
            logGroup = t.sub(t.scale(s, -J), t.scale(t.mul(t.exp(t.scale(s, -2)), ss), 0.5));
        } else {
            theta = t.add(mu, t.mul(t.exp(s), rest));
            logGroup = t.scale(t.sumCols(t.square(rest)), -0.5);
        }
        Var logLik = t.sumCols(t.mul(t.square(t.sub(theta, yRow)), halfPrecision));
        return t.addScalar(t.add(t.add(logPriorMu, logPriorS), t.add(logGroup, logLik)), logPriorConstant);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        Checks.columns("target " + name(), x.numCols, dimension());
        int d = dimension();
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, d);
        for (int i = 0; i < x.numRows; i++) {
            int o = i * d;
            double mu = x.data[o];
            double s = x.data[o + 1];
            double u = Math.exp(2 * s) / (TAU_SCALE * TAU_SCALE);
            double gMu = -mu / (MU_SCALE * MU_SCALE);
            double gS = 1 - 2 * u / (1 + u);
            if (form == Form.CENTRED) {
                double e = Math.exp(-2 * s);
                gS -= J;
                for (int j = 0; j < J; j++) {
                    double th = x.data[o + 2 + j];
                    double delta = th - mu;
                    gMu += e * delta;
                    gS += e * delta * delta;
                    g.data[o + 2 + j] = -e * delta + (Y[j] - th) / (SIGMA[j] * SIGMA[j]);
                }
            } else {
                double v = Math.exp(s);
                for (int j = 0; j < J; j++) {
                    double eta = x.data[o + 2 + j];
                    double r = (Y[j] - mu - v * eta) / (SIGMA[j] * SIGMA[j]);
                    gMu += r;
                    gS += v * r * eta;
                    g.data[o + 2 + j] = -eta + v * r;
                }
            }
            g.data[o] = gMu;
            g.data[o + 1] = gS;
        }
        return g;
    }

    /**
     * The Hessian: centred {@code ∂²_μ = −1/25 − J e}, {@code ∂_μ∂_s = −2e Σδ_j}, {@code ∂_μ∂_{θ_j} = e},
     * {@code ∂²_s = ∂²_s log p(s) − 2e Σδ_j²}, {@code ∂_s∂_{θ_j} = 2e δ_j}, {@code ∂²_{θ_j} = −e − 1/σ_j²};
     * non-centred {@code ∂²_μ = −1/25 − Σ 1/σ_j²}, {@code ∂_μ∂_s = −v Σ η_j/σ_j²}, {@code ∂_μ∂_{η_j} = −v/σ_j²},
     * {@code ∂²_s = ∂²_s log p(s) + Σ_j (v r_j η_j − v² η_j²/σ_j²)}, {@code ∂_s∂_{η_j} = v r_j − v² η_j/σ_j²},
     * {@code ∂²_{η_j} = −1 − v²/σ_j²}; the school coordinates are otherwise uncoupled.
     */
    @Override
    public double[][] hessian(double[] x) {
        HessianTarget.requirePoint(this, x);
        double[][] h = new double[J + 2][J + 2];
        double mu = x[0];
        double s = x[1];
        double u = Math.exp(2 * s) / (TAU_SCALE * TAU_SCALE);
        h[0][0] = -1 / (MU_SCALE * MU_SCALE);
        h[1][1] = -4 * u / ((1 + u) * (1 + u));
        for (int j = 0; j < J; j++) {
            double p = 1 / (SIGMA[j] * SIGMA[j]);
            int k = 2 + j;
            if (form == Form.CENTRED) {
                double e = Math.exp(-2 * s);
                double delta = x[k] - mu;
                h[0][0] -= e;
                h[0][1] -= 2 * e * delta;
                h[0][k] = e;
                h[1][1] -= 2 * e * delta * delta;
                h[1][k] = 2 * e * delta;
                h[k][k] = -e - p;
            } else {
                double v = Math.exp(s);
                double eta = x[k];
                double r = (Y[j] - mu - v * eta) * p;
                h[0][0] -= p;
                h[0][1] -= v * eta * p;
                h[0][k] = -v * p;
                h[1][1] += v * r * eta - v * v * eta * eta * p;
                h[1][k] = v * r - v * v * eta * p;
                h[k][k] = -1 - v * v * p;
            }
        }
        return HessianTarget.mirrorUpper(h);
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return OptionalDouble.of(reference.logZ());
    }

    @Override
    public Optional<TargetReference> reference() {
        return Optional.of(reference);
    }
}
