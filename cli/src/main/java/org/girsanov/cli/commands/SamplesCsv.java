package org.girsanov.cli.commands;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.cli.UserError;

/**
 * Reads a CSV of samples: an optional header line of names, then one row of finite numbers per sample, at
 * least {@value #MIN_ROWS} rows. Every problem is a {@link UserError} naming the flag, the file and, for a bad
 * row, the line.
 */
final class SamplesCsv {
    /** The fewest rows a sample metric (a standard deviation) can be computed from. */
    static final int MIN_ROWS = 2;

    private SamplesCsv() {
    }

    static DMatrixRMaj read(String flag, Path file) {
        String where = flag + ": " + file;
        if (Files.isDirectory(file)) {
            throw new UserError(where + " is a folder, not a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(where + ": no such file");
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new UserError(where + " is a binary file, not a CSV of samples");
            }
        } catch (CharacterCodingException e) {
            throw new UserError(where + " is a binary file, not a CSV of samples (not UTF-8 text)");
        } catch (IOException e) {
            throw new UserError(where + ": cannot read (" + e.getMessage() + ")");
        }
        String[] lines = text.split("\r?\n", -1);
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",", -1);
            double[] r = parse(parts);
            if (r == null) {
                if (rows.isEmpty() && cols < 0) {
                    cols = parts.length; // the header
                    continue;
                }
                throw new UserError(where + ": line " + (ln + 1) + " is not a row of finite numbers: " + abbreviate(line));
            }
            if (cols >= 0 && r.length != cols) {
                throw new UserError(where + ": line " + (ln + 1) + " has " + r.length + " values; expected " + cols);
            }
            cols = r.length;
            rows.add(r);
        }
        if (rows.size() < MIN_ROWS) {
            throw new UserError(where + ": " + rows.size() + " sample row" + (rows.size() == 1 ? "" : "s")
                    + "; need at least " + MIN_ROWS);
        }
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), cols);
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, m.data, i * cols, cols);
        }
        return m;
    }

    /** The finite numbers of a row, or {@code null} if any field is not one (NaN and ±Infinity are not). */
    private static double[] parse(String[] parts) {
        double[] r = new double[parts.length];
        for (int j = 0; j < parts.length; j++) {
            String t = parts[j].trim();
            if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return null;
            }
            r[j] = Double.parseDouble(t);
            if (!Double.isFinite(r[j])) {
                return null; // 1e999
            }
        }
        return r;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
