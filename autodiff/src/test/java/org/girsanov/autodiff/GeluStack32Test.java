package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The float32 hidden layers of a GELU network ({@link GeluStack32}) against the same network in double tape ops, and
 * its kernels ({@link FloatKernels}, {@link FloatExp}) against their definitions: the Vector-API and the scalar loops
 * give the same bits; {@code e^x} within a few float ulps; the op's value and every gradient within float's error of
 * the double network's, on widths with and without a vector remainder and row counts off the tile.
 */
class GeluStack32Test {
    private static float[] random(Random rnd, int len) {
        float[] v = new float[len];
        for (int i = 0; i < len; i++) {
            v[i] = (float) (4 * rnd.nextDouble() - 2);
        }
        return v;
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameBits() {
        assertTrue(Kernels.VECTOR, "tests run with --add-modules jdk.incubator.vector");
        Random rnd = new Random(3);
        for (int m : new int[] {1, 3, 4, 7, 64, 67}) {
            for (int inner : new int[] {1, 5, 64}) {
                for (int n : new int[] {1, 15, 16, 17, 32, 40, 64, 67}) {
                    float[] a = random(rnd, m * inner);
                    float[] b = random(rnd, inner * n);
                    float[] bias = random(rnd, n);
                    for (boolean transposed : new boolean[] {false, true}) {
                        int rs = transposed ? 1 : inner;
                        int ks = transposed ? m : 1;
                        float[] cv = random(rnd, m * n);
                        float[] cs = cv.clone();
                        float[] ref = cv.clone();
                        FloatKernels.product(a, rs, ks, b, transposed ? null : bias, cv, m, inner, n, transposed, true);
                        FloatKernels.product(a, rs, ks, b, transposed ? null : bias, cs, m, inner, n, transposed, false);
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                float acc = transposed ? ref[i * n + j] : 0.0f;
                                for (int k = 0; k < inner; k++) {
                                    acc = Math.fma(a[i * rs + k * ks], b[k * n + j], acc);
                                }
                                ref[i * n + j] = transposed ? acc : acc + bias[j];
                            }
                        }
                        String at = m + "x" + inner + "x" + n + (transposed ? " (Aᵀ, accumulating)" : "");
                        assertArrayEquals(ref, cs, 0.0f, "scalar product " + at);
                        assertArrayEquals(ref, cv, 0.0f, "vector product " + at);
                    }
                }
            }
        }
        for (int len : new int[] {1, 15, 16, 33, 4096, 4099}) {
            float[] x = random(rnd, len);
            x[0] = 9.0f; // saturated tanh
            float[] go = random(rnd, len);
            float[][] out = new float[4][len];
            float[][] th = new float[2][len];
            for (int v = 0; v < 2; v++) {
                FloatKernels.gelu(x, out[v], th[v], len, v == 0);
                FloatKernels.geluBackward(go, x, th[v], out[2 + v], len, v == 0);
            }
            assertArrayEquals(out[1], out[0], 0.0f, "gelu, " + len);
            assertArrayEquals(th[1], th[0], 0.0f, "tanh, " + len);
            assertArrayEquals(out[3], out[2], 0.0f, "gelu backward, " + len);
        }
    }

    @Test
    void expIsWithinFourFloatUlps() {
        Random rnd = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (160 * rnd.nextDouble() - 80);
            double exact = Math.exp(x);
            float e = FloatExp.exp(x);
            assertEquals(exact, e, 4 * Math.ulp((float) exact), "exp(" + x + ")");
        }
        assertEquals(1.0f, FloatExp.exp(0.0f), 0.0f);
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
        assertEquals((float) Math.exp(80), FloatExp.exp(1000.0f), 4 * Math.ulp((float) Math.exp(80)));
    }

    /** {@code Σ_ij c_ij y_ij} of the network on a tape, and every gradient (input first, then W_l, b_l). */
    private static double[][] run(boolean float32, Workspace ws, DMatrixRMaj input, Parameter[] w, Parameter[] b, DMatrixRMaj c) {
        for (Parameter p : w) {
            p.grad().zero();
        }
        for (Parameter p : b) {
            p.grad().zero();
        }
        Tape t = ws == null ? new Tape() : new Tape(ws);
        Var a = t.input(input);
        Var[] wv = new Var[w.length];
        Var[] bv = new Var[b.length];
        for (int l = 0; l < w.length; l++) {
            wv[l] = t.param(w[l]);
            bv[l] = t.param(b[l]);
        }
        Var y;
        if (float32) {
            y = t.geluStack32(a, wv, bv);
        } else {
            y = a;
            for (int l = 0; l < w.length; l++) {
                y = t.gelu(t.linear(y, wv[l], bv[l]));
            }
        }
        Var loss = t.sum(t.mul(y, t.constant(c)));
        Var ga = t.grad(loss, false, a)[0];
        t.backward(loss);
        double[][] r = new double[2 + 2 * w.length][];
        r[0] = y.value().data.clone();
        r[1] = ga.value().data.clone();
        for (int l = 0; l < w.length; l++) {
            r[2 + l] = w[l].grad().data.clone();
            r[2 + w.length + l] = b[l].grad().data.clone();
        }
        return r;
    }

    private static double relativeError(double[] x, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - ref[i]) * (x[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void valueAndGradientsAgreeWithTheDoubleNetworkToFloatPrecision() {
        Random rnd = new Random(11);
        // rows, input width d, hidden width w, layers m
        for (int[] shape : new int[][] {{37, 2, 64, 3}, {64, 20, 20, 2}, {5, 64, 64, 1}, {64, 3, 64, 4}, {67, 1, 17, 2}}) {
            int n = shape[0];
            int din = shape[1];
            int width = shape[2];
            int m = shape[3];
            Parameter[] w = new Parameter[m];
            Parameter[] b = new Parameter[m];
            for (int l = 0; l < m; l++) {
                int in = l == 0 ? din : width;
                DMatrixRMaj wl = new DMatrixRMaj(in, width);
                DMatrixRMaj bl = new DMatrixRMaj(1, width);
                for (int i = 0; i < wl.data.length; i++) {
                    wl.data[i] = rnd.nextGaussian() * Math.sqrt(2.0 / in);
                }
                for (int i = 0; i < width; i++) {
                    bl.data[i] = 0.3 * rnd.nextGaussian();
                }
                w[l] = new Parameter("w" + l, wl);
                b[l] = new Parameter("b" + l, bl);
            }
            DMatrixRMaj input = new DMatrixRMaj(n, din);
            DMatrixRMaj c = new DMatrixRMaj(n, width);
            for (int i = 0; i < input.data.length; i++) {
                input.data[i] = 2 * rnd.nextGaussian();
            }
            for (int i = 0; i < c.data.length; i++) {
                c.data[i] = rnd.nextGaussian();
            }
            double[][] ref = run(false, null, input, w, b, c);
            double[][] f32 = run(true, null, input, w, b, c);
            double[][] f32ws = run(true, new Workspace(true), input, w, b, c);
            String at = n + " rows, " + din + " -> " + width + ", " + m + " layers";
            for (int k = 0; k < ref.length; k++) {
                double err = relativeError(f32[k], ref[k]);
                assertTrue(err < 2e-6, at + ": output " + k + " (0 value, 1 input gradient, then W, b) off by " + err);
                assertTrue(err > 0, at + ": output " + k + " is bitwise double's, so not float32");
                assertArrayEquals(f32[k], f32ws[k], 0.0, at + ": a workspace changes output " + k);
            }
        }
    }

    @Test
    void aRecordedBackwardIsRefusedWithAReason() {
        Tape t = new Tape();
        DMatrixRMaj w = new DMatrixRMaj(4, 4);
        Var a = t.input(new DMatrixRMaj(2, 4));
        Var y = t.geluStack32(a, new Var[] {t.param(new Parameter("w", w))}, new Var[] {t.param(new Parameter("b", 1, 4))});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.grad(t.sum(y), true, a));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
        Var bad = t.input(new DMatrixRMaj(2, 3));
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> t.geluStack32(a, new Var[] {bad}, new Var[] {t.param(new Parameter("b2", 1, 4))}));
        assertTrue(s.getMessage().contains("weight 0 must be 4x3"), s.getMessage());
    }
}
