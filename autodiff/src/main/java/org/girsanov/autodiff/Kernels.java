package org.girsanov.autodiff;

/**
 * Plain-loop matrix kernels for the skinny shapes of the samplers ({@code (64..512) × 64 · 64 × 64} and
 * smaller), on row-major {@code double[]} data, faster there than EJML's general {@code mult_reorder}.
 *
 * <p>Every kernel computes each output element as a chain of fused multiply-adds over the inner index in
 * increasing order, {@code c_ij ← fma(a_ik, b_kj, c_ij)} from {@code c_ij = 0} (or its old value when
 * accumulating), with the bias added last: one rounding per term (fewer than a multiply then an add), and an
 * order that depends only on the shapes, never on threads or on the CPU's vector width — results are bitwise
 * reproducible, and the Vector-API tiles of {@link VectorKernels} (used when the JVM resolves
 * {@code jdk.incubator.vector}) give the same bits as the scalar loops here. The scalar inner loop over
 * {@code j} runs over zero-offset arrays only (a copy of {@code B}'s rows and an accumulator row), so HotSpot's
 * superword pass vectorises it, and the accumulator is loaded and stored once per four terms.
 */
final class Kernels {
    /**
     * A caller's scratch (a tape's or a {@link Workspace}'s, never shared between threads): row arrays of the right
     * operand, one accumulator row, a transposed right operand, a block of lanes. Its contents are garbage between calls.
     */
    static final class Scratch {
        double[][] rows = new double[0][];
        double[] acc = new double[0];
        double[] transposed = new double[0];
        /** Four vectors' worth of lanes: {@link VectorKernels#narrowRows} moves a block of a column through it. */
        double[] lanes = new double[0];
        /** Two float rows of activations an op passes from layer to layer without keeping them ({@link GeluStack32}). */
        float[] ping = new float[0];
        float[] pong = new float[0];

        /** {@link #ping} (even {@code l}) or {@link #pong} (odd) with at least {@code length} floats. */
        float[] activations(int l, int length) {
            if (l % 2 == 0) {
                if (ping.length < length) {
                    ping = new float[length];
                }
                return ping;
            }
            if (pong.length < length) {
                pong = new float[length];
            }
            return pong;
        }
    }

