package org.girsanov.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.girsanov.io.TargetSpecs;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.autodiff.nn.Precision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full PIS training step with the log-variance loss on the 2-d nine-mode mixture (gmm9): the
 * reference control (Fourier MLP, width 64, two hidden layers, Langevin term with a time network),
 * {@code batch} paths of {@code steps} Euler steps, on {@code threads} threads. One step = pass 1
 * (gradient-free simulation), pass 2 (per-step replay and backward), gradient clipping, Adam.
 *
 * <p>Sample-time mode, so JMH prints the median (p0.50) of single steps. The reference point:
 * PyTorch 1.13 takes 857 ms for the same step on 2 threads; {@code benchmarks/pytorch/pis_lv_step.py}
 * is our own PyTorch counterpart ({@code benchmarks/perf.sh} runs both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m"})
public class TrainingStepBenchmark {
    @Param({"512"})
    public int batch;

    @Param({"100"})
    public int steps;

    @Param({"2"})
    public int threads;

    /** The control network's hidden layers: {@code float64} (the default) or {@code float32}. */
    @Param({"float64"})
    public String precision;

    /** Paths per batch chunk ({@code 0}: the batch's default, {@code TrainingConfig.Run.defaultChunkSize}: 64 at 512, 256 at 2 048). */
    @Param({"0"})
    public int chunk;

    Trainer trainer;

    @Setup(Level.Trial)
    public void setup() {
        trainer = newTrainer(batch, steps, threads, chunk, Precision.parse("precision", precision));
    }

    /** The trainer of the benchmark (gmm9, PIS, LV, reference control). */
    public static Trainer newTrainer(int batch, int steps, int threads) {
        return newTrainer(batch, steps, threads, 0);
    }

    /** As above with {@code chunk} rows per batch chunk ({@code 0}: the configuration's default). */
    public static Trainer newTrainer(int batch, int steps, int threads, int chunk) {
        return newTrainer(batch, steps, threads, chunk, Precision.FLOAT64);
    }

    /** As above with the control network's hidden layers in {@code precision}. */
    public static Trainer newTrainer(int batch, int steps, int threads, int chunk, Precision precision) {
        TrainingConfig config = TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toBuilder()
                .precision(precision).build().withBatch(batch).withSteps(steps).withThreads(threads);
        if (chunk > 0) {
            config = config.toBuilder().chunkSize(chunk).build();
        }
        return new Trainer(config, TargetSpecs.parse("gmm9"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.executor().close();
    }

    @Benchmark
    public double step() {
        return trainer.step().loss();
    }
}
