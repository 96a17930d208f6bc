package org.girsanov.samplers.targets;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * Neal's funnel (Neal, "Slice sampling", Ann. Statist. 2003; docs/targets-and-metrics.md [funnel10]):
 * {@code x₁ ~ N(0, s²)} with {@code s = 3}, and {@code x_i | x₁ ~ N(0, e^{x₁})} for {@code i = 2..d}.
 * Normalised:
 * <pre>
 *   log ρ(x) = −x₁²/(2s²) − ½ log(2π s²) − ((d−1)/2)(log 2π + x₁) − ½ e^{−x₁} Σ_{i≥2} x_i²,   log Z = 0,
 *   ∂₁ log ρ = −x₁/s² − (d−1)/2 + ½ e^{−x₁} Σ_{i≥2} x_i²,     ∂_i log ρ = −e^{−x₁} x_i,
 * </pre>
 * exact samples {@code x₁ = s ξ₁}, {@code x_i = e^{x₁/2} ξ_i}.
 */
public final class Funnel implements Target {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final int d;
    private final double scale;
    private final String name;

    /** The standard funnel, {@code x₁ ~ N(0, 9)}. */
    public Funnel(int d) {
        this(d, 3.0);
    }

    /** A funnel with {@code x₁ ~ N(0, scale²)}. */
    public Funnel(int d, double scale) {
        this.name = "funnel" + d;
        Checks.atLeast("target " + name, "dimension", d, 2);
        Checks.positive("target " + name, "scale", scale);
        this.d = d;
        this.scale = scale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** The standard deviation {@code s} of {@code x₁}. */
    public double scale() {
        return scale;
    }

    @Override
    public Var logDensity(Tape t, Var x) {
        Checks.columns("target " + name, x.cols(), d);
        Var x1 = t.slice(x, 0, 1);
        Var rest = t.slice(x, 1, d);
        double s2 = scale * scale;
        Var head = t.addScalar(t.scale(t.square(x1), -0.5 / s2), -0.5 * Math.log(2 * Math.PI * s2) - 0.5 * (d - 1) * LOG_2PI);
        Var logVarTerm = t.scale(x1, -0.5 * (d - 1));
        Var quad = t.scale(t.mul(t.exp(t.neg(x1)), t.sumCols(t.square(rest))), -0.5);
        return t.add(t.add(head, logVarTerm), quad);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        Checks.columns("target " + name, x.numCols, d);
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, d);
        double s2 = scale * scale;
        for (int i = 0; i < x.numRows; i++) {
            int o = i * d;
            double x1 = x.data[o];
            double e = Math.exp(-x1);
            double ss = 0;
            for (int j = 1; j < d; j++) {
                double v = x.data[o + j];
                ss += v * v;
                g.data[o + j] = -e * v;
            }
            g.data[o] = -x1 / s2 - 0.5 * (d - 1) + 0.5 * e * ss;
        }
        return g;
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return OptionalDouble.of(0.0);
    }

    /**
     * {@code std_1 = s} and, for {@code i ≥ 2}, {@code std_i² = E[Var(x_i | x₁)] = E[e^{x₁}] = e^{s²/2}} (the
     * log-normal mean), so {@code std_i = e^{s²/4}} (9.49 for the standard funnel).
     */
    @Override
    public Optional<double[]> marginalStd() {
        double[] std = new double[d];
        Arrays.fill(std, Math.exp(scale * scale / 4));
        std[0] = scale;
        return Optional.of(std);
    }

    @Override
    public boolean hasExactSampler() {
        return true;
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double x1 = scale * g.sample();
            double s = Math.exp(0.5 * x1);
            out.data[i * d] = x1;
            for (int j = 1; j < d; j++) {
                out.data[i * d + j] = s * g.sample();
            }
        }
        return out;
    }
}
