package org.girsanov.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @Test
    void writesScalars() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("42", Json.write(42));
        assertEquals("42", Json.write(42L));
        assertEquals("1.5", Json.write(1.5));
        assertEquals("1.0E-5", Json.write(1e-5));
        assertEquals("null", Json.write(Double.NaN));
        assertEquals("null", Json.write(Double.POSITIVE_INFINITY));
        assertEquals("null", Json.write(Float.NEGATIVE_INFINITY));
        assertEquals("\"KL\"", Json.write(Thread.State.NEW).replace("NEW", "KL"));
    }

    @Test
    void escapesStrings() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\"", Json.write("a\"b\\c\n\t\r\b\f\u0001"));
        assertEquals("\"é 😀 /\"", Json.write("é 😀 /"));
        assertEquals("\"\\ud800x\"", Json.write("\ud800x"));
        assertEquals("\"\\u2028\"", Json.write("\u2028"));
        for (String s : List.of("a\"b\\c\n\t\r\b\f\u0001\u001f", "é 😀", "\u2028\u2029\u007f", "")) {
            assertEquals(s, Json.parse(Json.write(s)));
        }
    }

    @Test
    void objectsKeepInsertionOrderAndPrettyPrint() {
        Map<String, Object> m = Json.object().with("z", 1).with("a", List.of(1.0, 2.5))
                .with("nested", Json.object().with("k", "v")).with("empty", Map.of()).with("none", List.of());
        assertEquals("{\"z\":1,\"a\":[1.0,2.5],\"nested\":{\"k\":\"v\"},\"empty\":{},\"none\":[]}", Json.write(m));
        assertEquals("{\n  \"z\": 1,\n  \"a\": [1.0, 2.5],\n  \"nested\": {\n    \"k\": \"v\"\n  },\n"
                + "  \"empty\": {},\n  \"none\": []\n}", Json.write(m, true));
    }

    @Test
    void writesPrimitiveArrays() {
        assertEquals("[[1.0,2.0],[3.0,null]]", Json.write(new double[][] {{1, 2}, {3, Double.NaN}}));
        assertEquals("[1,2]", Json.write(new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void doublesRoundTripExactly() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7L);
        for (int i = 0; i < 2000; i++) {
            double x = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            double y = (Double) Json.parse(Json.write(x));
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(y), "x = " + x);
        }
        assertEquals(Double.MIN_VALUE, Json.parse(Json.write(Double.MIN_VALUE)));
        assertEquals(-0.0, Json.parse(Json.write(-0.0)));
    }

    @Test
    void roundTripsNestedStructures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "gmm");
        m.put("weights", List.of(0.25, 0.75));
        m.put("means", List.of(List.of(-1.0, 0.0), List.of(2.0, 3.0)));
        m.put("flag", false);
        m.put("nothing", null);
        m.put("deep", Map.of("x", List.of(Map.of("y", "z"))));
        for (boolean pretty : new boolean[] {false, true}) {
            assertEquals(m, Json.parse(Json.write(m, pretty)));
        }
        assertEquals(List.of("name", "weights", "means", "flag", "nothing", "deep"),
                List.copyOf(Json.parseObject(Json.write(m)).keySet()));
    }

    @Test
    void parsesRfcNumbersAndEscapes() {
        assertEquals(-1.5e-3, Json.parse(" -1.5e-3 "));
        assertEquals(0.0, Json.parse("0"));
        assertEquals(1e10, Json.parse("1E+10"));
        assertEquals("A/\u00e9\ud83d\ude00", Json.parse("\"\\u0041\\/\\u00E9\\ud83d\\ude00\""));
        assertNull(Json.parse("null"));
        assertEquals(List.of(), Json.parse("[ ]"));
    }

    @Test
    void errorsNamePosition() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\": tru\n}"));
        assertEquals(3, e.line());
        assertEquals(8, e.column());
        assertTrue(e.getMessage().contains("line 3, column 8"), e.getMessage());
        for (String bad : List.of("", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "1e", "NaN", "[1 2]",
                "{\"a\" 1}", "{a:1}", "\"abc", "\"\\x\"", "\"\\u12g4\"", "\"a\nb\"", "{} x", "{\"a\":1,\"a\":2}",
                "// c\n1", "'a'", "[".repeat(1000))) {
            Json.JsonException ex = assertThrows(Json.JsonException.class, () -> Json.parse(bad), bad);
            assertTrue(ex.getMessage().contains("line "), ex.getMessage());
        }
        Json.JsonException dup = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertTrue(dup.getMessage().contains("duplicate key \"a\""), dup.getMessage());
        assertEquals(7, dup.offset());
    }

    @Test
    void fileRoundTripAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/result.json");
        Json.writeFile(f, Json.object().with("x", new double[] {1, 2}));
        assertEquals(Map.of("x", List.of(1.0, 2.0)), Json.read(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of("result.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"a\": [1, 2,]}");
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("column 13"), e.getMessage());
        assertEquals(Arrays.asList(1.0, null), Json.parse("[1, null]"));
    }
}
