package org.girsanov.autodiff.optim;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;

/** Gradient clipping. */
public final class GradClip {
    private GradClip() {
    }

    /** The global norm {@code ‖g‖ = √(Σ_p Σ_i g_{p,i}²)} of the parameters' gradient buffers. */
    public static double globalNorm(List<Parameter> params) {
        double s = 0;
        for (Parameter p : params) {
            double[] g = p.grad().data;
            int n = p.size();
            for (int i = 0; i < n; i++) {
                s += g[i] * g[i];
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Clips by global norm (Pascanu, Mikolov &amp; Bengio, ICML 2013): if {@code ‖g‖ > maxNorm} every
     * gradient is scaled by {@code maxNorm/‖g‖}, so afterwards {@code ‖g‖ = maxNorm} (up to rounding);
     * otherwise nothing changes. A non-finite norm leaves the gradients untouched (the caller's NaN guard
     * decides what to do).
     *
     * @return the norm before clipping
     */
    public static double clipGlobalNorm(List<Parameter> params, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGlobalNorm: maxNorm = " + maxNorm + "; must be > 0");
        }
        double norm = globalNorm(params);
        if (Double.isFinite(norm) && norm > maxNorm) {
            double c = maxNorm / norm;
            for (Parameter p : params) {
                double[] g = p.grad().data;
                int n = p.size();
                for (int i = 0; i < n; i++) {
                    g[i] *= c;
                }
            }
        }
        return norm;
    }
}
