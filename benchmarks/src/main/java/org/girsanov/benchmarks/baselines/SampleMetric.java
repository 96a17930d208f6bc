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

    /** The metric of {@code samples} against {@code exact} (both {@code K × d}) for {@code target}. */
    double value(Target target, DMatrixRMaj samples, DMatrixRMaj exact);

    /** {@code Δstd = mean_j |std_j(samples) − std_j(exact)|} (REFERENCE.md, metrics). */
    static SampleMetric deltaStd() {
        return new SampleMetric() {
            @Override
            public String name() {
                return "Δstd";
            }

            @Override
            public double value(Target target, DMatrixRMaj samples, DMatrixRMaj exact) {
                double s = 0;
                for (int j = 0; j < samples.numCols; j++) {
                    s += Math.abs(std(samples, j) - std(exact, j));
                }
                return s / samples.numCols;
            }
        };
    }

    /** Sample standard deviation of column j. */
    static double std(DMatrixRMaj x, int j) {
        double m = 0;
        for (int i = 0; i < x.numRows; i++) {
            m += x.get(i, j);
        }
        m /= x.numRows;
        double v = 0;
        for (int i = 0; i < x.numRows; i++) {
            double e = x.get(i, j) - m;
            v += e * e;
        }
        return Math.sqrt(v / (x.numRows - 1));
    }
}
