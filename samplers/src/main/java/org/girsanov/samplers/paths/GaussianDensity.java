package org.girsanov.samplers.paths;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** Diagonal Gaussian log-densities on the tape. */
public final class GaussianDensity {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianDensity() {
    }

    /**
     * {@code log N(x; m, diag(s²)) = −½ Σ_j ((x_j − m_j)/s_j)² − Σ_j log s_j − (d/2) log 2π}, per row
     * ({@code n × 1}); {@code std} is {@code 1×1}, {@code n×1} or {@code n×d}.
     */
    public static Var logDensity(Tape t, Var x, Var mean, Var std) {
        int d = x.cols();
        Var z = t.div(t.sub(x, mean), std);
        Var quad = t.scale(t.sumCols(t.square(z)), -0.5);
        Var logStd = t.log(std);
        Var logDet = std.cols() == d && d > 1 ? t.sumCols(logStd) : t.scale(logStd, d);
        return t.addScalar(t.sub(quad, logDet), -0.5 * d * LOG_2PI);
    }

    /** {@code log N(x; 0, s² I)} per row for a constant {@code s}. */
    public static Var logDensityIsotropic(Tape t, Var x, double std) {
        int d = x.cols();
        Var quad = t.scale(t.sumCols(t.square(x)), -0.5 / (std * std));
        return t.addScalar(quad, -d * Math.log(std) - 0.5 * d * LOG_2PI);
    }
}
