package org.girsanov.samplers.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A regression data set read from CSV: one example per line, the features first and the response last — a
 * label 0 or 1 ({@link Response#BINARY}: logistic and probit regression) or a count 0, 1, 2, …
 * ({@link Response#COUNT}: Poisson regression). An optional first line of column names (no field a number) is
 * a header; lines starting with {@code #} and blank lines are skipped. Every problem — a missing or empty file,
 * a ragged or non-numeric line, a response outside its kind's values, a single class — is an
 * {@link IllegalArgumentException} naming the source and the line.
 *
 * <p>{@link #standardized()} gives every feature column mean 0 and standard deviation 1 (population
 * standard deviation, divisor N, as scikit-learn's {@code StandardScaler}); a constant column becomes 0.
 */
public final class RegressionData {
    /** What the last column holds. */
    public enum Response {
        /** A class label, 0 or 1; both must occur. */
        BINARY,
        /** A count: a non-negative integer. */
        COUNT
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

    /** Reads {@code file} with binary labels. */
    public static RegressionData read(Path file) {
        return read(file, Response.BINARY);
    }

    /** Reads {@code file}, whose last column is a {@code response}. */
    public static RegressionData read(Path file, Response response) {
        String source = "data file " + file;
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(source + ": is a folder, not a CSV file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, source, response);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(source + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read", e);
        }
    }

    /** Reads the class-path resource {@code name} (relative to this class). */
    public static RegressionData resource(String name) {
        InputStream in = RegressionData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("built-in data " + name + " is missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r, "built-in data " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in data " + name + ": cannot read", e);
        }
    }

    /** Parses CSV text with binary labels; {@code source} names it in errors. */
    public static RegressionData parse(BufferedReader text, String source) throws IOException {
        return parse(text, source, Response.BINARY);
    }

    /** Parses CSV text whose last column is a {@code response}; {@code source} names it in errors. */
    public static RegressionData parse(BufferedReader text, String source, Response response) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> header = null;
        int width = -1;
        int firstLine = 0;
        String line;
        int lineNo = 0;
        while ((line = text.readLine()) != null) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] fields = s.split(",", -1);
            if (width < 0) {
                width = fields.length;
                firstLine = lineNo;
                if (width < 2) {
                    throw new IllegalArgumentException(source + ", line " + lineNo + ": " + width
                            + " column; need at least one feature and the label (features..., label)");
                }
                if (noneNumeric(fields)) {
                    header = new ArrayList<>();
                    for (String f : fields) {
                        header.add(f.strip());
                    }
                    continue;
                }
            }
            if (fields.length != width) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": " + fields.length + " fields, but line "
                        + firstLine + " has " + width + " (every line needs the same columns: features..., label)");
            }
            double[] row = new double[width];
            for (int j = 0; j < width; j++) {
                row[j] = number(fields[j], source, lineNo, j);
            }
            double label = row[width - 1];
            if (response == Response.BINARY && label != 0.0 && label != 1.0) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": label (last column) is "
                        + fields[width - 1].strip() + "; allowed: 0 or 1");
            }
            if (response == Response.COUNT && (label < 0 || label != Math.rint(label) || label > 1e9)) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": count (last column) is "
                        + fields[width - 1].strip() + "; allowed: a whole number 0, 1, 2, … (at most 10⁹)");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data lines" + (header == null ? "" : " after the header")
                    + "; expected lines of features..., label");
        }
        int n = rows.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        int ones = 0;
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            x[i] = java.util.Arrays.copyOf(r, width - 1);
            y[i] = r[width - 1];
            ones += y[i] > 0 ? 1 : 0;
        }
        if (response == Response.BINARY && (ones == 0 || ones == n)) {
            throw new IllegalArgumentException(source + ": every label is " + (ones == 0 ? 0 : 1) + " (" + n
                    + " lines); a binary regression (logistic, probit) needs both classes, 0 and 1");
        }
        if (header == null) {
            header = new ArrayList<>();
            for (int j = 1; j < width; j++) {
                header.add("x" + j);
            }
            header.add("label");
        }
        return new RegressionData(source, x, y, List.copyOf(header), response);
    }

    private static boolean noneNumeric(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f.strip());
                return false;
            } catch (NumberFormatException e) {
                // a name
            }
        }
        return true;
    }

    private static double number(String field, String source, int line, int column) {
        String f = field.strip();
        double v;
        try {
            v = Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ", line " + line + ", column " + (column + 1) + ": \"" + f
                    + "\" is not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(source + ", line " + line + ", column " + (column + 1) + ": " + f
                    + " is not finite");
        }
        return v;
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
