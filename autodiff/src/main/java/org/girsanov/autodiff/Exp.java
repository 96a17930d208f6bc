package org.girsanov.autodiff;

/**
 * {@code e^x} written out — range reduction and a polynomial — so that the Vector-API twin in
 * {@link VectorGelu#exp} computes the same bits lane by lane ({@link Math#exp} is an intrinsic with no
 * vector form in the Vector API that agrees with it). Used where the tape's activations need {@code exp}
 * in a hot loop (GELU's {@code tanh}), and by {@link #inPlace} for other modules' hot loops (a mixture's
 * responsibilities): the same bits on the Vector-API and the scalar backend, so results do not depend on the JVM's
 * modules.
 *
 * <p>Cody–Waite reduction: {@code k = round(x log₂e)} (by adding and subtracting {@code 1.5·2⁵²}, which rounds
 * to nearest in the addition), {@code r = (x − k·ln2_hi) − k·ln2_lo} by two fused multiply-adds,
 * {@code |r| ≤ ½ ln 2}; then {@code e^r} by its Taylor polynomial to degree 13 in Horner form with
 * {@link Math#fma} (truncation {@code |r|¹⁴/14! < 5·10⁻¹⁸}), scaled by {@code 2^k} built in the exponent
 * bits. Relative error within a few ulps on {@code [−700, 700]}; arguments outside are clamped to it
 * ({@code e^{±700}} is far past where {@code tanh} saturates), NaN stays NaN.
 */
public final class Exp {
    /** Arguments are clamped to {@code [−LIMIT, LIMIT]}. */
    static final double LIMIT = 700.0;
    static final double LOG2E = 1.4426950408889634;
    /** {@code 1.5·2⁵²}: adding it rounds to an integer kept in the low bits of the mantissa. */
    static final double SHIFT = 6755399441055744.0;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with its low bits zero. */
    static final double LN2_HI = 0x1.62e42fefa3800p-1;
    static final double LN2_LO = 0x1.ef35793c76730p-45;
    /** {@code 1/i!} for {@code i = 0 … 13}. */
    static final double[] C = taylor(13);
    private static final double C0 = C[0];
    private static final double C1 = C[1];
    private static final double C2 = C[2];
    private static final double C3 = C[3];
    private static final double C4 = C[4];
    private static final double C5 = C[5];
    private static final double C6 = C[6];
    private static final double C7 = C[7];
    private static final double C8 = C[8];
    private static final double C9 = C[9];
    private static final double C10 = C[10];
    private static final double C11 = C[11];
    private static final double C12 = C[12];
    private static final double C13 = C[13];

    private Exp() {
    }

    private static double[] taylor(int degree) {
        double[] c = new double[degree + 1];
        double f = 1.0;
        for (int i = 0; i <= degree; i++) {
            if (i > 0) {
                f *= i;
            }
            c[i] = 1.0 / f;
        }
        return c;
    }

    /**
     * {@code a[i] = e^{a[i]}} for {@code from ≤ i < to}, in vectors of the Vector API when the module is present and
     * scalar otherwise: the same bits either way ({@code KernelsTest}).
     */
    public static void inPlace(double[] a, int from, int to) {
        if (from < 0 || to > a.length || from > to) {
            throw new IllegalArgumentException("Exp.inPlace: range [" + from + ", " + to + ") is not within an array of length "
                    + a.length);
        }
        int i = Kernels.VECTOR ? VectorGelu.expInPlace(a, from, to) : from;
        for (; i < to; i++) {
            a[i] = exp(a[i]);
        }
    }

    /** {@code e^x} as stated in the class comment. */
    public static double exp(double x) {
        // the ternaries are Math.max(Math.min(x, LIMIT), −LIMIT), NaN passing through, without its blend sequence
        final double xc = x > LIMIT ? LIMIT : x < -LIMIT ? -LIMIT : x;
        final double t = xc * LOG2E + SHIFT;
        final double k = t - SHIFT;
        double r = Math.fma(-k, LN2_HI, xc);
        r = Math.fma(-k, LN2_LO, r);
        // Horner on the constants below (C[i] folded by the JIT; an array element is loaded and bounds-checked)
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, C1);
        p = Math.fma(p, r, C0);
        final long scale = (Double.doubleToRawLongBits(t) - SHIFT_BITS + 1023L) << 52;
        return p * Double.longBitsToDouble(scale);
    }
}
