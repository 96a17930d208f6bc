package org.girsanov.sde.check;

/** The fitted order of convergence: the least-squares slope of {@code log error} against {@code log Δt}. */
public final class ConvergenceOrder {
    private ConvergenceOrder() {
    }

    /**
     * {@code p̂ = Σ (ℓ_i − ℓ̄)(e_i − ē) / Σ (ℓ_i − ℓ̄)²} with {@code ℓ = log Δt}, {@code e = log error};
     * {@code error ≈ C Δt^p}. Needs at least two levels and positive values.
     */
    public static double fit(double[] dt, double[] error) {
        if (dt.length != error.length || dt.length < 2) {
            throw new IllegalArgumentException("ConvergenceOrder.fit: dt has " + dt.length + " values and error "
                    + error.length + "; need the same number, at least 2");
        }
        int n = dt.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            if (!(dt[i] > 0) || !(error[i] > 0)) {
                throw new IllegalArgumentException("ConvergenceOrder.fit: dt[" + i + "] = " + dt[i] + ", error[" + i + "] = "
                        + error[i] + "; both must be > 0");
            }
            mx += Math.log(dt[i]) / n;
            my += Math.log(error[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.log(dt[i]) - mx;
            sxy += x * (Math.log(error[i]) - my);
            sxx += x * x;
        }
        return sxy / sxx;
    }
}
