package org.girsanov.samplers.targets;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Simpson quadrature (Lyness, "Notes on the adaptive Simpson quadrature routine",
 * J. ACM 16, 1969): on {@code [a, b]} with midpoint {@code m}, Simpson's rule
 * {@code S(a,b) = (b−a)/6 (f(a) + 4 f(m) + f(b))} is accepted when
 * {@code |S(a,m) + S(m,b) − S(a,b)| ≤ 15 tol}, with the Richardson correction
 * {@code S(a,m) + S(m,b) + (S(a,m) + S(m,b) − S(a,b))/15}; otherwise both halves are refined with
 * {@code tol/2}. Error {@code O(h⁴ f⁗)} per panel.
 */
public final class Quadrature {
    private static final int MAX_DEPTH = 60;

    private Quadrature() {
    }

    /** {@code ∫_a^b f(x) dx} to absolute tolerance {@code tol} (for smooth {@code f}). */
    public static double adaptiveSimpson(DoubleUnaryOperator f, double a, double b, double tol) {
        if (!(b > a)) {
            throw new IllegalArgumentException("adaptiveSimpson: need a < b, got [" + a + ", " + b + "]");
        }
        // Start from a few panels so that narrow peaks are not missed by the first estimate.
        int panels = 64;
        double h = (b - a) / panels;
        double total = 0;
        for (int k = 0; k < panels; k++) {
            double l = a + k * h;
            double r = k == panels - 1 ? b : l + h;
            double fl = f.applyAsDouble(l);
            double fr = f.applyAsDouble(r);
            double fm = f.applyAsDouble(0.5 * (l + r));
            double whole = (r - l) / 6 * (fl + 4 * fm + fr);
            total += refine(f, l, r, fl, fm, fr, whole, tol / panels, MAX_DEPTH);
        }
        return total;
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb,
                                 double whole, double tol, int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m);
        double rm = 0.5 * (m + b);
        double flm = f.applyAsDouble(lm);
        double frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        if (depth <= 0 || Math.abs(delta) <= 15 * tol) {
            return left + right + delta / 15;
        }
        return refine(f, a, m, fa, flm, fm, left, tol / 2, depth - 1)
                + refine(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
    }
}
