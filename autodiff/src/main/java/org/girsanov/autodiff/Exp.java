package org.girsanov.autodiff;

/**
 * {@code e^x} written out — range reduction and a polynomial — so that the Vector-API twin in
 * {@link VectorKernels#exp} computes the same bits lane by lane ({@link Math#exp} is an intrinsic with no
 * vector form in the Vector API that agrees with it). Used where the tape's activations need {@code exp}
 * in a hot loop (GELU's {@code tanh}).
 *
 * <p>Cody–Waite reduction: {@code k = round(x log₂e)} (by adding and subtracting {@code 1.5·2⁵²}, which rounds
 * to nearest in the addition), {@code r = (x − k·ln2_hi) − k·ln2_lo} by two fused multiply-adds,
 * {@code |r| ≤ ½ ln 2}; then {@code e^r} by its Taylor polynomial to degree 13 in Horner form with
 * {@link Math#fma} (truncation {@code |r|¹⁴/14! < 5·10⁻¹⁸}), scaled by {@code 2^k} built in the exponent
 * bits. Relative error within a few ulps on {@code [−700, 700]}; arguments outside are clamped to it
 * ({@code e^{±700}} is far past where {@code tanh} saturates), NaN stays NaN.
 */
final class Exp {
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

    /** {@code e^x} as stated in the class comment. */
    static double exp(double x) {
        final double xc = Math.max(Math.min(x, LIMIT), -LIMIT);
        final double t = xc * LOG2E + SHIFT;
        final double k = t - SHIFT;
        double r = Math.fma(-k, LN2_HI, xc);
        r = Math.fma(-k, LN2_LO, r);
        double p = C[13];
        for (int i = 12; i >= 0; i--) {
            p = Math.fma(p, r, C[i]);
        }
        final long scale = (Double.doubleToRawLongBits(t) - SHIFT_BITS + 1023L) << 52;
        return p * Double.longBitsToDouble(scale);
    }
}
