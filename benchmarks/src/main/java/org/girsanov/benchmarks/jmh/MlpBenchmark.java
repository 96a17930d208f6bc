package org.girsanov.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Linear;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Parameter;
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
 * Forward + backward of an MLP 2→64→64→64→2 (tanh) on a batch of 512 with loss {@code ½ Σ y²}: the
 * tape ({@link Mlp} on a {@link Tape}) against a hand-written EJML forward and backward of the same
 * network with preallocated buffers and in-place {@code CommonOps_DDRM} kernels. Both accumulate the
 * same parameter gradients (checked once in {@link #setup()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBenchmark {
    static final int[] SIZES = {2, 64, 64, 64, 2};
    static final int BATCH = 512;

    Mlp mlp;
    DMatrixRMaj x;
    // hand-written buffers
    DMatrixRMaj[] w;
    DMatrixRMaj[] b;
    DMatrixRMaj[] gw;
    DMatrixRMaj[] gb;
    DMatrixRMaj[] h;     // h[0] = x, h[l+1] = layer output (post-activation except the last)
    DMatrixRMaj[] dz;    // adjoint of the pre-activation of layer l
    DMatrixRMaj[] dh;    // adjoint of h[l]

    @Setup
    public void setup() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        mlp = new Mlp("bench", SIZES, Activation.TANH, rng, false);
        x = new DMatrixRMaj(BATCH, SIZES[0]);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = 2 * rng.nextDouble() - 1;
        }
        int nl = SIZES.length - 1;
        w = new DMatrixRMaj[nl];
        b = new DMatrixRMaj[nl];
        gw = new DMatrixRMaj[nl];
        gb = new DMatrixRMaj[nl];
        h = new DMatrixRMaj[nl + 1];
        dz = new DMatrixRMaj[nl];
        dh = new DMatrixRMaj[nl + 1];
        h[0] = x;
        for (int l = 0; l < nl; l++) {
            Linear lin = mlp.layers().get(l);
            w[l] = lin.weight().value();
            b[l] = lin.bias().value();
            // bias is zero-initialised; give it values so the add is not trivially zero
            for (int j = 0; j < b[l].getNumElements(); j++) {
                b[l].data[j] = 0.1 * (2 * rng.nextDouble() - 1);
            }
            gw[l] = new DMatrixRMaj(SIZES[l], SIZES[l + 1]);
            gb[l] = new DMatrixRMaj(1, SIZES[l + 1]);
            h[l + 1] = new DMatrixRMaj(BATCH, SIZES[l + 1]);
            dz[l] = new DMatrixRMaj(BATCH, SIZES[l + 1]);
            dh[l] = new DMatrixRMaj(BATCH, SIZES[l]);
        }
        // cross-check once: both implementations give the same gradients
        tape();
        handWritten();
        List<Parameter> ps = mlp.parameters();
        for (int l = 0; l < nl; l++) {
            check(ps.get(2 * l).grad(), gw[l], "W" + l);
            check(ps.get(2 * l + 1).grad(), gb[l], "b" + l);
        }
    }

    private static void check(DMatrixRMaj a, DMatrixRMaj e, String what) {
        for (int i = 0; i < e.getNumElements(); i++) {
            if (Math.abs(a.data[i] - e.data[i]) > 1e-9 * Math.max(1, Math.abs(e.data[i]))) {
                throw new IllegalStateException("MlpBenchmark: tape and hand-written gradients of " + what
                        + " differ at " + i + ": " + a.data[i] + " vs " + e.data[i]);
            }
        }
    }

    /** Tape: forward, loss ½Σy², backward into the parameters' gradient buffers. */
    @Benchmark
    public double tape() {
        mlp.zeroGrad();
        Tape t = new Tape();
        Var y = mlp.apply(t, t.constant(x));
        Var loss = t.scale(t.sum(t.square(y)), 0.5);
        t.backward(loss);
        return loss.scalar();
    }

    /** Hand-written: the same computation with preallocated buffers. */
    @Benchmark
    public double handWritten() {
        int nl = w.length;
        // forward
        for (int l = 0; l < nl; l++) {
            DMatrixRMaj out = h[l + 1];
            CommonOps_DDRM.mult(h[l], w[l], out);
            int cols = out.numCols;
            double[] o = out.data;
            double[] bb = b[l].data;
            boolean act = l + 1 < nl;
            for (int i = 0, k = 0; i < BATCH; i++) {
                for (int j = 0; j < cols; j++, k++) {
                    double z = o[k] + bb[j];
                    o[k] = act ? Math.tanh(z) : z;
                }
            }
        }
        DMatrixRMaj y = h[nl];
        double loss = 0;
        int ny = y.getNumElements();
        for (int i = 0; i < ny; i++) {
            loss += y.data[i] * y.data[i];
        }
        loss *= 0.5;
        // backward: dy = y
        System.arraycopy(y.data, 0, dz[nl - 1].data, 0, ny);
        for (int l = nl - 1; l >= 0; l--) {
            CommonOps_DDRM.multTransA(h[l], dz[l], gw[l]);
            CommonOps_DDRM.sumCols(dz[l], gb[l]);
            if (l > 0) {
                CommonOps_DDRM.multTransB(dz[l], w[l], dh[l]);
                double[] d = dh[l].data;
                double[] hv = h[l].data;
                double[] z = dz[l - 1].data;
                int n = dh[l].getNumElements();
                for (int i = 0; i < n; i++) {
                    z[i] = d[i] * (1 - hv[i] * hv[i]);
                }
            }
        }
        return loss;
    }
}
