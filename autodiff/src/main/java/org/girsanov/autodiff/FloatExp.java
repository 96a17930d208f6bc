package org.girsanov.autodiff;

/**
 * {@code e^x} in single precision, written out like {@link Exp} so that the Vector-API twin in
 * {@link VectorFloatKernels#exp} computes the same bits lane by lane: the activations of a network evaluated in
 * float32 ({@link GeluStack32}) need {@code tanh} through one {@code exp} per element.
 *
 * <p>Cody–Waite reduction: {@code k = round(x log₂e)} (by adding and subtracting {@code 1.5·2²³}),
 * {@code r = (x − k·ln2_hi) − k·ln2_lo} by two fused multiply-adds, {@code |r| ≤ ½ ln 2}; then {@code e^r} by its
 * Taylor polynomial to degree 7 in Horner form ({@code |r|⁸/8! < 6·10⁻⁹}, below half an ulp of float), scaled by
 * {@code 2^k} built in the exponent bits. Relative error within a few ulps of float on {@code [−80, 80]}; arguments
 * outside are clamped to it ({@code tanh} saturates long before), NaN stays NaN.
 */
final class FloatExp {
    /** Arguments are clamped to {@code [−LIMIT, LIMIT]} ({@code 2^{±116}}: normal floats). */
    static final float LIMIT = 80.0f;
    static final float LOG2E = 1.44269504f;
    /** {@code 1.5·2²³}: adding it rounds to an integer kept in the low bits of the mantissa. */
    static final float SHIFT = 12582912.0f;
    static final int SHIFT_BITS = Float.floatToRawIntBits(SHIFT);
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with its low 12 bits zero (so {@code k·LN2_HI} is exact for {@code |k| < 2¹²}). */
    static final float LN2_HI = 0x1.62e400p-1f;
    static final float LN2_LO = 0x1.7f7d1cp-20f;
    /** {@code 1/i!} for {@code i = 0 … 7}. */
    static final float C0 = 1.0f;
    static final float C1 = 1.0f;
    static final float C2 = 0.5f;
    static final float C3 = (float) (1.0 / 6.0);
    static final float C4 = (float) (1.0 / 24.0);
    static final float C5 = (float) (1.0 / 120.0);
    static final float C6 = (float) (1.0 / 720.0);
    static final float C7 = (float) (1.0 / 5040.0);

    private FloatExp() {
    }

    /** {@code e^x} as stated in the class comment. */
    static float exp(float x) {
        final float xc = x > LIMIT ? LIMIT : x < -LIMIT ? -LIMIT : x;
        final float t = xc * LOG2E + SHIFT;
        final float k = t - SHIFT;
        float r = Math.fma(-k, LN2_HI, xc);
        r = Math.fma(-k, LN2_LO, r);
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, C1);
        p = Math.fma(p, r, C0);
        final int scale = (Float.floatToRawIntBits(t) - SHIFT_BITS + 127) << 23;
        return p * Float.intBitsToFloat(scale);
    }
}
