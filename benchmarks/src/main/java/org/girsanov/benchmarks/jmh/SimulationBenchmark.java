package org.girsanov.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.LinearEulerMaruyama;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulation of 10 000 paths × 200 Euler–Maruyama steps in d = 10 with a linear drift
 * {@code μ(x) = −(x − 1)} and σ = 1, without a tape ({@link LinearEulerMaruyama}): the allocation-free inner
 * loop of the SDE module. Run with {@code -prof gc} to see the allocation rate; paths·steps per second =
 * 2·10⁶ / (seconds per op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulationBenchmark {
    static final int PATHS = 10_000;
    static final int STEPS = 200;
    static final int DIM = 10;

    private LinearEulerMaruyama simulator;
    private DMatrixRMaj x;
    private TimeGrid grid;
    private ZigguratSampler.NormalizedGaussian gaussian;

    @Setup
    public void setup() {
        DMatrixRMaj a = new DMatrixRMaj(DIM, DIM);
        double[] b = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            a.set(i, i, -1.0);
            b[i] = 1.0;
        }
        simulator = new LinearEulerMaruyama(a, b, t -> 1.0, new ConstantSchedule(1.0), PATHS);
        x = new DMatrixRMaj(PATHS, DIM);
        grid = TimeGrid.uniform(1.0, STEPS);
        gaussian = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    }

    /** One batch of 10 000 paths × 200 steps (state reset to 0 first). */
    @Benchmark
    public DMatrixRMaj simulate() {
        java.util.Arrays.fill(x.data, 0.0);
        simulator.simulateLinear(x, grid, gaussian);
        return x;
    }
}
