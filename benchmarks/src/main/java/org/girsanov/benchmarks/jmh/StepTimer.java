package org.girsanov.benchmarks.jmh;

import java.util.Arrays;
import org.girsanov.autodiff.nn.Precision;
import org.girsanov.samplers.train.Trainer;

/**
 * A plain timing loop over {@link TrainingStepBenchmark}'s step, for profiling (JFR) and quick checks:
 * {@code java -cp girsanov.jar org.girsanov.benchmarks.jmh.StepTimer batch steps threads warmup measured [chunk [precision]]}.
 * Prints each step's wall time and the median, and the storage of the kept first pass ({@code PathMemory}).
 */
public final class StepTimer {
    private StepTimer() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int measured = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int chunk = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Precision precision = args.length > 6 ? Precision.parse("precision", args[6]) : Precision.FLOAT64;
        Trainer trainer = TrainingStepBenchmark.newTrainer(batch, steps, threads, chunk, precision);
        for (int i = 0; i < warmup; i++) {
            trainer.step();
        }
        double[] ms = new double[measured];
        double[] cpu = new double[measured];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < measured; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            trainer.step();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
        }
        trainer.executor().close();
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = measured % 2 == 1 ? sorted[measured / 2] : 0.5 * (sorted[measured / 2 - 1] + sorted[measured / 2]);
        double[] cs = cpu.clone();
        Arrays.sort(cs);
        System.out.printf("precision=%s batch=%d steps=%d threads=%d wall(ms)=%s median=%.1f ms; process cpu median=%.1f ms;"
                        + " kept first pass %.0f MB%n",
                precision, batch, steps, threads, Arrays.toString(Arrays.stream(ms).map(v -> Math.round(v)).toArray()), median,
                cs[measured / 2], trainer.pathMemory().keptDoubles() * 8 / 1e6);
        System.out.printf("one streamed step of a chunk held %d doubles; budget %.0f MB%n",
                trainer.pathMemory().measuredStepDoubles(), trainer.pathMemory().budgetBytes() / 1e6);
    }
}
