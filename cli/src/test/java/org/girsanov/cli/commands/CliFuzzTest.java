package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.girsanov.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input through the real entry point ({@link Cli#run} with the program's commands): flag
 * values out of range or malformed, bad target specs, bad CSV files, damaged checkpoints, stray arguments.
 * Every case must exit 1 or 2 with a message naming the argument, without a stack trace or an internal
 * error, and no file of the run folder every case points at may change.
 */
class CliFuzzTest {
    @TempDir
    static Path dir;
    static Path run;
    static Path ckpt;
    static final Random RNG = new Random(20261201L);

    /** One generated command line and the argument its message must name. */
    record Case(String names, String... args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    @BeforeAll
    static void aRealRun() {
        run = dir.resolve("run");
        assertEquals(0, RunSafetyTest.run(RunSafetyTest.train(run)).code());
        ckpt = run.resolve(RunFolder.CHECKPOINT);
    }

    private static String pick(String... values) {
        return values[RNG.nextInt(values.length)];
    }

    private static String garbage() {
        String alphabet = "abcxyz019:=,;/.-_ \u00e9\u0000";
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + RNG.nextInt(12); i > 0; i--) {
            sb.append(alphabet.charAt(RNG.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static List<Case> flagCases() {
        String[] train = {"train", "--target", "gmm9", "--out", run.toString()};
        String[] resume = concat(train, "--resume");
        String[][] bad = {
            {"steps", "0", "-1", "abc", "1e999", "2000000"}, {"batch", "0", "-3", "x", "1.5"}, {"iterations", "-1", "abc"},
            {"lr", "0", "-1e-3", "nan", "inf", "abc"}, {"threads", "0", "-2", "257"}, {"eval-paths", "0", "1", "-1"},
            {"sample-metric-k", "0", "1", "20001"}, {"eval-refine", "-1", "11", "40"}, {"replay-every", "-1"},
            {"exploration", "0", "-1", "nan"}, {"lr-logz-scale", "0", "-1"}, {"stop-after", "-1"},
            {"checkpoint-seconds", "-1", "nan", "inf", "86401", "abc"},
            {"sampler", "xyz", "PIS"}, {"loss", "xyz", ""}, {"grid", "bogus", "power:x"}, {"divergence", "bogus", "exact"}};
        List<Case> cases = new ArrayList<>();
        for (String[] f : bad) {
            for (int i = 1; i < f.length; i++) {
                String[] base = RNG.nextBoolean() ? train : resume;
                cases.add(new Case("--" + f[0], concat(base, "--" + f[0], f[i])));
            }
        }
        cases.add(new Case("--exploration", concat(train, "--loss", "kl", "--exploration", "2")));
        String[] perf = {"bench", "perf"};
        for (String[] f : new String[][] {{"repeats", "0", "-1"}, {"batch", "0"}, {"steps", "0"}, {"threads", "0"}}) {
            for (int i = 1; i < f.length; i++) {
                cases.add(new Case("--" + f[0], concat(perf, "--" + f[0], f[i])));
            }
        }
        for (String b : new String[] {"0", "-5", "20000", "abc", "1e11"}) {
            cases.add(new Case("--budget", "bench", "baselines", "--budget", b));
        }
        for (String t : new String[] {"gmm7", ";", "gmm9;;", "gaussian:d=3,d=4"}) {
            cases.add(new Case("--targets", "bench", "baselines", "--targets", t));
        }
        String[] eff = {"bench", "efficiency", "--out", dir.resolve("eff").toString()};
        for (String[] f : new String[][] {{"budgets", "100000,50000", "abc", "0", "1e6", "", "100"}, {"methods", "bogus", "pis-xyz",
                "rdmc", "", "pt,,smc", "pt,pt"}, {"prior-std", "0", "-1", "NaN", "abc"}, {"samples", "5", "0"}, {"target", "gmm7"}}) {
            for (int i = 1; i < f.length; i++) {
                cases.add(new Case("--" + f[0], concat(eff, "--" + f[0], f[i])));
            }
        }
        String q = dir.resolve("q").toString();
        for (String rows : new String[] {"gmm9/xyz/lv", "gmm7/pis/lv", "a/b", "", "gmm9/pis/lv/x"}) {
            cases.add(new Case("--rows", "bench", "quality", "--out", q, "--rows", rows));
        }
        cases.add(new Case("--eval-paths", "bench", "quality", "--out", q, "--rows", "gmm9/pis/lv", "--eval-paths", "0"));
        cases.add(new Case("--threads", "bench", "quality", "--out", q, "--threads", "0"));
        cases.add(new Case("--checkpoint-seconds", "bench", "quality", "--out", q, "--checkpoint-seconds", "-0.5"));
        cases.add(new Case("--checkpoint-seconds", "demo", "--out", run.toString(), "--checkpoint-seconds", "1e6"));
        for (String t : new String[] {"0", "-1", "abc"}) {
            cases.add(new Case("--threads", "demo", "--out", run.toString(), "--threads", t));
        }
        String out = dir.resolve("o.csv").toString();
        for (String[] f : new String[][] {{"n", "0", "-1", "x"}, {"threads", "0"}}) {
            for (int i = 1; i < f.length; i++) {
                cases.add(new Case("--" + f[0], "sample", "--checkpoint", ckpt.toString(), "--out", out, "--" + f[0], f[i]));
            }
        }
        for (String[] f : new String[][] {{"levels", "0", "1", "16"}, {"paths", "0"}, {"steps", "0"}, {"sde", "bogus"}}) {
            for (int i = 1; i < f.length; i++) {
                List<String> a = new ArrayList<>(List.of("check", "consistency", "--sde", "brownian"));
                a.addAll(List.of("--" + f[0], f[i]));
                cases.add(new Case("--" + f[0], a.toArray(new String[0])));
            }
        }
        return cases;
    }

    private static List<Case> specCases() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path binary = dir.resolve("bin.json");
        byte[] bytes = new byte[256];
        RNG.nextBytes(bytes);
        Files.write(binary, bytes);
        Path badJson = dir.resolve("bad.json");
        Files.writeString(badJson, "{\"means\": [[0, 0]], \"variances\": [1, 2], \"weights\": [1]}");
        List<String> specs = new ArrayList<>(List.of("gaussian:d=3,d=4", "gaussian:d=x", "gaussian:q=1", "gmm7", "gmm9:x",
                "", " ", "gmm:file=" + dir.resolve("missing.json"), "gmm:file=" + folder, "gmm:file=" + binary,
                "gmm:file=" + badJson, "gmm:file=", "funnel:d=3,D=4"));
        for (int i = 0; i < 12; i++) {
            specs.add(garbage());
        }
        List<Case> cases = new ArrayList<>();
        for (String spec : specs) {
            String[] where = switch (RNG.nextInt(3)) {
                case 0 -> new String[] {"train", "--out", run.toString(), "--target", spec};
                case 1 -> new String[] {"evaluate", "--checkpoint", ckpt.toString(), "--target", spec};
                default -> new String[] {"train", "--out", run.toString(), "--resume", "--target", spec};
            };
            cases.add(new Case("--target", where));
        }
        return cases;
    }

    private static List<Case> fileCases() throws Exception {
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> csvs = new java.util.LinkedHashMap<>();
        csvs.put("nan.csv", "x1,x2\n1,2\nNaN,3\n".getBytes());
        csvs.put("inf.csv", "1,2\n3,Infinity\n".getBytes());
        csvs.put("huge.csv", "1,2\n3,1e999\n".getBytes());
        csvs.put("one-row.csv", "x1,x2\n1,2\n".getBytes());
        csvs.put("header-only.csv", "x1,x2\n".getBytes());
        csvs.put("empty.csv", new byte[0]);
        csvs.put("ragged.csv", "1,2\n3\n".getBytes());
        csvs.put("words.csv", "1,2\n3,four\n".getBytes());
        byte[] noise = new byte[512];
        RNG.nextBytes(noise);
        csvs.put("binary.csv", noise);
        csvs.put("nul.csv", "1,2\n3,\u00004\n".getBytes());
        for (Map.Entry<String, byte[]> e : csvs.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.write(f, e.getValue());
            String flag = RNG.nextBoolean() ? "--samples" : "--reference";
            String[] a = flag.equals("--samples") ? new String[] {"evaluate", "--target", "gmm9", "--samples", f.toString()}
                    : new String[] {"evaluate", "--target", "gmm9", "--samples", run.resolve("samples.csv").toString(),
                        "--reference", f.toString()};
            cases.add(new Case(f.toString(), a));
        }
        cases.add(new Case("--samples", "evaluate", "--target", "gmm9", "--samples", dir.toString()));
        cases.add(new Case("--samples", "evaluate", "--target", "gmm9", "--samples", dir.resolve("nope.csv").toString()));
        byte[] real = Files.readAllBytes(ckpt);
        for (int i = 0; i < 8; i++) {
            byte[] damaged = i < 4 ? Arrays.copyOf(real, RNG.nextInt(real.length)) : real.clone();
            if (i >= 4) {
                for (int k = 0; k < 1 + RNG.nextInt(4); k++) {
                    damaged[RNG.nextInt(damaged.length)] ^= (byte) (1 + RNG.nextInt(255));
                }
            }
            Path f = dir.resolve("damaged-" + i + ".girsanov");
            Files.write(f, damaged);
            cases.add(new Case(f.toString(), "sample", "--checkpoint", f.toString(), "--out", dir.resolve("d" + i + ".csv").toString()));
        }
        cases.add(new Case("--out", "sample", "--checkpoint", ckpt.toString(), "--out", ckpt.resolve("below-a-file.csv").toString()));
        cases.add(new Case("--out", "sample", "--checkpoint", ckpt.toString(), "--out", dir.toString()));
        cases.add(new Case("--out", "train", "--target", "gmm9", "--out", ckpt.resolve("run").toString()));
        cases.add(new Case("--out", "train", "--target", "gmm9", "--out", ckpt.toString()));
        cases.add(new Case("--out", "train", "--target", "gmm9", "--out", run.toString()));
        for (String cmd : new String[] {"train --target gmm9 --out " + run, "sample --checkpoint " + ckpt + " --out x.csv",
            "evaluate --target gmm9 --checkpoint " + ckpt, "demo --out " + run, "bench quality --out " + dir.resolve("q"),
            "check consistency --sde brownian"}) {
            cases.add(new Case("stray", concat(cmd.split(" "), "stray")));
        }
        return cases;
    }

    @Test
    void generatedBadInputIsANamedErrorBeforeAnyWorkAndLeavesTheRunFolderAlone() throws Exception {
        Map<String, String> before = RunSafetyTest.snapshot(run);
        List<Case> cases = new ArrayList<>(flagCases());
        cases.addAll(specCases());
        cases.addAll(fileCases());
        long t0 = System.nanoTime();
        for (Case c : cases) {
            RunSafetyTest.Result r = RunSafetyTest.run(c.args());
            String what = c + " -> exit " + r.code() + ": " + r.err();
            assertTrue(r.code() == Cli.EXIT_USER_ERROR || r.code() == Cli.EXIT_USAGE, what);
            assertTrue(r.err().contains(c.names()), "the message must name " + c.names() + ": " + what);
            assertFalse(r.err().contains("\tat ") || r.err().contains("internal error") || r.err().contains("Exception"),
                    "no stack trace or internal error: " + what);
            assertTrue(r.out().isEmpty() || r.out().startsWith("{\"error\""), "stdout: " + r.out());
        }
        assertEquals(before, RunSafetyTest.snapshot(run), "no file of the run folder may change");
        assertFalse(Files.exists(dir.resolve("q")), "no bench quality row ran");
        assertTrue(cases.size() > 120, "cases: " + cases.size());
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the fuzz cases must stay fast");
    }
}
