package org.girsanov.samplers.metrics;

/**
 * Over-relaxed Sinkhorn updates (Thibault, Chizat, Dossal, Papadakis, "Overrelaxed Sinkhorn–Knopp algorithm
 * for regularized optimal transport", 2017/2021): each update of a potential is applied as
 * {@code p ← (1 − ω) p + ω p̂}, 1 ≤ ω &lt; 2, which speeds up the slow final stage by an order of magnitude.
 * Since ω &gt; 1 is only locally convergent, the error of the plan is checked every {@value #CHECK_EVERY}
 * iterations and ω adapted from the observed rate ({@link #adapt}).
 */
final class OverRelaxation {
    /** Full convergence check (and ω update) every this many iterations of a stage. */
    static final int CHECK_EVERY = 10;
    /** Factor applied to ω − 1 when the marginal error has not decreased over a check window. */
    static final double OMEGA_BACKOFF = 0.75;
    /** Largest over-relaxation factor the adaptation may reach. */
    static final double OMEGA_MAX = 1.995;

    private OverRelaxation() {
    }

    /**
     * New ω from the marginal error going from {@code e0} to {@code e1} over {@code span} iterations. The
     * two-block (consistently ordered) linearisation of Sinkhorn obeys Young's SOR relation
     * {@code (μ + ω − 1)² = ω² η μ} between the rate μ at ω and the rate η of plain Sinkhorn; the optimal
     * factor is {@code ω* = 2/(1 + √(1 − η))}, with rate ω* − 1 (Lehmann, von Renesse, Sambale, Uschmajew
     * 2021). If μ exceeds ω − 1 (real dominant root: ω below ω*), η is solved for and ω raised to ω* (capped
     * at {@value #OMEGA_MAX}); if the error did not decrease, ω − 1 is damped by {@value #OMEGA_BACKOFF}
     * (ω &gt; 1 is only locally convergent).
     */
    static double adapt(double w, double e0, double e1, int span) {
        if (!(e1 < e0)) {
            return 1 + OMEGA_BACKOFF * (w - 1);
        }
        double mu = Math.pow(e1 / e0, 1.0 / span);
        if (mu <= (w - 1) * 1.01) {
            return w;
        }
        double eta = (mu + w - 1) * (mu + w - 1) / (w * w * mu);
        if (!(eta < 1)) {
            return OMEGA_MAX;
        }
        double wOpt = 2 / (1 + Math.sqrt(1 - eta));
        return Math.min(OMEGA_MAX, Math.max(w, wOpt));
    }

    /** {@code p ← (1 − ω) p + ω pHat}. */
    static void relax(double[] p, double[] pHat, double w) {
        if (w == 1.0) {
            System.arraycopy(pHat, 0, p, 0, p.length);
            return;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (1 - w) * p[i] + w * pHat[i];
        }
    }
}
