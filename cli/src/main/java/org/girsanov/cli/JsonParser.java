package org.girsanov.cli;

import static org.girsanov.cli.Json.MAX_DEPTH;
import static org.girsanov.cli.Json.number;
import static org.girsanov.cli.Json.quote;

import org.girsanov.cli.Json.JsonException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The strict RFC 8259 parser behind {@link Json#parse(String)}, with line and column in its errors. */
final class JsonParser {
    private final String s;
    int pos;

    JsonParser(String s) {
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
