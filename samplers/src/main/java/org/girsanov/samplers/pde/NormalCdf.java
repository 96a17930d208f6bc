package org.girsanov.samplers.pde;

/**
 * The standard normal distribution function {@code Φ(z) = ½ erfc(−z/√2)}, with the Chebyshev-fitted complementary
 * error function of Numerical Recipes (2nd ed., §6.2, {@code erfcc}): fractional error below {@code 1.2 × 10⁻⁷}
 * everywhere.
 */
final class NormalCdf {
    private NormalCdf() {
    }

    static double at(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** {@code erfc(x)}, fractional error {@code < 1.2e-7} (Numerical Recipes, 2nd ed., {@code erfcc}). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
