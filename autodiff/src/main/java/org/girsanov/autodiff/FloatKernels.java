package org.girsanov.autodiff;

/**
 * Single-precision kernels for a network evaluated in float32 ({@link GeluStack32}): the product
 * {@code C = X B (+ 1 biasᵀ)} on strided {@code X}, GELU with its {@code tanh} stored, and GELU's derivative
 * product from that {@code tanh}. The rules of {@link Kernels} hold in float: each output element is a chain of fused
 * multiply-adds over the inner index in increasing order from zero (or its old value when accumulating), the bias
 * added last; GELU's {@code tanh u = 1 − 2/(1 + e^{2u})} through {@link FloatExp}. So the Vector-API loops of
 * {@link VectorFloatKernels} (with {@link Kernels#VECTOR}) and the scalar loops here give the same bits, and no
 * number depends on threads or on the CPU's vector width.
 */
final class FloatKernels {
    /** {@code √(2/π)} and {@code 0.044715} of GELU's tanh form, rounded to float. */
    static final float GELU_C = (float) Kernels.GELU_C;
    static final float GELU_K = (float) Kernels.GELU_K;
    private static final float GELU_K3 = (float) (3.0 * Kernels.GELU_K);

    private FloatKernels() {
    }

    /**
     * {@code C = X B (+ 1 biasᵀ)}, or {@code C += X B} when {@code accumulate}: {@code C} m×n, {@code B} inner×n
     * row-major, {@code x_ik = a[i·rs + k·ks]} ({@code rs = inner, ks = 1}: {@code A B}; {@code rs = 1, ks = m}:
     * {@code Aᵀ B} of an inner×m {@code A}). {@code bias} may be null. {@code C} must not alias the operands.
     */
    static void product(float[] a, int rs, int ks, float[] b, float[] bias, float[] c,
                        int m, int inner, int n, boolean accumulate, boolean vector) {
        final int from = vector ? VectorFloatKernels.product(a, rs, ks, b, bias, c, m, inner, n, accumulate) : 0;
        if (from == n) {
            return;
        }
        final int w = n - from;
        final float[] acc = new float[w];
        for (int i = 0; i < m; i++) {
            final int ci = i * n + from;
            if (accumulate) {
                System.arraycopy(c, ci, acc, 0, w);
            } else {
                java.util.Arrays.fill(acc, 0.0f);
            }
            for (int k = 0; k < inner; k++) {
                final float aik = a[i * rs + k * ks];
                final int bk = k * n + from;
                for (int j = 0; j < w; j++) {
                    acc[j] = Math.fma(aik, b[bk + j], acc[j]);
                }
            }
            for (int j = 0; j < w; j++) {
                c[ci + j] = bias != null ? acc[j] + bias[from + j] : acc[j];
            }
        }
    }

    /** {@code th[i] = tanh u_i}, {@code y[i] = ½x_i(1 + th[i])}, {@code u = c(x + k x³)}, as the class comment states. */
    static void gelu(float[] x, float[] y, float[] th, int len, boolean vector) {
        final int from = vector ? VectorFloatKernels.gelu(x, y, th, len, GELU_C, GELU_K) : 0;
        for (int i = from; i < len; i++) {
            final float a = x[i];
            final float t = 1.0f - 2.0f / (FloatExp.exp(2.0f * (GELU_C * (a + GELU_K * a * a * a))) + 1.0f);
            th[i] = t;
            y[i] = 0.5f * a * (1.0f + t);
        }
    }

    /**
     * {@code y = ½ x (1 + t)} at the stored {@code t = th}: {@link #gelu}'s value again, bit for bit (the same two
     * products and one sum on either backend; a loop the JIT may vectorise without changing a result).
     */
    static void geluFromTanh(float[] x, float[] th, float[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] = 0.5f * x[i] * (1.0f + th[i]);
        }
    }

    /** {@code r = go ⊙ gelu'(x)}, {@code gelu' = ½(1 + t) + ½x(1 − t²)c(1 + 3k x²)} at the stored {@code t = th}. */
    static void geluBackward(float[] go, float[] x, float[] th, float[] r, int len, boolean vector) {
        final int from = vector ? VectorFloatKernels.geluBackward(go, x, th, r, len, GELU_C, GELU_K3) : 0;
        for (int i = from; i < len; i++) {
            final float a = x[i];
            final float t = th[i];
            final float first = (t + 1.0f) * 0.5f;
            final float sech2 = 1.0f - t * t;
            final float poly = a * GELU_K3 * a + 1.0f;
            r[i] = go[i] * (first + a * 0.5f * sech2 * GELU_C * poly);
        }
    }

    // The conversions are plain loops on both backends: HotSpot 17 compiles the Vector API's convertShape (D2F, F2D)
    // without its intrinsic, and the step with it ran 1.4x slower (StepTimer, 2026-12-07).

    /** {@code d[i] = (float) s[i]} for {@code i < n} (round to nearest). */
    static void toFloats(double[] s, float[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = (float) s[i];
        }
    }

    /** {@code d[i] = s[i]} for {@code i < n} (exact). */
    static void toDoubles(float[] s, double[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = s[i];
        }
    }

    /** {@code d[i] += s[i]} for {@code i < n}, in double. */
    static void addInto(float[] s, double[] d, int n) {
        for (int i = 0; i < n; i++) {
            d[i] += s[i];
        }
    }
}
