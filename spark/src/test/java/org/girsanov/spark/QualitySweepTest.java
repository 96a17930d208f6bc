package org.girsanov.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.girsanov.cli.Cli;
import org.girsanov.io.Json;
import org.girsanov.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep in Spark's local mode gives the table of the sequential {@code bench quality}, number for number; bad
 * input is refused by name before Spark starts.
 */
class QualitySweepTest {
    /** What may differ between two runs of one row: the clocks. */
    static final Set<String> CLOCKS = Set.of("train_seconds", "segment_train_seconds", "wall_seconds");

    @TempDir
    Path dir;

    @BeforeAll
    static void quietSpark() {
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }

    record Run(int code, String out, String err) {
    }

    static Run sweep(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = SweepMain.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Path qualityJson) throws Exception {
        return (List<Map<String, Object>>) ((Map<String, Object>) Json.read(qualityJson)).get("rows");
    }

    @Test
    void localModeGivesTheRowsOfTheSequentialBenchQuality() throws Exception {
        String[] plan = {"--rows", "gmm9/pis/tb,gaussian:d=3/dis/lv", "--seeds", "0,1", "--iterations", "2", "--eval-paths", "64"};
        Path seq = dir.resolve("seq");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] bench = Stream.concat(Stream.of("bench", "quality"), Stream.concat(Stream.of(plan),
                Stream.of("--threads", "1", "--out", seq.toString()))).toArray(String[]::new);
        int code = Cli.run(bench, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                Main.commands());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        Path par = dir.resolve("spark");
        Run r = sweep(Stream.concat(Stream.of(plan), Stream.of("--master", "local[2]", "--out", par.toString(), "--json"))
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.err());

        List<Map<String, Object>> a = rows(seq.resolve("quality.json"));
        List<Map<String, Object>> b = rows(par.resolve("quality.json"));
        assertEquals(4, a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(withoutClocks(a.get(i)), withoutClocks(b.get(i)), "row " + i);
        }
        // counts are written as bench quality writes them (JSON integers), not as parsed doubles
        String seqText = Files.readString(seq.resolve("quality.json"));
        String parText = Files.readString(par.resolve("quality.json"));
        for (String key : List.of("paths", "target_evaluations", "iterations", "seed", "sinkhorn_k", "sinkhorn_converged")) {
            List<String> want = rawValues(seqText, key);
            assertEquals(4, want.size(), key);
            assertEquals(want, rawValues(parText, key), key);
        }
        assertTrue(rawValues(parText, "paths").get(0).equals("64"), parText);
        // each row ran in its own folder below --out, as bench quality's do
        assertTrue(Files.exists(par.resolve("gmm9-pis-tb-seed1").resolve("metrics.json")));
        assertTrue(Files.exists(par.resolve("gaussian:d=3-dis-lv-seed0").resolve("checkpoint.girsanov")));
        // --json: the one object, the same rows
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> printed = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(r.out().trim())).get("rows");
        assertEquals(b.size(), printed.size());
        assertTrue(r.err().contains("| gmm9 | pis | tb |"), r.err());
    }

    /** The raw JSON tokens of {@code "key": value} in document order. */
    static List<String> rawValues(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*([^,}\\s]+)").matcher(json);
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    static Map<String, Object> withoutClocks(Map<String, Object> row) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(row);
        m.keySet().removeAll(CLOCKS);
        assertFalse(m.containsKey("failed"), "row failed: " + row);
        return m;
    }

    @Test
    void badInputIsRefusedByNameBeforeSparkStarts() throws Exception {
        Path out = dir.resolve("out");
        Run row = sweep("--rows", "gmm9/xyz/lv", "--out", out.toString());
        assertEquals(1, row.code());
        assertTrue(row.err().contains("--rows: 'gmm9/xyz/lv'"), row.err());
        Run seeds = sweep("--rows", "gmm9/pis/lv", "--seeds", "0,0", "--out", out.toString());
        assertEquals(1, seeds.code());
        assertTrue(seeds.err().contains("--seeds: 0 is given twice"), seeds.err());
        Run paths = sweep("--eval-paths", "1", "--out", out.toString());
        assertEquals(1, paths.code());
        assertTrue(paths.err().contains("--eval-paths: 1"), paths.err());
        Run unknown = sweep("--rowz", "gmm9/pis/lv", "--out", out.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("--rowz"), unknown.err());
        Run noOut = sweep("--rows", "gmm9/pis/lv");
        assertEquals(1, noOut.code());
        assertTrue(noOut.err().contains("--out"), noOut.err());
        assertFalse(Files.exists(out), "nothing written for a refused sweep");

        Files.createDirectories(out);
        Files.writeString(out.resolve("quality.json"), "{\"rows\": []}");
        Run full = sweep("--rows", "gmm9/pis/lv", "--out", out.toString());
        assertEquals(1, full.code());
        assertTrue(full.err().contains("--out: " + out + " is not empty"), full.err());
        assertEquals("{\"rows\": []}", Files.readString(out.resolve("quality.json")), "an earlier run is never overwritten");
    }
}
