package org.girsanov.io;

import static org.girsanov.io.Json.MAX_DEPTH;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The writer behind {@link Json#write(Object, boolean)}: maps our value types (arrays, iterables,
 * enums, NaN as null) onto a jackson-core {@link JsonGenerator}, which does the escaping and the
 * number formatting ({@link Double#toString}); {@link Layout} gives the pretty form its shape.
 */
final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator g;
    private final Layout layout;
    private final Escapes escapes;

    private JsonWriter(JsonGenerator g, Layout layout, Escapes escapes) {
        this.g = g;
        this.layout = layout;
        this.escapes = escapes;
    }

    static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            Escapes escapes = new Escapes();
            g.setCharacterEscapes(escapes);
            Layout layout = pretty ? new Layout() : null;
            if (pretty) {
                g.setPrettyPrinter(layout);
            }
            new JsonWriter(g, layout, escapes).value(value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private void value(Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (a cycle?)");
        }
        if (v == null) {
            g.writeNull();
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(v.toString());
        } else if (v instanceof Enum<?> e) {
            string(e.name());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double d) {
            number(d);
        } else if (v instanceof Float f) {
            if (Float.isFinite(f)) {
                g.writeNumber(f.floatValue());
            } else {
                g.writeNull();
            }
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l.longValue());
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof Number n) {
            number(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue(), depth + 1);
            }
            g.writeEndObject();
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

    private void number(double d) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            g.writeNull(); // JSON has no NaN or infinities
        }
    }

    private void string(String s) throws IOException {
        escapes.surrogates = hasLoneSurrogate(s); // a lone surrogate cannot be encoded in UTF-8: escape it
        g.writeString(s);
        escapes.surrogates = false;
    }

    private void array(List<Object> items, int depth) throws IOException {
        if (layout != null) {
            layout.nextInline = items.stream().allMatch(JsonWriter::isScalar);
        }
        g.writeStartArray();
        for (Object item : items) {
            value(item, depth + 1);
        }
        g.writeEndArray();
    }

    private static boolean isScalar(Object v) {
        return v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                || v instanceof Character || v instanceof Enum<?>;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's escapes plus DEL, U+2028/2029 (they break JavaScript embedding) and, when asked, surrogates. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();
        boolean surrogates;

        Escapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean escape = ch == 0x2028 || ch == 0x2029 || (surrogates && Character.isSurrogate((char) ch));
            return escape ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /**
     * Two-space indentation, one member per line, {@code "key": value}; an array whose elements are all
     * scalars stays on one line ({@code [1.0, 2.5, null]}), which keeps vectors readable.
     */
    private static final class Layout implements PrettyPrinter {
        boolean nextInline;
        private final Deque<Boolean> inline = new ArrayDeque<>();
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {}

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            inline.push(nextInline);
            nextInline = false;
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!inline.peek()) {
                newline(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            if (inline.peek()) {
                g.writeRaw(", ");
            } else {
                g.writeRaw(',');
                newline(g);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (!inline.pop() && values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
