package org.girsanov.samplers.targets;

/**
 * A target whose Hessian {@code ∇² log ρ(x)} is known in closed form, for Newton's method to the mode and
 * the Laplace approximation {@code N(x*, (−∇² log ρ(x*))⁻¹)} around it (docs/targets-and-metrics.md,
 * "Reference log Z").
 */
public interface HessianTarget extends Target {

    /** {@code ∇² log ρ(x)} at one point {@code x} (length d): a symmetric {@code d × d} matrix, row-major. */
    double[][] hessian(double[] x);
}
