package org.girsanov.cli;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer and reader, enough for result files, config files and target specs.
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
 * {@link #parse(String)} implements RFC 8259 strictly (no comments, no trailing commas, no
 * duplicate keys) and returns {@code Map<String,Object>} (insertion-ordered), {@code List<Object>},
 * {@link Double}, {@link String}, {@link Boolean} or {@code null}. Errors are
 * {@link JsonException}s naming line, column and offset.
 */
public final class Json {

    private static final int MAX_DEPTH = 512;

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
        StringBuilder sb = new StringBuilder();
        new Writer(sb, pretty).value(value, 0);
        return sb.toString();
    }

    /** Pretty JSON plus a final newline, written atomically (temp file + move) to {@code path}. */
    public static void writeFile(Path path, Object value) throws IOException {
        AtomicFiles.writeString(path, write(value, true) + "\n");
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        Writer.string(sb, s);
        return sb.toString();
    }

    /** A double as JSON: {@link Double#toString} when finite, {@code null} otherwise. */
    public static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    private static final class Writer {
        private final StringBuilder sb;
        private final boolean pretty;

        Writer(StringBuilder sb, boolean pretty) {
            this.sb = sb;
            this.pretty = pretty;
        }

        void value(Object v, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (a cycle?)");
            }
            if (v == null) {
                sb.append("null");
            } else if (v instanceof CharSequence || v instanceof Character) {
                string(sb, v.toString());
            } else if (v instanceof Enum<?> e) {
                string(sb, e.name());
            } else if (v instanceof Boolean b) {
                sb.append(b.booleanValue());
            } else if (v instanceof Double d) {
                sb.append(number(d));
            } else if (v instanceof Float f) {
                sb.append(Float.isFinite(f) ? Float.toString(f) : "null");
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                    || v instanceof BigInteger) {
                sb.append(v);
            } else if (v instanceof BigDecimal bd) {
                sb.append(bd.toString());
            } else if (v instanceof Number n) {
                sb.append(number(n.doubleValue()));
            } else if (v instanceof Map<?, ?> m) {
                object(m, depth);
            } else if (v instanceof Iterable<?> it) {
                List<Object> items = new ArrayList<>();
                it.forEach(items::add);
                array(items, depth);
            } else if (v.getClass().isArray()) {
                int n = Array.getLength(v);
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(Array.get(v, i));
                }
                array(items, depth);
            } else {
                throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
            }
        }

        private void object(Map<?, ?> m, int depth) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(depth + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(pretty ? ": " : ":");
                value(e.getValue(), depth + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            newline(depth);
            sb.append('}');
        }

        private void array(List<Object> items, int depth) {
            if (items.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean inline = !pretty || items.stream().allMatch(Writer::isScalar);
            sb.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                    if (pretty && inline) {
                        sb.append(' ');
                    }
                }
                if (!inline) {
                    newline(depth + 1);
                }
                value(items.get(i), depth + 1);
            }
            if (!inline) {
                newline(depth);
            }
            sb.append(']');
        }

        private static boolean isScalar(Object v) {
            return v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                    || v instanceof Character || v instanceof Enum<?>;
        }

        private void newline(int depth) {
            if (pretty) {
                sb.append('\n');
                for (int i = 0; i < depth; i++) {
                    sb.append("  ");
                }
            }
        }

        static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        boolean loneSurrogate = Character.isHighSurrogate(c)
                                ? !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                                : Character.isLowSurrogate(c)
                                        && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                        // Control characters must be escaped; U+2028/2029 break JavaScript
                        // embedding; a lone surrogate cannot be encoded in UTF-8 at all.
                        if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f || loneSurrogate) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
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
        Parser p = new Parser(text);
        p.skipWhitespace();
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describeHere() + " after the JSON value");
        }
        return v;
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

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        JsonException error(String message) {
            return new JsonException(message, s, pos);
        }

        String describeHere() {
            if (pos >= s.length()) {
                return "end of input";
            }
            char c = s.charAt(pos);
            return c < 0x20 ? String.format("character U+%04X", (int) c) : "'" + c + "'";
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("JSON nested deeper than " + MAX_DEPTH);
            }
            if (pos >= s.length()) {
                throw error("expected a value but found end of input");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("expected a value but found " + describeHere());
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, pos)) {
                throw error("expected '" + word + "'");
            }
            pos += word.length();
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++; // {
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWhitespace();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw error("expected a string key but found " + describeHere());
                }
                int keyPos = pos;
                String key = string();
                if (m.containsKey(key)) {
                    pos = keyPos;
                    throw error("duplicate key " + quote(key));
                }
                skipWhitespace();
                expect(':');
                skipWhitespace();
                m.put(key, value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return m;
                } else {
                    throw error("expected ',' or '}' but found " + describeHere());
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++; // [
            skipWhitespace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == ']') {
                    pos++;
                    return list;
                } else {
                    throw error("expected ',' or ']' but found " + describeHere());
                }
            }
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "' but found " + describeHere());
            }
            pos++;
        }

        private String string() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                } else if (c == '\\') {
                    pos++;
                    if (pos >= s.length()) {
                        throw error("unterminated string");
                    }
                    char e = s.charAt(pos);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 >= s.length()) {
                                throw error("truncated \\u escape");
                            }
                            int code = 0;
                            for (int k = 1; k <= 4; k++) {
                                int d = Character.digit(s.charAt(pos + k), 16);
                                if (d < 0) {
                                    pos += k;
                                    throw error("bad hex digit in \\u escape");
                                }
                                code = code * 16 + d;
                            }
                            sb.append((char) code);
                            pos += 4;
                        }
                        default -> throw error("bad escape '\\" + e + "'");
                    }
                    pos++;
                } else if (c < 0x20) {
                    throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in string");
                } else {
                    sb.append(c);
                    pos++;
                }
            }
        }

        private Double number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == '0') {
                pos++;
            } else if (!digits()) {
                throw error("bad number: expected a digit");
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                if (!digits()) {
                    throw error("bad number: expected a digit after '.'");
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (!digits()) {
                    throw error("bad number: expected a digit in the exponent");
                }
            }
            return Double.parseDouble(s.substring(start, pos));
        }

        private boolean digits() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            return pos > start;
        }
    }

}
