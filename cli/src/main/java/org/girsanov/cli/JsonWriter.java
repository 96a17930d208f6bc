package org.girsanov.cli;

import static org.girsanov.cli.Json.MAX_DEPTH;
import static org.girsanov.cli.Json.number;


import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The writer behind {@link Json#write(Object, boolean)}: one value into a {@link StringBuilder}, compact or pretty. */
final class JsonWriter {
    private final StringBuilder sb;
    private final boolean pretty;

    JsonWriter(StringBuilder sb, boolean pretty) {
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
        boolean inline = !pretty || items.stream().allMatch(JsonWriter::isScalar);
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
