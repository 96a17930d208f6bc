package org.girsanov.autodiff;

/**
 * The logarithm of the standard normal distribution function and its derivative, to full double precision on
 * the whole line (what probit likelihoods need far in the tails, where {@code Φ} itself underflows):
 * <pre>
 *   log Φ(z),      Φ(z) = ∫_{−∞}^z φ,  φ(z) = e^{−z²/2}/√(2π),
 *   d/dz log Φ(z) = φ(z)/Φ(z),          d²/dz² log Φ(z) = −s(z)(z + s(z)),  s = φ/Φ.
 * </pre>
 * For {@code |z| ≤ 3} the series {@code Φ(z) = ½ + φ(z) Σ_{n≥0} z^{2n+1}/(1·3···(2n+1))} (Abramowitz &amp;
 * Stegun 26.2.11); beyond, the continued fraction of Mills' ratio, {@code 1 − Φ(x) = φ(x)/K(x)} with
 * {@code K(x) = x + 1/(x + 2/(x + 3/(x + …)))} (A&amp;S 26.2.14), evaluated by the modified Lentz method:
 * {@code log Φ(z) = log φ(z) − log K(−z)} and {@code φ/Φ = K(−z)} for {@code z < −3}, and
 * {@code log Φ(z) = log1p(−φ(z)/K(z))} for {@code z > 3}. Relative error below 10⁻¹² (the series loses a few digits
 * to cancellation just right of −3) against
 * {@code log(erfc(−z/√2)/2)} of a correctly rounded libm ({@code NormalCdfTest}).
 */
public final class NormalCdf {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SWITCH = 3.0;

    private NormalCdf() {
    }

    /** {@code log Φ(z)}. */
    public static double logCdf(double z) {
        if (z < -SWITCH) {
            return logDensity(z) - Math.log(mills(-z));
        }
        if (z > SWITCH) {
            return Math.log1p(-Math.exp(logDensity(z)) / mills(z));
        }
        return Math.log(0.5 + Math.exp(logDensity(z)) * series(z));
    }

    /** {@code d/dz log Φ(z) = φ(z)/Φ(z)}: about {@code −z} far left, about {@code φ(z)} far right. */
    public static double dLogCdf(double z) {
        if (z < -SWITCH) {
            return mills(-z);
        }
        double phi = Math.exp(logDensity(z));
        if (z > SWITCH) {
            return phi / (1 - phi / mills(z));
        }
        return phi / (0.5 + phi * series(z));
    }

    /** {@code log φ(z)}. */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** {@code Σ_{n≥0} z^{2n+1}/(2n+1)!!} until the terms stop changing the sum. */
    private static double series(double z) {
        double term = z;
        double sum = z;
        final double z2 = z * z;
        for (int n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
            term *= z2 / (2 * n + 1);
            sum += term;
        }
        return sum;
    }

    /** {@code K(x) = x + 1/(x + 2/(x + 3/(x + …)))} for {@code x > 3}, by the modified Lentz method. */
    private static double mills(double x) {
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            d = 1 / (x + k * d);
            c = x + k / c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) <= 1e-16) {
                break;
            }
        }
        return f;
    }
}
