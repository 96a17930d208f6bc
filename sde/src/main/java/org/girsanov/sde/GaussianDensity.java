package org.girsanov.sde;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** Batched Gaussian log-densities on the tape. */
public final class GaussianDensity {
    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private GaussianDensity() {
    }

    /**
     * {@code log N(x; m, v I) = −|x − m|² / (2v) − (d/2) log(2πv)} per row ({@code n × 1}); {@code m} is
     * {@code n × d} or a {@code 1 × d} row.
     */
    public static Var isotropic(Tape tape, Var x, Var mean, double variance) {
        Checks.positive("GaussianDensity.isotropic", "variance", variance);
        int d = x.cols();
        Var sq = tape.sumCols(tape.square(tape.sub(x, mean)));
        return tape.addScalar(tape.scale(sq, -0.5 / variance), -0.5 * d * (LOG_2PI + Math.log(variance)));
    }

    /**
     * {@code log N(x; m, diag(s²)) = −½ Σ_j ((x_j − m_j)/s_j)² − Σ_j log s_j − (d/2) log 2π} per row
     * ({@code n × 1}); {@code std} is {@code 1 × 1}, {@code n × 1} or {@code n × d}. A constant {@code 1 × 1}
     * standard deviation takes the isotropic form.
     */
    public static Var withStd(Tape tape, Var x, Var mean, Var std) {
        if (std.rows() == 1 && std.cols() == 1 && !std.requiresGrad()) {
            double s = std.value().data[0];
            return isotropic(tape, x, mean, s * s);
        }
        int d = x.cols();
        Var z = tape.div(tape.sub(x, mean), std);
        Var quad = tape.scale(tape.sumCols(tape.square(z)), -0.5);
        Var logStd = tape.log(std);
        Var logDet = std.cols() == d && d > 1 ? tape.sumCols(logStd) : tape.scale(logStd, d);
        return tape.addScalar(tape.sub(quad, logDet), -0.5 * d * LOG_2PI);
    }

    /** {@code log N(x; 0, s² I)} per row for a constant {@code s > 0}. */
    public static Var centred(Tape tape, Var x, double std) {
        Checks.positive("GaussianDensity.centred", "std", std);
        int d = x.cols();
        Var quad = tape.scale(tape.sumCols(tape.square(x)), -0.5 / (std * std));
        return tape.addScalar(quad, -d * Math.log(std) - 0.5 * d * LOG_2PI);
    }

    /**
     * {@code log N(x; m, diag(e^{ℓ}))} with log-variance {@code ℓ} ({@code n × d} per coordinate, or
     * {@code n × 1} shared by all coordinates): {@code −½ Σ_j [(x_j − m_j)² e^{−ℓ_j} + ℓ_j + log 2π]}.
     */
    public static Var diagonal(Tape tape, Var x, Var mean, Var logVariance) {
        int d = x.cols();
        Var r2 = tape.mul(tape.square(tape.sub(x, mean)), tape.exp(tape.neg(logVariance)));
        Var logDet = logVariance.cols() == 1 ? tape.scale(logVariance, d) : tape.sumCols(logVariance);
        return tape.addScalar(tape.scale(tape.add(tape.sumCols(r2), logDet), -0.5), -0.5 * d * LOG_2PI);
    }

    /** The standard normal distribution function {@code Φ(z) = ½ erfc(−z/√2)} (relative error &lt; 1.2e-7, {@link #erfc}). */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * {@code erfc(x)} by the Chebyshev fit of Numerical Recipes (2nd ed., §6.2, {@code erfcc}): fractional error
     * below {@code 1.2 × 10⁻⁷} everywhere.
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
