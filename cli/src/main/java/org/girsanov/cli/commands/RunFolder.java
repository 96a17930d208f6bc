package org.girsanov.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.io.AtomicFiles;
import org.girsanov.io.Json;
import org.girsanov.cli.Plots;
import org.girsanov.samplers.targets.Target;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.samplers.train.TrainingHistory;

/**
 * The folder a run writes: {@code metrics.json}, {@code samples.csv}, {@code config.json}, the
 * checkpoint, and PNG plots (the target with the samples for d = 2, pairwise marginals against exact
 * samples for d &gt; 2, and the training curves).
 */
final class RunFolder {
    static final String CHECKPOINT = "checkpoint.girsanov";

    private RunFolder() {
    }

    /** The files of a run besides the checkpoint: results, configuration and every plot a run may write. */
    static final List<String> RESULTS = List.of("metrics.json", "samples.csv", "config.json", "samples.png",
            "marginals.png", "loss.png", "ess.png", "logz.png");

    static Path checkpoint(Path dir) {
        return dir.resolve(CHECKPOINT);
    }

    /** The files of a run that {@code dir} holds (checkpoint and {@link #RESULTS}), in that order. */
    static List<String> runFiles(Path dir) {
        List<String> found = new java.util.ArrayList<>();
        for (String f : allFiles()) {
            if (Files.exists(dir.resolve(f))) {
                found.add(f);
            }
        }
        return found;
    }

    private static List<String> allFiles() {
        List<String> all = new java.util.ArrayList<>(RESULTS);
        all.add(0, CHECKPOINT);
        return all;
    }

    /**
     * Deletes the run files in {@code dir} — the checkpoint too when {@code withCheckpoint} — so that what is
     * written next never sits beside another run's files. Other files in the folder are left alone.
     */
    static void clear(Path dir, boolean withCheckpoint) throws IOException {
        for (String f : withCheckpoint ? allFiles() : RESULTS) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    /**
     * Deletes the temporary files an atomic write of a run file leaves behind when the process is killed during
     * the write ({@code .checkpoint.girsanov.123.tmp}; the run file itself is intact), so kills do not pile them up.
     */
    static void removeStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp") && allFiles().stream().anyMatch(f -> name.startsWith("." + f + "."))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void writeJson(Path file, Object json) throws IOException {
        Json.writeFile(file, json);
    }

