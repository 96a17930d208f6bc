package org.girsanov.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for result files, config files and target specs: jackson (jackson-jr reading, its jackson-core
 * generator writing) behind the contracts below, which the run files and their tests rely on.
 *
 * <h2>Writing</h2>
 * {@link #write(Object, boolean)} accepts, recursively:
 * <ul>
 *   <li>{@code null} → {@code null};</li>
 *   <li>{@link Map} → an object; keys via {@code String.valueOf}, in the map's iteration order
 *       (use {@link LinkedHashMap} or {@link #object()} for insertion order);</li>
 *   <li>{@link Iterable}, Java arrays (including {@code double[]}, {@code int[]}, {@code double[][]}) → an array;</li>
 *   <li>{@link CharSequence}, {@link Character}, {@link Enum} (its name) → a string;</li>
 *   <li>{@link Double} / {@link Float}: finite values with full precision ({@link Double#toString} —
 *       it round-trips exactly), NaN and ±Infinity as {@code null} (JSON has no such numbers);</li>
 *   <li>other {@link Number}s (Integer, Long, BigInteger, BigDecimal, …) in their exact decimal form;</li>
 *   <li>{@link Boolean} → {@code true}/{@code false}.</li>
 * </ul>
 * Anything else is an {@link IllegalArgumentException}: a silent {@code toString()} would write
 * JSON nobody can read back.
 *
 * <p>Pretty output indents by two spaces; an array whose elements are all scalars is kept on one
 * line ({@code [1.0, 2.5, null]}), which keeps vectors readable.
 *
 * <h2>Reading</h2>
 * {@link #parse(String)} reads RFC 8259 strictly (no comments, no trailing commas, no
 * duplicate keys) and returns {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@link Double}, {@link String}, {@link Boolean} or {@code null}. Errors are
 * {@link JsonException}s naming line, column and offset.
 */
public final class Json {

    static final int MAX_DEPTH = 512;

    private Json() {}

    // ------------------------------------------------------------------ building

    /** An insertion-ordered JSON object with a chaining {@link #with} — {@code Json.object().with("a", 1)}. */
    public static final class Obj extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        /** Puts {@code key → value} and returns this object. */
        public Obj with(String key, Object value) {
            put(key, value);
            return this;
        }

        /** Adds every entry of {@code entries}, in their order. */
        public Obj withAll(java.util.Map<String, ?> entries) {
            putAll(entries);
            return this;
        }
    }

    /** A new, empty, insertion-ordered JSON object. */
    public static Obj object() {
        return new Obj();
    }

    // ------------------------------------------------------------------ writing

    /** Compact JSON for {@code value}: no whitespace at all. */
    public static String write(Object value) {
        return write(value, false);
    }

    /** JSON for {@code value}; pretty = two-space indentation, one member per line. */
    public static String write(Object value, boolean pretty) {
        return JsonWriter.write(value, pretty);
    }

    /** Pretty JSON plus a final newline, written atomically (temp file + move) to {@code path}. */
    public static void writeFile(Path path, Object value) throws IOException {
        AtomicFiles.writeString(path, write(value, true) + "\n");
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return JsonWriter.write(s, false);
    }

    /** A double as JSON: {@link Double#toString} when finite, {@code null} otherwise. */
    public static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    // ------------------------------------------------------------------ reading

    /** A JSON syntax error, with its position. */
    public static final class JsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String detail;
        private final int offset;
        private final int line;
        private final int column;

        JsonException(String detail, String source, int offset) {
            this(detail, offset, lineOf(source, offset), columnOf(source, offset), null);
        }

        private JsonException(String detail, int offset, int line, int column, String file) {
            super((file == null ? "" : file + ": ") + detail + " at line " + line + ", column " + column
                    + " (offset " + offset + ")");
            this.detail = detail;
            this.offset = offset;
            this.line = line;
            this.column = column;
        }

        /** The same error, its message prefixed by the file it came from. */
        JsonException inFile(Path file) {
            return new JsonException(detail, offset, line, column, file.toString());
        }

        /** Character offset (0-based) of the error. */
        public int offset() {
            return offset;
        }

        /** 1-based line of the error. */
        public int line() {
            return line;
        }

        /** 1-based column of the error. */
        public int column() {
            return column;
        }

        private static int lineOf(String s, int offset) {
            int line = 1;
            for (int i = 0; i < Math.min(offset, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private static int columnOf(String s, int offset) {
            int start = s.lastIndexOf('\n', Math.min(offset, s.length()) - 1) + 1;
            return offset - start + 1;
        }
    }

    /**
     * Parses one JSON value (surrounding whitespace allowed, nothing else).
     *
     * @return {@code Map<String,Object>}, {@code List<Object>}, {@code Double}, {@code String},
     *     {@code Boolean} or {@code null}
     * @throws JsonException on any syntax error, naming its position
     */
    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    /** Reads and parses a UTF-8 JSON file; syntax errors are prefixed by the file name. */
    public static Object read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try {
            return parse(text);
        } catch (JsonException e) {
            throw e.inFile(path);
        }
    }

    /** Parses text that must be a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new JsonException("expected a JSON object but found " + kind(v), text, 0);
        }
        return (Map<String, Object>) v;
    }

    /** A short description of a parsed value's type: "object", "array", "number", … */
    public static String kind(Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof Map) {
            return "object";
        } else if (v instanceof List) {
            return "array";
        } else if (v instanceof Number) {
            return "number";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Boolean) {
            return "boolean";
        }
        return v.getClass().getSimpleName();
    }

}
