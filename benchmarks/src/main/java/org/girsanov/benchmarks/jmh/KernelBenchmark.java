package org.girsanov.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
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
 * The hot kernels of the training step on its shapes, one call each, through the public tape API on a
 * non-recording tape: a {@code rows × 64 · 64 × 64} product in the three layouts of a dense layer's
 * forward and backward ({@code X W}, {@code Xᵀ G}, {@code G Wᵀ}), the same three for the last layer
 * ({@code 64 → 2}, the {@code *Out} benchmarks) and GELU on {@code rows × 64}. The
 * training step runs them on batch chunks of 64 rows ({@code TrainingConfig}'s chunk size).
 * {@code MAC/s = rows · 64 · 64 / time}. Sample-time mode: on a machine shared with other processes the best
 * samples and the median are steadier than the mean.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {
    static final int WIDTH = 64;
    /** Output width of the control network's last layer (the dimension d = 2 of gmm9). */
    static final int OUT = 2;

    @Param({"64"})
    public int rows;

    Tape tape;
    Var x;
    Var w;
    Var g;
    Var wOut;
    Var gOut;

    @Setup
    public void setup() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        tape = Tape.noGrad();
        x = tape.constant(random(rng, rows, WIDTH));
        w = tape.constant(random(rng, WIDTH, WIDTH));
        g = tape.constant(random(rng, rows, WIDTH));
        wOut = tape.constant(random(rng, WIDTH, OUT));
        gOut = tape.constant(random(rng, rows, OUT));
    }

    private static DMatrixRMaj random(UniformRandomProvider rng, int r, int c) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** Forward of a layer: {@code X W}. */
    @Benchmark
    public DMatrixRMaj matmulNN() {
        return tape.matmul(x, w).value();
    }

    /** Weight gradient: {@code Xᵀ G}. */
    @Benchmark
    public DMatrixRMaj matmulTN() {
        return tape.matmulTN(x, g).value();
    }

    /** Input gradient: {@code G Wᵀ}. */
    @Benchmark
    public DMatrixRMaj matmulNT() {
        return tape.matmulNT(g, w).value();
    }

    /** Forward of the last layer: {@code X W} with {@code W}: 64×2. */
    @Benchmark
    public DMatrixRMaj matmulNNOut() {
        return tape.matmul(x, wOut).value();
    }

    /** Weight gradient of the last layer: {@code Xᵀ G} with {@code G}: rows×2. */
    @Benchmark
    public DMatrixRMaj matmulTNOut() {
        return tape.matmulTN(x, gOut).value();
    }

    /** Input gradient of the last layer: {@code G Wᵀ} with {@code G}: rows×2. */
    @Benchmark
    public DMatrixRMaj matmulNTOut() {
        return tape.matmulNT(gOut, wOut).value();
    }

    /** GELU (tanh form) forward. */
    @Benchmark
    public DMatrixRMaj gelu() {
        return tape.gelu(x).value();
    }
}
