package org.girsanov.io;

import static org.girsanov.io.Json.MAX_DEPTH;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader behind {@link Json#parse(String)}: jackson-jr reads one value, strictly (RFC 8259: no
 * comments, no trailing commas, no duplicate keys, nothing after the value); numbers come back as
 * {@link Double}s and objects in document order. Jackson's errors become {@link Json.JsonException}s
 * at jackson's location (for a duplicate key: the key's start).
 */
final class JsonParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final JSON READER = JSON.builder(FACTORY).build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) \"?'?([^\"']*)");

    private JsonParser() {}

    static Object parse(String text) {
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(text)) {
            try {
                if (p.nextToken() == null) {
                    throw new Json.JsonException("expected a value but found end of input", text, text.length());
                }
                Object v = READER.anyFrom(p);
                if (p.nextToken() != null) {
                    throw error("unexpected " + describe(p) + " after the JSON value", p, text);
                }
                return doubles(v);
            } catch (JacksonException e) {
                String detail = detail(e);
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                int offset = (int) Math.max(0, Math.min(at.getCharOffset(), text.length()));
                if (detail.startsWith("duplicate key")) { // jackson stops after the key: point at its start
                    offset = Math.max(0, text.lastIndexOf('"', Math.max(0, offset - 2)));
                }
                throw new Json.JsonException(detail, text, offset);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a String failed", e);
        }
    }

    private static String detail(JacksonException e) {
        String m = e.getOriginalMessage();
        Matcher dup = DUPLICATE.matcher(m);
        if (dup.lookingAt()) {
            return "duplicate key " + Json.quote(dup.group(1));
        }
        if (e instanceof JsonParseException && m.contains("end-of-input")) {
            return "unexpected end of input (" + m.split("\n")[0] + ")";
        }
        return m.split("\n")[0];
    }

    /** An error at the start of the token {@code p} stands on. */
    private static Json.JsonException error(String detail, com.fasterxml.jackson.core.JsonParser p, String text) {
        long offset = p.currentTokenLocation().getCharOffset();
        return new Json.JsonException(detail, text, (int) Math.max(0, Math.min(offset, text.length())));
    }

    private static String describe(com.fasterxml.jackson.core.JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return t == null ? "end of input" : "'" + p.getText() + "'";
    }

    /** Every number as a Double (the facade's contract), lists and insertion-ordered maps rebuilt. */
    private static Object doubles(Object v) {
        if (v instanceof Number n) {
            return n instanceof Double d ? d : n.doubleValue();
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, doubles(x)));
            return out;
        } else if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(doubles(x)));
            return out;
        }
        return v;
    }
}
