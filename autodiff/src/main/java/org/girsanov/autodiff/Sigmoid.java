package org.girsanov.autodiff;

/**
 * The logistic function {@code σ(x) = 1/(1 + e^{−x})}, the one definition the tape's {@code sigmoid} op, softplus's
 * derivative and the logistic-regression targets share. {@code e^{−x}} is {@link Exp#exp}, whose argument is clamped to
 * {@code [−700, 700]}: {@code e^{−x}} stays finite for every {@code x}, so the one expression holds for both signs
 * without a branch (the branch on the sign was a misprediction per element on a posterior's random signs) and
 * {@link #inPlace} runs in vectors of the Vector API with the same bits as {@link #of}. Where the clamp acts,
 * {@code |x| > 700}, {@code σ} is {@code 1} or below {@code 10⁻³⁰⁴}: an absolute error under {@code 10⁻³⁰⁴}.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** {@code σ(x) = 1/(1 + e^{−x})}. */
    public static double of(double x) {
        return 1.0 / (1.0 + Exp.exp(-x));
    }

    /**
     * {@code a[i] = σ(a[i])} for {@code from ≤ i < to}, in vectors when the Vector API module is present and scalar
     * otherwise: the same bits either way ({@code SigmoidTest}).
     */
    public static void inPlace(double[] a, int from, int to) {
        if (from < 0 || to > a.length || from > to) {
            throw new IllegalArgumentException("Sigmoid.inPlace: range [" + from + ", " + to
                    + ") is not within an array of length " + a.length);
        }
        int i = Kernels.VECTOR ? VectorGelu.sigmoidInPlace(a, from, to) : from;
        for (; i < to; i++) {
            a[i] = of(a[i]);
        }
    }
}
