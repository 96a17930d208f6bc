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
 * One training step of each sampler family and loss on gmm9 at the quality suite's CPU size (batch 256,
 * N = 50, reference controls), so the cost of a family or a loss relative to PIS-LV is measured rather than
 * guessed: the bridge evaluates two networks per step, DB and sub-TB a log-flow network, KL keeps the whole
 * path on one tape. {@code java -jar girsanov.jar jmh SamplerStepBenchmark -p sampler=pis,bridge -p loss=lv}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m"})
public class SamplerStepBenchmark {
    @Param({"pis", "dds", "dis", "bridge", "gfn"})
    public String sampler;

    @Param({"kl", "lv", "tb", "db", "subtb"})
    public String loss;

    @Param({"2"})
    public int threads;

    /** The control network's hidden layers: {@code float64} (the default) or {@code float32}. */
    @Param({"float64"})
    public String precision;

    Trainer trainer;

    @Setup(Level.Trial)
    public void setup() {
        TrainingConfig c = TrainingConfig.defaults("gmm9", SamplerKind.parse(sampler), LossKind.parse(loss)).toBuilder()
                .precision(Precision.parse("precision", precision)).build().withBatch(256).withSteps(50).withThreads(threads);
        trainer = new Trainer(c, TargetSpecs.parse("gmm9"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
    }

    @Benchmark
    public double step() {
        return trainer.step().loss();
    }
}
