package org.girsanov.autodiff;

/**
 * Plain-loop matrix kernels for the skinny shapes of the samplers ({@code (64..512) × 64 · 64 × 64} and
 * smaller), on row-major {@code double[]} data, faster there than EJML's general {@code mult_reorder}.
 *
 * <p>Every kernel computes each output row as a sum over the inner index in increasing order, blocked by
 * four: {@code c_j ← c_j + (((x₀b₀ⱼ + x₁b₁ⱼ) + x₂b₂ⱼ) + x₃b₃ⱼ)}. The inner loop over {@code j} runs over
 * contiguous rows of {@code B} and {@code C} only, so HotSpot's superword pass vectorises it, and
 * {@code C} is loaded and stored once per four products instead of once per product. The order of
 * operations depends only on the shapes, never on threads: results are bitwise reproducible.
 */
final class Kernels {
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    private Kernels() {
    }

    /**
     * {@code C = A B + 1 biasᵀ} with {@code A}: m×p, {@code B}: p×n, {@code C}: m×n; {@code bias} (length n)
     * may be null. {@code C} must not alias {@code A} or {@code B}.
     */
    static void multNN(double[] a, double[] b, double[] bias, double[] c, int m, int p, int n) {
        for (int i = 0; i < m; i++) {
            final int co = i * n;
            java.util.Arrays.fill(c, co, co + n, 0.0);
            final int ao = i * p;
            int k = 0;
            for (; k + 3 < p; k += 4) {
                axpy4(c, co, n, a[ao + k], a[ao + k + 1], a[ao + k + 2], a[ao + k + 3], b, k * n);
            }
            for (; k < p; k++) {
                axpy1(c, co, n, a[ao + k], b, k * n);
            }
            if (bias != null) {
                // added after the product, so linear(x, W, b) == addBias(matmul(x, W), b) bitwise
                for (int j = 0; j < n; j++) {
                    c[co + j] += bias[j];
                }
            }
        }
    }

    /**
     * {@code C = Aᵀ B} (or {@code C += Aᵀ B} when {@code accumulate}) with {@code A}: m×p, {@code B}: m×n,
     * {@code C}: p×n.
     */
    static void multTN(double[] a, double[] b, double[] c, int m, int p, int n, boolean accumulate) {
        for (int q = 0; q < p; q++) {
            final int co = q * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, co, co + n, 0.0);
            }
            int i = 0;
            for (; i + 3 < m; i += 4) {
                axpy4(c, co, n, a[i * p + q], a[(i + 1) * p + q], a[(i + 2) * p + q], a[(i + 3) * p + q], b, i * n);
            }
            for (; i < m; i++) {
                axpy1(c, co, n, a[i * p + q], b, i * n);
            }
        }
    }

    /** {@code C = A Bᵀ} with {@code A}: m×p, {@code B}: n×p, {@code C}: m×n (via a transposed copy of B). */
    static void multNT(double[] a, double[] b, double[] c, int m, int p, int n) {
        double[] bt = scratch(p * n);
        for (int j = 0; j < n; j++) {
            final int bo = j * p;
            for (int k = 0; k < p; k++) {
                bt[k * n + j] = b[bo + k];
            }
        }
        multNN(a, bt, null, c, m, p, n);
    }

    /** A per-thread scratch array of at least {@code size} elements (its contents are garbage). */
    private static double[] scratch(int size) {
        double[][] holder = SCRATCH.get();
        if (holder[0].length < size) {
            holder[0] = new double[Math.max(size, 2 * holder[0].length)];
        }
        return holder[0];
    }

    private static void axpy4(double[] c, int co, int n, double x0, double x1, double x2, double x3,
                              double[] b, int bo) {
        final int b1 = bo + n;
        final int b2 = b1 + n;
        final int b3 = b2 + n;
        for (int j = 0; j < n; j++) {
            c[co + j] += x0 * b[bo + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
        }
    }

    private static void axpy1(double[] c, int co, int n, double x0, double[] b, int bo) {
        for (int j = 0; j < n; j++) {
            c[co + j] += x0 * b[bo + j];
        }
    }

    // ------------------------------------------------------------------------------------------
    // GELU (tanh form)
    // ------------------------------------------------------------------------------------------

    static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    static final double GELU_K = 0.044715;

    /**
     * {@code tanh u = 1 − 2 / (1 + e^{2u})}: one intrinsic {@code exp} instead of {@code StrictMath.tanh};
     * absolute error a few ulps of 1 (enough inside GELU, whose value is {@code ½a(1 + tanh u)}).
     * Saturates to ±1 and propagates NaN.
     */
    static double fastTanh(double u) {
        return 1.0 - 2.0 / (1.0 + Math.exp(2.0 * u));
    }

    /** {@code y = gelu(x)}; when {@code th} is not null it receives {@code tanh u} for the backward. */
    static void gelu(double[] x, double[] y, double[] th, int len) {
        for (int i = 0; i < len; i++) {
            double a = x[i];
            double t = fastTanh(GELU_C * (a + GELU_K * a * a * a));
            if (th != null) {
                th[i] = t;
            }
            y[i] = 0.5 * a * (1.0 + t);
        }
    }

    /**
     * {@code r = go ⊙ gelu'(x)}, {@code gelu'(a) = ½(1 + t) + ½ a (1 − t²) c (1 + 3k a²)}, with {@code t = tanh u}
     * from the forward pass.
     */
    static void geluBackward(double[] go, double[] x, double[] th, double[] r, int len) {
        for (int i = 0; i < len; i++) {
            double a = x[i];
            double t = th[i];
            double d = 0.5 * (1.0 + t) + 0.5 * a * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_K * a * a);
            r[i] = go[i] * d;
        }
    }
}
