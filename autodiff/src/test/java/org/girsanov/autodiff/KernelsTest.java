package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The tiled and multi-pass kernels of {@link Kernels} against plain one-row / one-element reference loops
 * with the documented order of operations: equal bit for bit, on shapes that exercise every remainder
 * (rows not a multiple of the tile, inner sizes not a multiple of four, narrow outputs), on both backends:
 * the scalar loops and the Vector-API tiles of {@link VectorKernels}.
 */
class KernelsTest {
    private static final int[] ROWS = {1, 2, 3, 4, 5, 8, 32, 64, 67};
    private static final int[] INNER = {1, 2, 3, 4, 5, 9, 64, 128};
    /** Narrow outputs, and for the vector tiles (8 or 4 lanes, tiles of two vectors) every remainder. */
    private static final int[] COLS = {1, 2, 3, 5, 7, 8, 9, 16, 23, 24, 32, 40, 64, 67};

    private static double[] random(Random rnd, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = 4 * rnd.nextDouble() - 2;
        }
        return v;
    }

    /** The transpose of the row-major {@code rows × cols} matrix {@code x}. */
    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[cols * rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    /** {@code c_ij ← fma(a_ik, b_kj, c_ij)} for k = 0, 1, … in order (one rounding per term), then the bias. */
    private static void reference(double[] a, int rs, int ks, double[] b, double[] bias, double[] c, int m, int inner,
                                  int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = accumulate ? c[i * n + j] : 0.0;
                for (int k = 0; k < inner; k++) {
                    acc = Math.fma(a[i * rs + k * ks], b[k * n + j], acc);
                }
                if (bias != null) {
                    acc += bias[j];
                }
                c[i * n + j] = acc;
            }
        }
    }

    @Test
    void theBuildRunsTheVectorBackend() {
        assertTrue(Kernels.VECTOR, "tests run with --add-modules jdk.incubator.vector (surefire.argLine), so that "
                + "the Vector-API kernels are the ones tested");
    }

    @Test
    void scalarProductsEqualTheReferenceBitwise() {
        productsEqualTheReferenceBitwise(false);
    }

    @Test
    void vectorProductsEqualTheReferenceBitwise() {
        productsEqualTheReferenceBitwise(true);
    }

    private static void productsEqualTheReferenceBitwise(boolean vector) {
        Random rnd = new Random(7);
        for (int m : ROWS) {
            for (int p : INNER) {
                for (int n : COLS) {
                    String shape = (vector ? "vector " : "scalar ") + m + "x" + p + "x" + n;
                    double[] a = random(rnd, m * p);
                    double[] b = random(rnd, p * n);
                    double[] bias = random(rnd, n);
                    double[] want = new double[m * n];
                    double[] got = new double[m * n];
                    reference(a, p, 1, b, bias, want, m, p, n, false);
                    Kernels.multNN(new Kernels.Scratch(), a, b, bias, got, m, p, n, vector);
                    assertArrayEquals(want, got, 0.0, "multNN " + shape);

                    // A B = (Aᵀ)ᵀ B: multTN of the transpose, accumulating onto a start value
                    double[] at = transpose(a, m, p);
                    double[] start = random(rnd, m * n);
                    want = start.clone();
                    got = start.clone();
                    reference(a, p, 1, b, null, want, m, p, n, true);
                    Kernels.multTN(new Kernels.Scratch(), at, b, got, p, m, n, true, vector);
                    assertArrayEquals(want, got, 0.0, "multTN " + shape);

                    // A B = A (Bᵀ)ᵀ
                    double[] bt = transpose(b, p, n);
                    reference(a, p, 1, b, null, want, m, p, n, false);
                    Kernels.multNT(new Kernels.Scratch(), a, bt, got, m, p, n, vector);
                    assertArrayEquals(want, got, 0.0, "multNT " + shape);
                }
            }
        }
    }

    @Test
    void scalarGeluEqualsTheScalarFormulaBitwise() {
        geluEqualsTheScalarFormulaBitwise(false);
    }

    @Test
    void vectorGeluEqualsTheScalarFormulaBitwise() {
        geluEqualsTheScalarFormulaBitwise(true);
    }

    private static void geluEqualsTheScalarFormulaBitwise(boolean vector) {
        Random rnd = new Random(11);
        int len = 1003; // not a multiple of the lane count: the scalar tail runs too
        double[] x = random(rnd, len);
        for (int i = 0; i < len; i++) {
            x[i] *= 5;
        }
        x[0] = 0.0;
        x[1] = -40.0;
        x[2] = 40.0;
        x[3] = Double.NaN;
        x[4] = -1e300;
        x[5] = 1e300;
        x[len - 1] = Double.NaN;
        double[] y = new double[len];
        double[] th = new double[len];
        double[] y2 = new double[len];
        Kernels.gelu(x, y, th, len, vector);
        Kernels.gelu(x, y2, null, len, vector);
        for (int i = 0; i < len; i++) {
            double a = x[i];
            double t = Kernels.fastTanh(Kernels.GELU_C * (a + Kernels.GELU_K * a * a * a));
            assertEquals(t, th[i], 0.0, "tanh u at " + a);
            assertEquals(0.5 * a * (1.0 + t), y[i], 0.0, "gelu " + a);
            assertEquals(y[i], y2[i], 0.0, "gelu without tanh buffer " + a);
            if (!Double.isNaN(a)) {
                double u = Kernels.GELU_C * (a + Kernels.GELU_K * a * a * a);
                assertEquals(Math.tanh(u), t, 1e-15, "tanh u at " + a);
            }
        }
        assertTrue(Double.isNaN(y[3]) && Double.isNaN(y[len - 1]), "NaN propagates");
    }

    private static double exactGelu(double a) {
        return 0.5 * a * (1.0 + Math.tanh(Kernels.GELU_C * (a + Kernels.GELU_K * a * a * a)));
    }

    @Test
    void geluBackwardEqualsTheScalarFormulaBitwiseOnBothBackends() {
        Random rnd = new Random(17);
        int len = 1003;
        double[] x = random(rnd, len);
        double[] go = random(rnd, len);
        for (int i = 0; i < len; i++) {
            x[i] *= 5;
        }
        x[0] = 0.0;
        x[1] = -40.0;
        x[2] = 40.0;
        double[] want = new double[len];
        for (int i = 0; i < len; i++) {
            double a = x[i];
            double t = Kernels.fastTanh(Kernels.GELU_C * (a + Kernels.GELU_K * a * a * a));
            double d = 0.5 * (1.0 + t) + 0.5 * a * (1.0 - t * t) * Kernels.GELU_C * (1.0 + 3.0 * Kernels.GELU_K * a * a);
            want[i] = go[i] * d;
            double h = 1e-5;
            double fd = (exactGelu(a + h) - exactGelu(a - h)) / (2 * h);
            assertEquals(fd, d, 1e-8 * (1 + Math.abs(a)), "gelu' against a central difference at " + a);
        }
        for (boolean vector : new boolean[] {false, true}) {
            double[] r = new double[len];
            Kernels.geluBackward(go, x, r, len, vector);
            assertArrayEquals(want, r, 0.0, vector ? "vector" : "scalar");
            // the backward from the tanh values the forward stored, on either backend after either forward
            double[] th = new double[len];
            Kernels.gelu(x, new double[len], th, len, vector);
            for (boolean backward : new boolean[] {false, true}) {
                double[] fromTanh = new double[len];
                Kernels.geluBackwardFromTanh(go, x, th, fromTanh, len, backward);
                assertArrayEquals(want, fromTanh, 0.0, "from stored tanh, forward on " + (vector ? "vector" : "scalar")
                        + ", backward on " + (backward ? "vector" : "scalar"));
            }
        }
    }

    @Test
    void expIsWithinTwoUlpsOfMathExpAndTheVectorTwinAgreesBitwise() {
        Random rnd = new Random(13);
        int len = 20_000;
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            x[i] = i < 100 ? -Exp.LIMIT + 14 * i : (2 * rnd.nextDouble() - 1) * (i % 2 == 0 ? 2 : Exp.LIMIT);
        }
        double worst = 0;
        for (double v : x) {
            double e = Exp.exp(v);
            double want = Math.exp(v);
            worst = Math.max(worst, Math.abs(e - want) / Math.ulp(want));
        }
        assertTrue(worst <= 2.0, "max error " + worst + " ulp");
        assertEquals(Math.exp(Exp.LIMIT), Exp.exp(1e308), Math.ulp(Math.exp(Exp.LIMIT)) * 2, "clamped above");
        assertTrue(Exp.exp(-1e308) > 0 && Exp.exp(-1e308) < 1e-300, "clamped below");
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
        // the Vector-API twin: via gelu's tanh, which is exp's only caller
        double[] y = new double[len];
        double[] th = new double[len];
        double[] th2 = new double[len];
        Kernels.gelu(x, y, th, len, true);
        Kernels.gelu(x, y, th2, len, false);
        assertArrayEquals(th2, th, 0.0, "vector and scalar tanh, bit for bit");
        // Exp.inPlace (the Vector-API loop when the module is present) against the scalar exp, element by element, on a
        // range that starts and ends off the vector width
        double[] in = x.clone();
        Exp.inPlace(in, 3, len - 5);
        for (int i = 0; i < len; i++) {
            assertEquals(i >= 3 && i < len - 5 ? Exp.exp(x[i]) : x[i], in[i], 0.0, "Exp.inPlace at " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Exp.inPlace(in, 2, len + 1));
    }

    @Test
    void theGeluOpGivesTheSameValueAndGradientOnBothBackends() {
        Random rnd = new Random(23);
        DMatrixRMaj x = new DMatrixRMaj(37, 5, true, random(rnd, 37 * 5));
        DMatrixRMaj w = new DMatrixRMaj(37, 5, true, random(rnd, 37 * 5));
        DMatrixRMaj[] value = new DMatrixRMaj[2];
        DMatrixRMaj[] grad = new DMatrixRMaj[2];
        for (int b = 0; b < 2; b++) {
            Tape t = new Tape();
            Var xv = t.input(x.copy());
            Var y = Gelu.gelu(t, xv, b == 1);
            value[b] = y.value();
            grad[b] = t.grad(t.sum(t.mul(y, t.constant(w))), false, xv)[0].value();
        }
        assertArrayEquals(value[0].data, value[1].data, 0.0, "value");
        assertArrayEquals(grad[0].data, grad[1].data, 0.0, "gradient (scalar: from the stored tanh)");
        double[] want = new double[x.data.length];
        Kernels.geluBackward(w.data, x.data, want, want.length, false);
        assertArrayEquals(want, grad[0].data, 0.0, "gradient = go ⊙ gelu'(x)");
    }
}
