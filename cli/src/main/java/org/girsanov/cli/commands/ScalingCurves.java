package org.girsanov.cli.commands;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.girsanov.io.AtomicFiles;
import org.girsanov.cli.Plots;
import org.girsanov.io.TargetSpecs;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * Scaling curves of the PIS-LV training step (issue 7): median wall time per {@link Trainer#step()} against
 * batch, time steps, network width and dimension, each varied alone around the benchmark's configuration
 * (batch 512, N = 100, width 64, gmm9 in d = 2; the dimension series uses {@code gaussian:d=D}, whose
 * score costs about as little as gmm9's). Writes {@code scaling.csv} and {@code scaling.png} (time per step
 * against the size relative to the base, log–log) and prints a Markdown table.
 *
 * <p>{@code java -cp girsanov.jar org.girsanov.cli.commands.ScalingCurves [OUT_DIR] [THREADS] [WARMUP] [MEASURED]}
 * (defaults {@code benchmarks/target/scaling 2 2 3}). A timing loop, not JMH: run it on an idle machine, the
 * process CPU time per step is printed beside the wall time so contention shows.
 */
public final class ScalingCurves {
    private static final int BATCH = 512;
    private static final int STEPS = 100;
    private static final int WIDTH = 64;

    private ScalingCurves() {
    }

    /** One measured configuration. */
    record Point(String series, int size, int base, double wallMs, double cpuMs) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/target/scaling");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(out);
        List<Point> points = new ArrayList<>();
        for (int b : new int[] {128, 256, 512, 1024, 2048}) {
            points.add(measure("batch", b, BATCH, config("gmm9", threads).withBatch(b), warmup, measured));
        }
        for (int n : new int[] {25, 50, 100, 200, 400}) {
            points.add(measure("steps", n, STEPS, config("gmm9", threads).withSteps(n), warmup, measured));
        }
        for (int w : new int[] {16, 32, 64, 128, 256}) {
            points.add(measure("width", w, WIDTH, config("gmm9", threads).toBuilder().width(w).build(), warmup, measured));
        }
        for (int d : new int[] {2, 10, 50, 100, 200}) {
            points.add(measure("dimension", d, 2, config("gaussian:d=" + d, threads), warmup, measured));
        }
        StringBuilder csv = new StringBuilder("series,size,base,wall_ms,cpu_ms\n");
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (String s : List.of("batch", "steps", "width", "dimension")) {
            List<Point> ps = points.stream().filter(p -> p.series.equals(s)).toList();
            double[][] xy = new double[2][ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                Point p = ps.get(i);
                xy[0][i] = Math.log((double) p.size / p.base) / Math.log(2);
                xy[1][i] = p.wallMs;
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f%n", s, p.size, p.base, p.wallMs, p.cpuMs));
            }
            curves.put(s, xy);
        }
        AtomicFiles.writeString(out.resolve("scaling.csv"), csv.toString());
        Plots.lines(out.resolve("scaling.png"), "PIS-LV training step (" + threads + " threads): base batch 512, N 100, width 64, d 2",
                "log2(size / base size)", "ms per step", curves, true);
        System.out.println("| series | size | wall ms (median) | process CPU ms |");
        System.out.println("|---|---|---|---|");
        for (Point p : points) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f |%n", p.series, p.size, p.wallMs, p.cpuMs);
        }
        System.out.println("wrote " + out.resolve("scaling.csv") + " and " + out.resolve("scaling.png"));
    }

    static TrainingConfig config(String target, int threads) {
        return TrainingConfig.defaults(target, SamplerKind.PIS, LossKind.LV).withBatch(BATCH).withSteps(STEPS).toBuilder().width(WIDTH)
                .threads(threads).build();
    }

    static Point measure(String series, int size, int base, TrainingConfig c, int warmup, int measured) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Trainer trainer = new Trainer(c, TargetSpecs.parse(c.targetSpec()))) {
            for (int i = 0; i < warmup; i++) {
                trainer.step();
            }
            double[] wall = new double[measured];
            double[] cpu = new double[measured];
            for (int i = 0; i < measured; i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                trainer.step();
                wall[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
            }
            Point p = new Point(series, size, base, median(wall), median(cpu));
            System.err.printf(Locale.ROOT, "%s=%d: %.0f ms (cpu %.0f ms)%n", series, size, p.wallMs, p.cpuMs);
            return p;
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
