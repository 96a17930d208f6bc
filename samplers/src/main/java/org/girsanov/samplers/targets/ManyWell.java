package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * Many-Well (docs/targets-and-metrics.md [mw5], [mw50]; Midgley et al. 2023, Richter &amp; Berner 2024), unnormalised:
 * <pre>
 *   log ρ(x) = −Σ_{i≤w} (x_i² − δ)² − ½ Σ_{i>w} x_i²,
 *   ∂_i log ρ = −4 x_i (x_i² − δ)  (i ≤ w),    −x_i  (i > w),
 *   log Z = w · log ∫ exp(−(x² − δ)²) dx + ((d − w)/2) · log 2π,
 * </pre>
 * the one-dimensional integral by quadrature ({@link DoubleWell}). The density factorises, so exact
 * samples are drawn coordinate by coordinate: the first {@code w} by rejection ({@link DoubleWell}),
 * the others standard normal. {@code 2^w} modes when δ &gt; 0.
 */
public final class ManyWell implements Target {
    private final int d;
    private final int w;
    private final double delta;
    private final DoubleWell well;
    private final String name;

    public ManyWell(int d, int w, double delta) {
        this("manywell(d=" + d + ",w=" + w + ",delta=" + delta + ")", d, w, delta);
    }

    /** As {@link #ManyWell(int, int, double)} with a reported name. */
    public ManyWell(String name, int d, int w, double delta) {
        this.name = name;
        Checks.atLeast("target " + name, "dimension", d, 1);
        Checks.atLeast("target " + name, "number of wells w", w, 0);
        if (w > d) {
            throw new IllegalArgumentException("target " + name + ": w must be at most d");
        }
        Checks.finite("target " + name, "delta", delta);
        this.d = d;
        this.w = w;
        this.delta = delta;
        this.well = new DoubleWell(delta);
    }

    /** [mw5]: d = 5, w = 5, δ = 4; log Z = −0.541056. */
    public static ManyWell mw5() {
        return new ManyWell("mw5", 5, 5, 4.0);
    }

    /** [mw50]: d = 50, w = 5, δ = 2; log Z = 42.817243. */
    public static ManyWell mw50() {
        return new ManyWell("mw50", 50, 5, 2.0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return d;
    }

    public int wells() {
        return w;
    }

    public double delta() {
        return delta;
    }

    /** The one-dimensional factor {@code exp(−(x² − δ)²)}. */
    public DoubleWell well() {
        return well;
    }

    @Override
    public Var logDensity(Tape t, Var x) {
        Checks.columns("target " + name, x.cols(), d);
        Var out = null;
        if (w > 0) {
            Var xw = t.slice(x, 0, w);
            out = t.neg(t.sumCols(t.square(t.addScalar(t.square(xw), -delta))));
        }
        if (w < d) {
            Var gauss = t.scale(t.sumCols(t.square(t.slice(x, w, d))), -0.5);
            out = out == null ? gauss : t.add(out, gauss);
        }
        return out;
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        Checks.columns("target " + name, x.numCols, d);
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, d);
        for (int i = 0; i < x.numRows; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                double v = x.data[o + j];
                g.data[o + j] = j < w ? -4 * v * (v * v - delta) : -v;
            }
        }
        return g;
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return OptionalDouble.of(w * well.logNormaliser() + 0.5 * (d - w) * Math.log(2 * Math.PI));
    }

    /**
     * The density factorises: {@code std_i² = ∫ x² q / ∫ q − (∫ x q / ∫ q)²} by the double well's quadrature for
     * {@code i ≤ w} ({@link DoubleWell#expectation}), 1 for the Gaussian coordinates.
     */
    @Override
    public Optional<double[]> marginalStd() {
        double m1 = well.expectation(x -> x);
        double wellStd = Math.sqrt(well.expectation(x -> x * x) - m1 * m1);
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            std[j] = j < w ? wellStd : 1.0;
        }
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
            for (int j = 0; j < d; j++) {
                out.data[i * d + j] = j < w ? well.sample(rng, g) : g.sample();
            }
        }
        return out;
    }
}
