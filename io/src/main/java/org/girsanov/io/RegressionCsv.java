package org.girsanov.io;

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
import org.girsanov.samplers.targets.RegressionData;
import org.girsanov.samplers.targets.RegressionData.Response;

/**
 * A {@link RegressionData} set from CSV: one example per line, the features first and the response last (a label 0
 * or 1, or a count 0, 1, 2, …). An optional first line of column names (no field a number) is a header; lines
 * starting with {@code #} and blank lines are skipped. Every problem — a missing or empty file, a folder, a ragged or
 * non-numeric line, a value that is not finite, a response outside its kind's values ({@link Response#problem}), a
 * single class — is an {@link IllegalArgumentException} naming the source and the line.
 */
public final class RegressionCsv {
    private RegressionCsv() {
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
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(source + ": not UTF-8 text (a binary file?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read", e);
        }
    }

    /** Reads the class-path resource {@code name} (relative to this class), binary labels. */
    public static RegressionData resource(String name) {
        InputStream in = RegressionCsv.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("built-in data " + name + " is missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r, "built-in data " + name, Response.BINARY);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in data " + name + ": cannot read", e);
        }
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
            String problem = response.problem(row[width - 1]);
            if (problem != null) {
                throw new IllegalArgumentException(source + ", line " + lineNo + ": " + problem.replaceFirst(" is ", " (last column) is "));
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data lines" + (header == null ? "" : " after the header")
                    + "; expected lines of features..., label");
        }
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            double[] r = rows.get(i);
            x[i] = java.util.Arrays.copyOf(r, width - 1);
            y[i] = r[width - 1];
        }
        return RegressionData.of(source, x, y, header, response);
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
}