    /**
     * Writes {@code config.json}: every setting of {@code c} ({@link TrainingConfig#toMap}) and the evaluation paths, each
     * as its JSON type ({@link #typed}: numbers as numbers, switches as booleans).
     */
    static void writeConfig(Path dir, TrainingConfig c, int evalPaths) throws IOException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        c.toMap().forEach((k, v) -> cfg.put(k, typed(v)));
        cfg.put("eval_paths", evalPaths);
        writeJson(dir.resolve("config.json"), cfg);
    }

    /** A setting's text as its JSON value: an integer a long, a finite decimal a double, true/false a boolean, else the text. */
    static Object typed(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.matches("-?\\d{1,18}")) {
            return Long.parseLong(v);
        }
        if (v.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.parseDouble(v);
        }
        return v;
    }

    /**
     * Whether the value {@code stored} that {@code config.json} holds (as parsed: numbers are doubles) is the setting
     * {@code want}; a file written before the settings were typed (every value a string) compares as text.
     */
    static boolean sameSetting(String want, Object stored) {
        Object w = typed(want);
        if (w instanceof Number a && stored instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return w.equals(stored) || want.equals(String.valueOf(stored));
    }

    static void writeSamples(Path file, DMatrixRMaj samples) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < samples.numCols; j++) {
            sb.append(j == 0 ? "" : ",").append("x").append(j + 1);
        }
        sb.append('\n');
        for (int i = 0; i < samples.numRows; i++) {
            for (int j = 0; j < samples.numCols; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(samples.get(i, j));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static double[][] toArray(DMatrixRMaj m, int maxRows) {
        int n = Math.min(m.numRows, maxRows);
        double[][] a = new double[n][m.numCols];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m.data, i * m.numCols, a[i], 0, m.numCols);
        }
        return a;
    }

    /** {@code log ρ} of a 2-D target at a batch of points, for {@link Plots#densityWithSamples}. */
    static Plots.BatchLogDensity logDensity(Target target) {
        return (double[][] pts) -> {
            DMatrixRMaj x = new DMatrixRMaj(pts.length, 2);
            for (int i = 0; i < pts.length; i++) {
                x.data[2 * i] = pts[i][0];
                x.data[2 * i + 1] = pts[i][1];
            }
            Tape t = Tape.noGrad();
            return target.logDensity(t, t.constant(x)).value().data.clone();
        };
    }

    /** The plots of a run; returns the files written. */
    static List<Path> plots(Path dir, Target target, DMatrixRMaj samples, TrainingHistory history, String title)
            throws IOException {
        List<Path> written = new java.util.ArrayList<>();
        if (target.dimension() == 2) {
            double[][] s = toArray(samples, 5000);
            double[] range = range(s, target);
            Path p = dir.resolve("samples.png");
            Plots.densityWithSamples(p, title + ": target density and samples", logDensity(target), range, range, s);
            written.add(p);
        } else {
            double[][] ref = null;
            if (target.hasExactSampler()) {
                ref = toArray(target.sample(Math.min(samples.numRows, 3000),
                        RandomSource.XO_RO_SHI_RO_128_PP.create(12345L)), 3000);
            }
            Path p = dir.resolve("marginals.png");
            Plots.pairwiseMarginals(p, title + ": pairwise marginals (model vs exact)", toArray(samples, 3000), ref, 4);
            written.add(p);
        }
        if (history != null && history.losses().length > 1) {
            double[][] l = history.losses();
            Map<String, double[][]> loss = new LinkedHashMap<>();
            loss.put("loss", columns(l, 0, 1));
            Path p = dir.resolve("loss.png");
            Plots.lines(p, title + ": training loss", "iteration", "loss", loss, allPositive(l, 1));
            written.add(p);
            double[][] e = history.evaluations();
            if (e.length > 1) {
                Map<String, double[][]> ess = new LinkedHashMap<>();
                ess.put("ESS", columns(e, 0, 1));
                Path pe = dir.resolve("ess.png");
                Plots.lines(pe, title + ": effective sample size", "iteration", "ESS", ess, false);
                written.add(pe);
                Map<String, double[][]> z = new LinkedHashMap<>();
                z.put("logZ_lb", columns(e, 0, 2));
                z.put("logZ_is", columns(e, 0, 3));
                Map<String, Double> truth = target.logZ().isPresent()
                        ? Map.of("logZ_true", target.logZ().getAsDouble()) : Map.of();
                Path pz = dir.resolve("logz.png");
                Plots.lines(pz, title + ": log Z estimates", "iteration", "log Z", z, false, truth);
                written.add(pz);
            }
        }
        return written;
    }

    private static boolean allPositive(double[][] rows, int col) {
        for (double[] r : rows) {
            if (!(r[col] > 0)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] columns(double[][] rows, int cx, int cy) {
        double[] xs = new double[rows.length];
        double[] ys = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = rows[i][cx];
            ys[i] = rows[i][cy];
        }
        return new double[][] {xs, ys};
    }

    private static double[] range(double[][] s, Target target) {
        double lo = -1;
        double hi = 1;
        DMatrixRMaj ref = target.hasExactSampler() ? target.sample(2000, RandomSource.XO_RO_SHI_RO_128_PP.create(7L)) : null;
        if (ref != null) {
            for (double v : ref.data) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        } else {
            for (double[] r : s) {
                lo = Math.min(lo, Math.min(r[0], r[1]));
                hi = Math.max(hi, Math.max(r[0], r[1]));
            }
        }
        double pad = 0.1 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }
}
