package org.girsanov.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.io.TargetSpecs;
import org.girsanov.samplers.targets.Target;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A target's closed-form score {@code ∇ log ρ} on one batch chunk, as the Langevin-preconditioned controls call it at
 * every time step of every path: {@code rows × d} points uniform on {@code [−h, h]^d}, {@code h = halfWidth} (4: within the
 * span of gmm9's and gmm40's modes; for a posterior such as {@code breast-cancer}, whose mass is within a few tenths of
 * the origin, {@code -p halfWidth=0.3}). A tenth of the gmm9 PIS-LV training step's profile was the mixture score
 * (BENCHMARKS.md, "Training step performance"). Sample-time mode, as {@link KernelBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TargetScoreBenchmark {
    @Param({"gmm9", "gmm40"})
    public String target;

    @Param({"64"})
    public int rows;

    @Param({"4"})
    public double halfWidth;

    Target t;
    DMatrixRMaj x;

    @Setup
    public void setup() {
        t = TargetSpecs.parse(target);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        x = new DMatrixRMaj(rows, t.dimension());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = halfWidth * (2 * rng.nextDouble() - 1);
        }
    }

    @Benchmark
    public DMatrixRMaj score() {
        return t.score(x);
    }
}
