package org.girsanov.benchmarks.baselines;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;

/**
 * A column of the baseline table computed from a method's (unweighted) samples and exact samples of the
 * same size. {@link BaselineBenchmark} takes a list of these, so further metrics (e.g. Sinkhorn from
 * {@code org.girsanov.samplers.metrics}) are added by passing one more instance.
 */
public interface SampleMetric {

    /** Column header. */
    String name();

    /**
     * The metric of {@code samples} against {@code exact} (both {@code K × d}) for {@code target}; {@code exact} is
     * {@code null} for a target without an exact sampler (a metric that needs it is then NaN).
     */
    double value(Target target, DMatrixRMaj samples, DMatrixRMaj exact);

    /**
     * {@code Δstd = mean_j |std_j(samples) − std_j(true)|} (docs/targets-and-metrics.md, metrics), against the target's
     * true standard deviations when known ({@link Target#marginalStd()}), else those of {@code exact}.
     */
    static SampleMetric deltaStd() {
        return new SampleMetric() {
            @Override
            public String name() {
                return "Δstd";
            }

            @Override
            public double value(Target target, DMatrixRMaj samples, DMatrixRMaj exact) {
                return org.girsanov.samplers.train.Evaluator.deltaStd(samples, target, exact);
            }
        };
    }

    /**
     * The entropic OT cost with Euclidean cost at ε = 1e-3, run to convergence (docs/targets-and-metrics.md), on the
     * first {@code k} samples of each set.
     */
    static SampleMetric sinkhorn(int k) {
        return new SampleMetric() {
            @Override
            public String name() {
                return "Sinkhorn(K=" + k + ")";
            }

            @Override
            public double value(Target target, DMatrixRMaj samples, DMatrixRMaj exact) {
                if (exact == null) {
                    return Double.NaN;
                }
                int n = Math.min(k, Math.min(samples.numRows, exact.numRows));
                return org.girsanov.samplers.metrics.Sinkhorn.cost(head(samples, n), head(exact, n)).cost();
            }
        };
    }

    /** The first {@code n} rows. */
    static DMatrixRMaj head(DMatrixRMaj x, int n) {
        DMatrixRMaj out = new DMatrixRMaj(n, x.numCols);
        System.arraycopy(x.data, 0, out.data, 0, n * x.numCols);
        return out;
    }
}
