package org.girsanov.samplers.pde;

/**
 * The error of an approximation {@code v} of {@code u(·, 0)} at points {@code ξ_1 … ξ_M} drawn uniformly from
 * {@code K}: the relative {@code L²(K)} error {@code √(Σ (v_i − u_i)² / Σ u_i²)} (a Monte Carlo estimate of
 * {@code ‖v − u‖_{L²(K)} / ‖u‖_{L²(K)}}) and the relative sup error {@code max_i |v_i − u_i| / max_i |u_i|}.
 */
public record SolutionError(double relativeL2, double relativeLInf, int points) {

    /** The errors of {@code approx} against {@code exact}, entry by entry. */
    public static SolutionError of(double[] approx, double[] exact) {
        if (approx.length != exact.length || approx.length == 0) {
            throw new IllegalArgumentException("SolutionError: " + approx.length + " approximate and " + exact.length
                    + " exact values; need the same positive number");
        }
        double num = 0;
        double den = 0;
        double sup = 0;
        double supU = 0;
        for (int i = 0; i < approx.length; i++) {
            double e = approx[i] - exact[i];
            num += e * e;
            den += exact[i] * exact[i];
            sup = Math.max(sup, Math.abs(e));
            supU = Math.max(supU, Math.abs(exact[i]));
        }
        return new SolutionError(Math.sqrt(num / den), sup / supU, approx.length);
    }
}
