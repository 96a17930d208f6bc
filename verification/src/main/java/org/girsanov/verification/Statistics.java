package org.girsanov.verification;

import java.util.Map;
import org.girsanov.sde.GaussianDensity;

/**
 * Statistical assertions with a stated false-alarm rate. A Monte Carlo mean {@code m̂} of {@code K}
 * independent samples passes if {@code |m̂ − μ| ≤ k·SE + bias}, {@code SE = ŝ/√K}; under the null
 * hypothesis (and the CLT) a false alarm happens with probability {@code 2(1 − Φ(k))} — 6.3e-5 for
 * {@code k = 4}, 5.7e-7 for {@code k = 5}. A fitted convergence order passes if it lies in a band.
 */
public final class Statistics {
    private Statistics() {
    }

    /** Mean of {@code x}. */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Standard error of the mean, {@code ŝ/√K}. */
    public static double standardError(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }

    /** Two-sided false-alarm probability {@code 2(1 − Φ(k)) = erfc(k/√2)}. */
    public static double falseAlarmRate(double k) {
        return erfc(k / Math.sqrt(2));
    }

    /** {@code |mean − expected| ≤ k·SE + bias}, as a verdict with the numbers. */
    public static Verdict meanWithin(String check, double[] samples, double expected, double k, double bias) {
        double m = mean(samples);
        double se = standardError(samples);
        double band = k * se + bias;
        return new Verdict(check, Math.abs(m - expected) <= band,
                Map.of("mean", m, "expected", expected, "standard_error", se, "band", band,
                        "false_alarm_rate", falseAlarmRate(k)),
                "Monte Carlo mean within " + k + " standard errors" + (bias > 0 ? " plus bias " + bias : ""));
    }

    /** {@code low ≤ order ≤ high}. */
    public static Verdict orderWithin(String check, double order, double low, double high) {
        return new Verdict(check, order >= low && order <= high, Map.of("fitted_order", order, "low", low, "high", high),
                "fitted convergence order in [" + low + ", " + high + "]");
    }

    /** erfc by Numerical Recipes' Chebyshev fit (relative error &lt; 1.2e-7): {@link GaussianDensity#erfc}. */
    static double erfc(double x) {
        return GaussianDensity.erfc(x);
    }
}