    /**
     * Whether the products run on {@link VectorKernels} (bitwise the same numbers, 2× faster with AVX-512):
     * when the JVM resolved {@code jdk.incubator.vector} and the system property {@code girsanov.kernels} is
     * not {@code scalar}. Fixed for the life of the JVM.
     */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty("girsanov.kernels"));

    private Kernels() {
    }

    /**
     * {@code C = A B + 1 biasᵀ} with {@code A}: m×p, {@code B}: p×n, {@code C}: m×n; {@code bias} (length n)
     * may be null and is added after the product. {@code C} must not alias {@code A} or {@code B}.
     */
    static void multNN(Scratch s, double[] a, double[] b, double[] bias, double[] c, int m, int p, int n) {
        multNN(s, a, b, bias, c, m, p, n, VECTOR);
    }

    /** As above, on {@link VectorKernels} if {@code vector}, else on the scalar loops (the same bits). */
    static void multNN(Scratch s, double[] a, double[] b, double[] bias, double[] c, int m, int p, int n, boolean vector) {
        if (n < NARROW) {
            NarrowProducts.product(s, a, p, 1, b, n, 1, bias, c, m, p, n, false, vector);
            return;
        }
        if (vector) {
            VectorKernels.product(a, p, 1, b, bias, c, m, p, n, false);
            return;
        }
        double[][] rows = rows(s, p, n);
        for (int k = 0; k < p; k++) {
            System.arraycopy(b, k * n, rows[k], 0, n);
        }
        product(s, a, p, 1, rows, bias, c, m, p, n, false);
    }

    /**
     * {@code C = Aᵀ B} (or {@code C += Aᵀ B} when {@code accumulate}) with {@code A}: m×p, {@code B}: m×n,
     * {@code C}: p×n.
     */
    static void multTN(Scratch s, double[] a, double[] b, double[] c, int m, int p, int n, boolean accumulate) {
        multTN(s, a, b, c, m, p, n, accumulate, VECTOR);
    }

    /** As above, on {@link VectorKernels} if {@code vector}, else on the scalar loops (the same bits). */
    static void multTN(Scratch s, double[] a, double[] b, double[] c, int m, int p, int n, boolean accumulate, boolean vector) {
        if (n < NARROW) {
            NarrowProducts.product(s, a, 1, p, b, n, 1, null, c, p, m, n, accumulate, vector);
            return;
        }
        if (vector) {
            VectorKernels.product(a, 1, p, b, null, c, p, m, n, accumulate);
            return;
        }
        double[][] rows = rows(s, m, n);
        for (int i = 0; i < m; i++) {
            System.arraycopy(b, i * n, rows[i], 0, n);
        }
        product(s, a, 1, p, rows, null, c, p, m, n, accumulate);
    }

    /** {@code C = A Bᵀ} with {@code A}: m×p, {@code B}: n×p, {@code C}: m×n. */
    static void multNT(Scratch s, double[] a, double[] b, double[] c, int m, int p, int n) {
        multNT(s, a, b, c, m, p, n, VECTOR);
    }

    /** As above, on {@link VectorKernels} if {@code vector}, else on the scalar loops (the same bits). */
    static void multNT(Scratch s, double[] a, double[] b, double[] c, int m, int p, int n, boolean vector) {
        if (n < NARROW) {
            NarrowProducts.product(s, a, p, 1, b, 1, p, null, c, m, p, n, false, vector);
            return;
        }
        if (m < FEW_ROWS) {
            FewRowProducts.productNT(a, b, c, m, p, n);
            return;
        }
        if (vector) {
            double[] bt = s.transposed;
            if (bt.length < p * n) {
                bt = new double[p * n];
                s.transposed = bt;
            }
            for (int j = 0; j < n; j++) {
                final int bo = j * p;
                for (int k = 0; k < p; k++) {
                    bt[k * n + j] = b[bo + k];
                }
            }
            VectorKernels.product(a, p, 1, bt, null, c, m, p, n, false);
            return;
        }
        double[][] rows = rows(s, p, n);
        for (int j = 0; j < n; j++) {
            final int bo = j * p;
            for (int k = 0; k < p; k++) {
                rows[k][j] = b[bo + k];
            }
        }
        product(s, a, p, 1, rows, null, c, m, p, n, false);
    }

    /**
     * {@code C = A Bᵀ} as {@link #multNT}, given {@code Bᵀ} ({@code bt}, p×n row-major) as well: the vector kernels read
     * it instead of transposing {@code B} again (the same bits); the narrow and scalar paths read {@code B}.
     */
    static void multNTGivenTranspose(Scratch s, double[] a, double[] b, double[] bt, double[] c, int m, int p, int n) {
        if (VECTOR && n >= NARROW) {
            VectorKernels.product(a, p, 1, bt, null, c, m, p, n, false);
            return;
        }
        multNT(s, a, b, c, m, p, n, VECTOR);
    }

    /**
     * Row {@code i} of {@code C} (m×n) is {@code Σ_k x_ik rows[k]} with {@code x_ik = a[i·rs + k·ks]}, k over
     * {@code [0, inner)}, accumulated in a separate zero-offset row: HotSpot (17) only vectorises the inner
     * loop when every array in it is indexed by the loop variable alone, so the right operand is held as
     * one array per row.
     */
    private static void product(Scratch s, double[] a, int rs, int ks, double[][] rows, double[] bias, double[] c,
                                int m, int inner, int n, boolean accumulate) {
        double[] acc = s.acc;
        if (acc.length < n) {
            acc = new double[n];
            s.acc = acc;
        }
        for (int i = 0; i < m; i++) {
            final int co = i * n;
            if (accumulate) {
                System.arraycopy(c, co, acc, 0, n);
            } else {
                java.util.Arrays.fill(acc, 0, n, 0.0);
            }
            final int ao = i * rs;
            int k = 0;
            for (; k + 3 < inner; k += 4) {
                final int o = ao + k * ks;
                axpy4(acc, n, a[o], a[o + ks], a[o + 2 * ks], a[o + 3 * ks], rows[k], rows[k + 1], rows[k + 2], rows[k + 3]);
            }
            for (; k < inner; k++) {
                axpy1(acc, n, a[ao + k * ks], rows[k]);
            }
            if (bias != null) {
                // added after the product, so linear(x, W, b) == addBias(matmul(x, W), b) bitwise
                for (int j = 0; j < n; j++) {
                    acc[j] += bias[j];
                }
            }
            System.arraycopy(acc, 0, c, co, n);
        }
    }

    /** Below this many output columns a vector loop over them is all overhead: {@link NarrowProducts} instead. */
    private static final int NARROW = 8;
    /** Fewer rows than this go to {@link FewRowProducts#productNT}: the tiles take four. */
    private static final int FEW_ROWS = 4;

    /** At least {@code count} scratch rows of at least {@code len} elements (contents are garbage). */
    private static double[][] rows(Scratch s, int count, int len) {
        double[][] r = s.rows;
        if (r.length < count) {
            r = java.util.Arrays.copyOf(r, Math.max(count, 2 * r.length));
            s.rows = r;
        }
        for (int k = 0; k < count; k++) {
            if (r[k] == null || r[k].length < len) {
                r[k] = new double[len];
            }
        }
        return r;
    }

    private static void axpy4(double[] acc, int n, double x0, double x1, double x2, double x3,
                              double[] b0, double[] b1, double[] b2, double[] b3) {
        for (int j = 0; j < n; j++) {
            acc[j] = Math.fma(x3, b3[j], Math.fma(x2, b2[j], Math.fma(x1, b1[j], Math.fma(x0, b0[j], acc[j]))));
        }
    }

    private static void axpy1(double[] acc, int n, double x0, double[] b0) {
        for (int j = 0; j < n; j++) {
            acc[j] = Math.fma(x0, b0[j], acc[j]);
        }
    }

    // ------------------------------------------------------------------------------------------
    // GELU (tanh form)
    // ------------------------------------------------------------------------------------------

    static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    static final double GELU_K = 0.044715;

    /**
     * {@code tanh u = 1 − 2 / (1 + e^{2u})}: one {@link Exp#exp} instead of {@code StrictMath.tanh}; absolute
     * error a few ulps of 1 (enough inside GELU, whose value is {@code ½a(1 + tanh u)}). Saturates to ±1 and
     * propagates NaN.
     */
    static double fastTanh(double u) {
        return 1.0 - 2.0 / (1.0 + Exp.exp(2.0 * u));
    }

    /**
     * {@code y = gelu(x) = ½x(1 + tanh u)}, {@code u = c(x + k x³)} ({@link Gelu#gelu}), with {@code tanh u} by
     * {@link #fastTanh}; when {@code th} is not null it receives {@code tanh u} for the backward. On
     * {@link VectorGelu#gelu} when {@link #VECTOR} (the same bits), the scalar loop otherwise and for the
     * last elements. No allocation.
     */
    static void gelu(double[] x, double[] y, double[] th, int len) {
        gelu(x, y, th, len, VECTOR);
    }

    /**
     * As above, on the Vector-API loop if {@code vector}. The scalar path runs in three passes over {@code y} so
     * that only the {@code exp} pass is scalar: HotSpot (17) vectorises the polynomial pass and the pass with the
     * division, not a loop that calls {@link Exp#exp}. Each element sees the same operations in the same order
     * either way, so the bits are the same.
     */
    static void gelu(double[] x, double[] y, double[] th, int len, boolean vector) {
        if (vector) {
            final int from = VectorGelu.gelu(x, y, th, len, GELU_C, GELU_K);
            for (int i = from; i < len; i++) {
                final double a = x[i];
                final double t = fastTanh(GELU_C * (a + GELU_K * a * a * a));
                if (th != null) {
                    th[i] = t;
                }
                y[i] = 0.5 * a * (1.0 + t);
            }
            return;
        }
        twiceU(x, y, len);
        expInPlace(y, len);
        if (th != null) {
            for (int i = 0; i < len; i++) {
                th[i] = 1.0 - 2.0 / (1.0 + y[i]);
            }
        }
        for (int i = 0; i < len; i++) {
            final double a = x[i];
            y[i] = 0.5 * a * (1.0 + (1.0 - 2.0 / (1.0 + y[i])));
        }
    }

    /** {@code e[i] = 2u(x_i)}, {@code u = c(x + k x³)}: the argument {@link #fastTanh} passes to {@code exp}. */
    private static void twiceU(double[] x, double[] e, int len) {
        for (int i = 0; i < len; i++) {
            final double a = x[i];
            e[i] = 2.0 * (GELU_C * (a + GELU_K * a * a * a));
        }
    }

    private static void expInPlace(double[] e, int len) {
        for (int i = 0; i < len; i++) {
            e[i] = Exp.exp(e[i]);
        }
    }

    /**
     * {@code r = go ⊙ gelu'(x)} from {@code t = tanh u} stored by the forward pass ({@link #gelu} with a
     * {@code th} buffer), so the backward pays no second {@code exp}; on {@link VectorGelu#geluBackwardFromTanh}
     * if {@code vector} (the same bits).
     */
    static void geluBackwardFromTanh(double[] go, double[] x, double[] th, double[] r, int len, boolean vector) {
        final int from = vector ? VectorGelu.geluBackwardFromTanh(go, x, th, r, len, GELU_C, GELU_K) : 0;
        for (int i = from; i < len; i++) {
            r[i] = go[i] * geluDerivative(x[i], th[i]);
        }
    }

    /**
     * {@code d1[i] = gelu'(x_i)} and {@code d2[i] = gelu''(x_i) = (1 − t²)(u' + ½x(u'' − 2t u'²))} (either may be
     * null), {@code u' = c(1 + 3k x²)}, {@code u'' = 6ck x}, at {@code t = th[i]} ({@code tanh u} stored by the forward
     * pass) or, if {@code th} is null, {@code t} recomputed as {@link #gelu} computes it. For {@link Gelu#geluPrime}.
     */
    static void geluDerivatives(double[] x, double[] th, double[] d1, double[] d2, int len) {
        for (int i = 0; i < len; i++) {
            final double a = x[i];
            final double t = th != null ? th[i] : fastTanh(GELU_C * (a + GELU_K * a * a * a));
            if (d1 != null) {
                d1[i] = geluDerivative(a, t);
            }
            if (d2 != null) {
                final double du = GELU_C * (1.0 + 3.0 * GELU_K * a * a);
                d2[i] = (1.0 - t * t) * (du + 0.5 * a * (6.0 * GELU_C * GELU_K * a - 2.0 * t * du * du));
            }
        }
    }

    /** {@code gelu'(a) = ½(1 + t) + ½a(1 − t²)c(1 + 3k a²)} at {@code t = tanh u} ({@link Gelu#geluDerivative}). */
    private static double geluDerivative(double a, double t) {
        return 0.5 * (1.0 + t) + 0.5 * a * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_K * a * a);
    }

    /**
     * {@code r = go ⊙ gelu'(x)} ({@link Gelu#geluDerivative} states {@code gelu'}), with {@code t = tanh u}
     * recomputed from {@code x} exactly as the forward pass computed it (one vectorised {@code exp} per element
     * costs less than storing {@code t} for the backward: allocating and filling a buffer per GELU node).
     */
    static void geluBackward(double[] go, double[] x, double[] r, int len) {
        geluBackward(go, x, r, len, VECTOR);
    }

    /** As above, on the Vector-API loop if {@code vector}, else in three passes over {@code r} (see {@link #gelu}). */
    static void geluBackward(double[] go, double[] x, double[] r, int len, boolean vector) {
        if (vector) {
            final int from = VectorGelu.geluBackward(go, x, r, len, GELU_C, GELU_K);
            for (int i = from; i < len; i++) {
                final double a = x[i];
                r[i] = go[i] * geluDerivative(a, fastTanh(GELU_C * (a + GELU_K * a * a * a)));
            }
            return;
        }
        twiceU(x, r, len);
        expInPlace(r, len);
        for (int i = 0; i < len; i++) {
            r[i] = go[i] * geluDerivative(x[i], 1.0 - 2.0 / (1.0 + r[i]));
        }
    }
}
