package org.girsanov.samplers.targets;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The one-dimensional double well {@code q(x) = exp(−(x² − δ)²)}, the factor of {@link ManyWell}.
 *
 * <p><b>Normaliser.</b> {@code I(δ) = ∫ q} by {@link Quadrature#adaptiveSimpson} on
 * {@code [−L, L]}, {@code L = √(max(δ,0) + 9)}, where {@code q < e^{−81}} outside; absolute tolerance 1e-13.
 *
 * <p><b>Exact sampler</b> (rejection, von Neumann 1951), from whichever of two envelopes accepts more often:
 * <ul>
 *   <li>for δ &gt; 0 with {@code m = √δ}: on {@code x ≥ 0}, {@code (x² − δ)² = (x − m)²(x + m)² ≥ m²(x − m)²}, so
 *   {@code q(x) ≤ exp(−m²(x − m)²)}. With a uniform sign this is a two-component Gaussian-mixture envelope
 *   {@code ½N(m, 1/(2m²)) + ½N(−m, 1/(2m²))} (folded at 0). Propose {@code y ~ N(m, 1/(2m²))}, reject
 *   {@code y < 0}, accept with {@code exp(−(y − m)² y (y + 2m))}, return {@code ±y};</li>
 *   <li>for any δ: {@code (x² − a)² ≥ 0} gives {@code x⁴ ≥ 2a x² − a²}, so for {@code a > δ},
 *   {@code q(x) ≤ e^{a² − δ²} exp(−2(a − δ) x²)}; propose {@code y ~ N(0, 1/(4(a − δ)))}, accept with
 *   {@code exp(−(y² − a)²)}; {@code a = (δ + √(δ² + 4))/2} minimises the envelope mass.</li>
 * </ul>
 * Both are exact in distribution.
 */
public final class DoubleWell {
    private final double delta;
    private final double logNormaliser;
    private final boolean shifted;
    private final double m;
    private final double a;
    private final double acceptance;

    public DoubleWell(double delta) {
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("double well: δ must be finite, got " + delta);
        }
        this.delta = delta;
        double l = Math.sqrt(Math.max(delta, 0) + 9.0);
        double integral = Quadrature.adaptiveSimpson(x -> Math.exp(-sq(x * x - delta)), -l, l, 1e-13);
        this.logNormaliser = Math.log(integral);
        this.a = 0.5 * (delta + Math.sqrt(delta * delta + 4));
        double massCentred = Math.exp(a * a - delta * delta) * Math.sqrt(Math.PI / (2 * (a - delta)));
        double rateCentred = integral / massCentred;
        this.m = delta > 0 ? Math.sqrt(delta) : 0;
        double rateShifted = delta > 0 ? 0.5 * integral / (Math.sqrt(Math.PI) / m) : 0;
        this.shifted = rateShifted > rateCentred;
        this.acceptance = Math.max(rateShifted, rateCentred);
    }

    private static double sq(double v) {
        return v * v;
    }

    public double delta() {
        return delta;
    }

    /** {@code log ∫ exp(−(x² − δ)²) dx}. */
    public double logNormaliser() {
        return logNormaliser;
    }

    /** Expected acceptance rate of the sampler. */
    public double acceptanceRate() {
        return acceptance;
    }

    /** {@code ∫ g(x) q(x) dx / ∫ q} by the same quadrature (for tests: moments of the exact law). */
    public double expectation(java.util.function.DoubleUnaryOperator g) {
        double l = Math.sqrt(Math.max(delta, 0) + 9.0);
        return Quadrature.adaptiveSimpson(x -> g.applyAsDouble(x) * Math.exp(-sq(x * x - delta)), -l, l, 1e-13)
                / Math.exp(logNormaliser);
    }

    /** One exact draw. */
    public double sample(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss) {
        if (shifted) {
            double s = 1.0 / (Math.sqrt(2.0) * m);
            while (true) {
                double y = m + s * gauss.sample();
                if (y < 0) {
                    continue;
                }
                double logAccept = -sq(y - m) * y * (y + 2 * m);
                if (Math.log(rng.nextDouble()) < logAccept) {
                    return rng.nextBoolean() ? y : -y;
                }
            }
        }
        double s = 1.0 / Math.sqrt(4.0 * (a - delta));
        while (true) {
            double y = s * gauss.sample();
            if (Math.log(rng.nextDouble()) < -sq(y * y - a)) {
                return y;
            }
        }
    }
}
