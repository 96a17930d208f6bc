package org.girsanov.autodiff;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Divergences and Laplacians of batched vector fields, as ordinary tape values.
 *
 * <p>For a field {@code f: R^d → R^d} evaluated on a batch ({@code f} and {@code x} both {@code n × d},
 * row i of {@code f} depending only on row i of {@code x}), the divergence
 * {@code ∇·f(x) = Σ_j ∂f_j/∂x_j = tr ∂f/∂x} is returned per sample as {@code n × 1}. All results are
 * built with {@code createGraph}, so they can be differentiated again — with respect to parameters,
 * as the controlled Girsanov form of the RND needs (docs/math.md §5, Richter &amp; Berner ICLR 2024).
 */
public final class Divergence {
    private Divergence() {
    }

    /**
     * Exact divergence by {@code d} vector–Jacobian products: {@code ∇·f = Σ_j (e_jᵀ ∂f/∂x) e_j}.
     * Cost: {@code d} backward passes through {@code f}.
     */
    public static Var exact(Tape t, Var f, Var x) {
        check("divergence", f, x);
        int n = x.rows();
        int d = x.cols();
        Var total = null;
        for (int j = 0; j < d; j++) {
            DMatrixRMaj e = new DMatrixRMaj(n, d);
            for (int i = 0; i < n; i++) {
                e.data[i * d + j] = 1.0;
            }
            Var row = t.vjp(f, t.constant(e), true, x)[0];
            Var djj = t.slice(row, j, j + 1);
            total = total == null ? djj : t.add(total, djj);
        }
        return total;
    }

    /**
     * Hutchinson's unbiased estimate {@code ∇·f ≈ (1/m) Σ_k ε_kᵀ (∂f/∂x) ε_k} with {@code m} fresh probes
     * per sample (Hutchinson 1989). Each term is one vector–Jacobian product.
     */
    public static Var hutchinson(Tape t, Var f, Var x, int m, Probe probe, UniformRandomProvider rng) {
        if (m < 1) {
            throw new IllegalArgumentException("hutchinsonDivergence: m = " + m + "; the number of probes must be >= 1");
        }
        DMatrixRMaj[] probes = new DMatrixRMaj[m];
        for (int k = 0; k < m; k++) {
            probes[k] = probe.draw(x.rows(), x.cols(), rng);
        }
        return hutchinson(t, f, x, probes);
    }

    /** Hutchinson's estimate with given probes (each {@code n × d}); deterministic for fixed probes. */
    public static Var hutchinson(Tape t, Var f, Var x, DMatrixRMaj... probes) {
        check("hutchinsonDivergence", f, x);
        if (probes.length == 0) {
            throw new IllegalArgumentException("hutchinsonDivergence: needs at least one probe");
        }
        Var total = null;
        for (DMatrixRMaj e : probes) {
            if (e.numRows != x.rows() || e.numCols != x.cols()) {
                throw new IllegalArgumentException("hutchinsonDivergence: probe shape " + e.numRows + "x" + e.numCols
                        + " differs from x " + x.shape());
            }
            Var eps = t.constant(e);
            Var eJ = t.vjp(f, eps, true, x)[0];
            Var term = t.sumCols(t.mul(eJ, eps));
            total = total == null ? term : t.add(total, term);
        }
        return t.scale(total, 1.0 / probes.length);
    }

    /**
     * Laplacian {@code Δs = ∇·∇s} of a per-sample scalar {@code s} ({@code n × 1}) with respect to
     * {@code x} ({@code n × d}), exact.
     */
    public static Var laplacian(Tape t, Var s, Var x) {
        if (s.cols() != 1 || s.rows() != x.rows()) {
            throw Tape.shapeError("laplacian", s, x, "compatible (s must be " + x.rows() + "x1)");
        }
        Var gradS = t.grad(s, true, x)[0];
        return exact(t, gradS, x);
    }

    private static void check(String op, Var f, Var x) {
        if (f.rows() != x.rows() || f.cols() != x.cols()) {
            throw Tape.shapeError(op, f, x, "equal (a field R^d -> R^d per sample)");
        }
        if (!x.requiresGrad()) {
            throw new IllegalArgumentException(op + ": x " + x + " does not require a gradient; make it with tape.input(...)");
        }
    }
}
