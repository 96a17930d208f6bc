package org.girsanov.samplers.metrics;

/**
 * Truncated kernel support of one side: for each row i the columns j (ascending) with
 * {@code (t_j − max_j t_j)/ε ≥ KEEP}, {@code t_j = pot_j − C_ij}, at the reference potential {@code ref},
 * with their costs. If the other side's potential has since moved by {@code δ = max_j |pot_j − ref_j|}
 * with {@code 2δ ≤ (SKIP − KEEP − 1) ε}, every column outside the support still has exponent below
 * {@code SKIP} relative to the (unchanged-argmax) row maximum: a dense pass would skip exactly the same
 * terms, so the sparse pass is bitwise identical to it ({@link LogDomainKernel#SKIP},
 * {@link LogDomainKernel#KEEP}). {@code idx == null} records that the support did not fit the budget at
 * this ε.
 */
final class TruncatedSupport {
    final int[][] idx;
    final double[][] cost;
    private final double[] ref;
    final double eps;

    TruncatedSupport(int[][] idx, double[][] cost, double[] ref, double eps) {
        this.idx = idx;
        this.cost = cost;
        this.ref = ref;
        this.eps = eps;
    }

    /** Whether a pass at {@code e} against the potential {@code pot} may use this support. */
    boolean valid(double[] pot, double e) {
        if (idx == null || e != eps) {
            return false;
        }
        double delta = 0.0;
        for (int j = 0; j < pot.length; j++) {
            delta = Math.max(delta, Math.abs(pot[j] - ref[j]));
        }
        return 2 * delta <= (LogDomainKernel.SKIP - LogDomainKernel.KEEP - 1) * eps;
    }
}
