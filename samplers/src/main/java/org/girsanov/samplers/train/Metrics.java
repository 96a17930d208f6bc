package org.girsanov.samplers.train;

import org.girsanov.samplers.metrics.LogWeights;

/** Log-weight metrics that tolerate NaN entries (paths the loss left out), which they skip. */
final class Metrics {
    private Metrics() {
    }

    static double[] finite(double[] logW) {
        return java.util.Arrays.stream(logW).filter(v -> !Double.isNaN(v) && v != Double.POSITIVE_INFINITY).toArray();
    }

    static double ess(double[] logW) {
        return LogWeights.effectiveSampleSize(finite(logW));
    }

    static double logZLowerBound(double[] logW) {
        double[] f = java.util.Arrays.stream(logW).filter(Double::isFinite).toArray();
        return LogWeights.logZLowerBound(f);
    }

    static double logZImportance(double[] logW) {
        return LogWeights.logZImportance(finite(logW));
    }
}
