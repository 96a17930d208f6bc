package org.girsanov.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
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
 * The second-order pass a divergence term costs (NETS, the PINN sampler, the bridge sampler's controlled form): a
 * GELU MLP 2 → 64 → 64 → 2 on one chunk of 64 points, a Hutchinson probe {@code εᵀ J ε} by one vector–Jacobian
 * product recorded with {@code createGraph}, and its gradient in the parameters (a plain backward through the
 * recorded one). Measures the recorded backward of GELU and its own backward, nothing else of a sampler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DivergenceBenchmark {
    static final int[] SIZES = {2, 64, 64, 2};
    static final int ROWS = 64;

    Mlp mlp;
    DMatrixRMaj x;
    DMatrixRMaj eps;

    @Setup
    public void setup() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        mlp = new Mlp("div", SIZES, Activation.GELU, rng, false);
        x = new DMatrixRMaj(ROWS, 2);
        eps = new DMatrixRMaj(ROWS, 2);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 4 * rng.nextDouble() - 2;
            eps.data[i] = rng.nextBoolean() ? 1 : -1;
        }
    }

    /** {@code Σ_rows εᵀ J ε} and its gradient in the parameters. */
    @Benchmark
    public double hutchinsonGradient() {
        mlp.zeroGrad();
        Tape t = new Tape();
        Var in = t.input(x);
        Var e = t.constant(eps);
        Var y = mlp.apply(t, in);
        Var jte = t.vjp(y, e, true, in)[0];
        Var div = t.sum(t.mul(jte, e));
        t.backward(div);
        return div.scalar();
    }
}
