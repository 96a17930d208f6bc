package org.girsanov.samplers.targets;

/**
 * A target whose Hessian {@code ∇² log ρ(x)} is known in closed form, for Newton's method to the mode and
 * the Laplace approximation {@code N(x*, (−∇² log ρ(x*))⁻¹)} around it (docs/targets-and-metrics.md,
 * "Reference log Z").
 */
public interface HessianTarget extends Target {

    /** {@code ∇² log ρ(x)} at one point {@code x} (length d): a symmetric {@code d × d} matrix, row-major. */
    double[][] hessian(double[] x);

    /** Copies the upper triangle of the square {@code h} onto its lower one and returns {@code h}. */
    static double[][] mirrorUpper(double[][] h) {
        for (int a = 0; a < h.length; a++) {
            for (int b = a + 1; b < h.length; b++) {
                h[b][a] = h[a][b];
            }
        }
        return h;
    }

    /** Checks that the point {@code x} of {@link #hessian} has the target's dimension. */
    static void requirePoint(Target t, double[] x) {
        if (x.length != t.dimension()) {
            throw new IllegalArgumentException("target " + t.name() + ": point has length " + x.length + "; must be "
                    + t.dimension());
        }
    }
}
