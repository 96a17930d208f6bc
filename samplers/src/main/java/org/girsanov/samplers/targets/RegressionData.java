package org.girsanov.samplers.targets;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A regression data set: N examples of p features and a response — a label 0 or 1 ({@link Response#BINARY}:
 * logistic and probit regression) or a count 0, 1, 2, … ({@link Response#COUNT}: Poisson regression). Made by
 * {@link #of}, which checks every value (finite features, responses of their kind, both classes of a binary set)
 * and names the source and the example of any problem; files are read outside the core ({@code
 * org.girsanov.io.RegressionCsv}: CSV, errors by line).
 *
 * <p>{@link #standardized()} gives every feature column mean 0 and standard deviation 1 (population
 * standard deviation, divisor N, as scikit-learn's {@code StandardScaler}); a constant column becomes 0.
 */
public final class RegressionData {
    /** What the response is. */
    public enum Response {
        /** A class label, 0 or 1; both must occur. */
        BINARY,
        /** A count: a non-negative integer. */
        COUNT;

        /** Why {@code y} is not a response of this kind ({@code "label is 2; allowed: 0 or 1"}), or {@code null}. */
        public String problem(double y) {
            if (this == BINARY && y != 0.0 && y != 1.0) {
                return "label is " + text(y) + "; allowed: 0 or 1";
            }
            if (this == COUNT && !(y >= 0 && y == Math.rint(y) && y <= 1e9)) {
                return "count is " + text(y) + "; allowed: a whole number 0, 1, 2, … (at most 10⁹)";
            }
            return null;
        }

        private static String text(double y) {
            return y == Math.rint(y) && Math.abs(y) < 1e15 ? Long.toString((long) y) : Double.toString(y);
        }
    }

    private final String source;
    private final double[][] features;
    private final double[] labels;
    private final List<String> columns;
    private final Response response;

    private RegressionData(String source, double[][] features, double[] labels, List<String> columns, Response response) {
        this.source = source;
        this.response = response;
        this.features = features;
        this.labels = labels;
        this.columns = columns;
    }

    /**
     * The data set of {@code features} ({@code N × p}, p ≥ 1, every row the same length, every value finite) and
     * {@code responses} ({@code N}, each allowed by {@code response}: see {@link Response#problem}; a binary set
     * needs both classes); {@code columns} names the p features and the response ({@code null}: {@code x1, …,
     * label}); {@code source} names the data in messages. Arrays are copied. Reading files is not the core's job:
     * {@code org.girsanov.io.RegressionCsv} reads CSV (girsanov-io).
     *
     * @throws IllegalArgumentException naming {@code source} and the example, for any of the above
     */
    public static RegressionData of(String source, double[][] features, double[] responses, List<String> columns,
            Response response) {
        int n = features.length;
        if (n == 0 || responses.length != n) {
            throw new IllegalArgumentException(source + ": " + n + " rows of features and " + responses.length
                    + " responses; need N ≥ 1 of each");
        }
        int p = features[0].length;
        if (p < 1) {
            throw new IllegalArgumentException(source + ": no feature columns; need at least one");
        }
        double[][] x = new double[n][];
        int ones = 0;
        for (int i = 0; i < n; i++) {
            if (features[i].length != p) {
                throw new IllegalArgumentException(source + ", example " + (i + 1) + ": " + features[i].length
                        + " features, but example 1 has " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(features[i][j])) {
                    throw new IllegalArgumentException(source + ", example " + (i + 1) + ", feature " + (j + 1) + ": "
                            + features[i][j] + " is not finite");
                }
            }
            String problem = response.problem(responses[i]);
            if (problem != null) {
                throw new IllegalArgumentException(source + ", example " + (i + 1) + ": " + problem);
            }
            x[i] = features[i].clone();
            ones += responses[i] > 0 ? 1 : 0;
        }
        if (response == Response.BINARY && (ones == 0 || ones == n)) {
            throw new IllegalArgumentException(source + ": every label is " + (ones == 0 ? 0 : 1) + " (" + n
                    + " examples); a binary regression (logistic, probit) needs both classes, 0 and 1");
        }
        List<String> names = columns;
        if (names == null) {
            names = new ArrayList<>();
            for (int j = 1; j <= p; j++) {
                names.add("x" + j);
            }
            names.add("label");
        } else if (names.size() != p + 1) {
            throw new IllegalArgumentException(source + ": " + names.size() + " column names for " + p
                    + " features and the response");
        }
        return new RegressionData(source, x, responses.clone(), List.copyOf(names), response);
    }

    /** Every feature column shifted to mean 0 and scaled to population standard deviation 1. */
    public RegressionData standardized() {
        int n = size();
        int p = features();
        double[][] z = new double[n][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] r : features) {
                mean += r[j];
            }
            mean /= n;
            double ss = 0;
            for (double[] r : features) {
                ss += (r[j] - mean) * (r[j] - mean);
            }
            double sd = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                z[i][j] = sd > 0 ? (features[i][j] - mean) / sd : 0.0;
            }
        }
        return new RegressionData(source + " (standardised)", z, labels, columns, response);
    }

    /** Where the data came from, for messages. */
    public String source() {
        return source;
    }

    /** The number of examples N. */
    public int size() {
        return labels.length;
    }

    /** The number of features p (columns without the label). */
    public int features() {
        return features[0].length;
    }

    /** The column names, the label last (from the header, else {@code x1, x2, …, label}). */
    public List<String> columns() {
        return columns;
    }

    /** The design matrix {@code A} ({@code N × (p+1)}): a column of ones (the intercept), then the features. */
    public DMatrixRMaj designWithIntercept() {
        int n = size();
        int d = features() + 1;
        DMatrixRMaj a = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            a.data[i * d] = 1.0;
            System.arraycopy(features[i], 0, a.data, i * d + 1, d - 1);
        }
        return a;
    }

    /** What the responses are: binary labels or counts. */
    public Response response() {
        return response;
    }

    /** The responses {@code y_i} (labels in {0, 1} or counts; a copy). */
    public double[] labels() {
        return labels.clone();
    }
}
