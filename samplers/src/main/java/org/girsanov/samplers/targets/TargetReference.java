package org.girsanov.samplers.targets;

import java.util.Arrays;

/**
 * Reference values of a target that has no closed form: {@code log Z} with its standard error, and the
 * per-coordinate posterior mean and standard deviation, each estimated by long independent runs
 * (docs/targets-and-metrics.md, "Reference log Z"; benchmarks/results/real-targets-reference.md). The
 * evaluator measures {@code Δstd} against {@link #std()} when the target has no exact sampler.
 *
 * @param logZ            the reference {@code log Z}
 * @param logZError       its standard error (0 when exact up to rounding, e.g. by quadrature)
 * @param mean            posterior mean per coordinate (length d)
 * @param std             posterior standard deviation per coordinate (length d)
 * @param source          how the values were obtained (estimators, seeds, commit)
 */
public record TargetReference(double logZ, double logZError, double[] mean, double[] std, String source) {

    public TargetReference {
        if (!Double.isFinite(logZ) || !(logZError >= 0) || !Double.isFinite(logZError)) {
            throw new IllegalArgumentException("target reference: log Z = " + logZ + " ± " + logZError
                    + "; both must be finite, the error >= 0");
        }
        if (mean.length != std.length) {
            throw new IllegalArgumentException("target reference: " + mean.length + " means but " + std.length + " stds");
        }
        for (int j = 0; j < std.length; j++) {
            if (!Double.isFinite(mean[j]) || !(std[j] >= 0) || !Double.isFinite(std[j])) {
                throw new IllegalArgumentException("target reference: coordinate " + j + " has mean " + mean[j]
                        + ", std " + std[j] + "; must be finite, std >= 0");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** The dimension d. */
    public int dimension() {
        return std.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetReference r && r.logZ == logZ && r.logZError == logZError
                && Arrays.equals(r.mean, mean) && Arrays.equals(r.std, std) && r.source.equals(source);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(logZ) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "TargetReference[logZ=" + logZ + " ± " + logZError + ", d=" + std.length + ", " + source + "]";
    }
}
