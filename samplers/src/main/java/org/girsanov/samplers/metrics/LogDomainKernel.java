package org.girsanov.samplers.metrics;

import java.util.Arrays;

/**
 * The Gibbs kernel {@code exp(−C/ε)} of {@link Sinkhorn}, applied in the log domain through the dual
 * potentials f (over x, n rows) and g (over y, m rows), uniform weights {@code a_i = 1/n}, {@code b_j = 1/m}.
 *
 * <p><b>Half-iteration</b> ({@link #softmin}, the soft c-transform; Cuturi 2013, in the stabilised log form):
 * <pre>
 *   g_j ← −ε log Σ_i a_i exp((f_i − C_ij)/ε) ,    f_i ← −ε log Σ_j b_j exp((g_j − C_ij)/ε) ,
 * </pre>
 * each log-sum-exp taken about its row maximum (a first pass finds the maximum, a second sums the
 * exponentials; terms more than {@code −SKIP = 50} below the maximum in the exponent, i.e. smaller than
 * {@code e^-50 ≈ 2e-22} relative to the largest, are skipped — below double precision). The row-marginal
 * violation of the plan before the update, {@code Σ_i a_i |exp((f_i^old − f_i^new)/ε) − 1|}, comes from the
 * same pass.
 *
 * <p><b>Truncated kernel</b> (the sparse truncation of Schmitzer, SIAM J. Sci. Comput. 2019, in the form that
 * keeps results exact). At small ε almost every term of a row's log-sum-exp is below {@code e^-50}
 * of the largest. A dense pass keeps, per row, the columns within {@code −KEEP = 100} (in the exponent) of
 * its maximum ({@link TruncatedSupport}); later passes sum over that support only, for as long as the other
 * potential has moved by less than 24.5 ε, which guarantees the skipped terms are exactly those a dense
 * pass would skip: the sparse pass is bitwise identical to the dense one, only faster. The supports hold at
 * most {@code cacheLimit / 2} entries per side.
 *
 * <p><b>Plan and cost</b> ({@link #primalCost}): {@code P_ij = a_i b_j exp((f_i + g_j − C_ij)/ε)},
 * {@code cost = Σ_ij P_ij C_ij}.
 */
final class LogDomainKernel {
    /** Exponents below this (relative to the row maximum) are skipped: e^-50 ≈ 2e-22. */
    static final double SKIP = -50.0;
    /** Columns kept in a truncated support: exponent at least this relative to the row maximum. */
    static final double KEEP = -100.0;

    private final EuclideanCost cost;
    private final RowBlocks blocks;
    private final long cacheLimit;
    private TruncatedSupport supX; // truncated support of the rows of x (over y), or null
    private TruncatedSupport supY; // truncated support of the rows of y (over x), or null
    int denseCount;
    int sparseCount;

    LogDomainKernel(EuclideanCost cost, RowBlocks blocks, long cacheLimit) {
        this.cost = cost;
        this.blocks = blocks;
        this.cacheLimit = cacheLimit;
    }

    /**
     * One half-iteration: new potentials of side A (x if {@code rowsAreX}, else y) from the potential
     * {@code potB} of the other side, written to {@code out}. If {@code old} is given, returns the L1 marginal
     * violation {@code Σ_i a_i |exp((old_i − out_i)/ε) − 1|}.
     *
     * <p>Uses the truncated support of this side when it is still valid for {@code potB}, else a dense pass,
     * which (re)builds the support when it fits the memory budget.
     */
    double softmin(boolean rowsAreX, double[] potB, double[] out, double eps, double[] old) {
        final int nA = rowsAreX ? cost.n : cost.m;
        final int nB = rowsAreX ? cost.m : cost.n;
        final TruncatedSupport sp = rowsAreX ? supX : supY;
        final boolean sparse = sp != null && sp.valid(potB, eps);
        if (sparse) {
            sparseCount++;
        } else {
            denseCount++;
        }
        final boolean collect = !sparse && (sp == null || sp.eps != eps || sp.idx != null);
        final int[][] idx = sparse ? sp.idx : collect ? new int[nA][] : null;
        final double[][] cst = sparse ? sp.cost : collect ? new double[nA][] : null;
        final double inv = 1.0 / eps;
        final double logNB = Math.log(nB);
        final boolean[] overflow = new boolean[RowBlocks.count(nA)];
        final long blockBudget = (cacheLimit / 2) * RowBlocks.BLOCK / nA;
        final double[] blockErr = blocks.run(nA, (lo, hi) -> {
            final double[] c = sparse ? null : cost.rows(rowsAreX, lo, hi);
            final double[] tb = new double[nB];
            final int[] scratch = collect ? new int[nB] : null;
            long used = 0;
            boolean full = !collect;
            double e = 0.0;
            for (int i = lo; i < hi; i++) {
                final double v;
                if (sparse) {
                    v = sparseRow(idx[i], cst[i], potB, tb, eps, inv, logNB);
                } else {
                    final int off = cost.offset(rowsAreX, i, lo);
                    double mx = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < nB; j++) {
                        double t = potB[j] - c[off + j];
                        tb[j] = t;
                        if (t > mx) {
                            mx = t;
                        }
                    }
                    double s = 0.0;
                    int cnt = 0;
                    for (int j = 0; j < nB; j++) {
                        double z = (tb[j] - mx) * inv;
                        if (z >= KEEP) {
                            if (!full) {
                                scratch[cnt++] = j;
                            }
                            if (z >= SKIP) {
                                s += Math.exp(z);
                            }
                        }
                    }
                    if (!full) {
                        used += cnt;
                        if (used > blockBudget) {
                            full = true;
                        } else {
                            int[] id = Arrays.copyOf(scratch, cnt);
                            double[] cc = new double[cnt];
                            for (int l = 0; l < cnt; l++) {
                                cc[l] = c[off + id[l]];
                            }
                            idx[i] = id;
                            cst[i] = cc;
                        }
                    }
                    v = -mx - eps * (Math.log(s) - logNB);
                }
                out[i] = v;
                if (old != null) {
                    e += Math.abs(Math.exp((old[i] - v) * inv) - 1.0);
                }
            }
            overflow[lo / RowBlocks.BLOCK] = collect && full;
            return e;
        });
        if (collect) {
            boolean ok = true;
            for (boolean o : overflow) {
                ok &= !o;
            }
            TruncatedSupport ns = ok ? new TruncatedSupport(idx, cst, potB.clone(), eps)
                    : new TruncatedSupport(null, null, null, eps);
            if (rowsAreX) {
                supX = ns;
            } else {
                supY = ns;
            }
        }
        if (old == null) {
            return Double.NaN;
        }
        double err = 0.0;
        for (double e : blockErr) {
            err += e;
        }
        return err / nA;
    }

    /** Log-sum-exp update of one row over its truncated support (same terms, same order as dense). */
    private static double sparseRow(int[] id, double[] c, double[] potB, double[] tb, double eps, double inv,
                                    double logNB) {
        final int cnt = id.length;
        double mx = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < cnt; l++) {
            double t = potB[id[l]] - c[l];
            tb[l] = t;
            if (t > mx) {
                mx = t;
            }
        }
        double s = 0.0;
        for (int l = 0; l < cnt; l++) {
            double z = (tb[l] - mx) * inv;
            if (z >= SKIP) {
                s += Math.exp(z);
            }
        }
        return -mx - eps * (Math.log(s) - logNB);
    }

    /** {@code Σ_ij a_i b_j exp((f_i + g_j − C_ij)/ε) C_ij}, terms with exponent below {@code SKIP} dropped. */
    double primalCost(double[] f, double[] g, double eps) {
        final int n = cost.n;
        final int m = cost.m;
        final double inv = 1.0 / eps;
        final double[] blockSum = blocks.run(n, (lo, hi) -> {
            final double[] c = cost.rows(true, lo, hi);
            double acc = 0.0;
            for (int i = lo; i < hi; i++) {
                final int off = cost.offset(true, i, lo);
                final double fi = f[i];
                double row = 0.0;
                for (int j = 0; j < m; j++) {
                    double cij = c[off + j];
                    double z = (fi + g[j] - cij) * inv;
                    if (z >= SKIP) {
                        row += Math.exp(z) * cij;
                    }
                }
                acc += row;
            }
            return acc;
        });
        double total = 0.0;
        for (double s : blockSum) {
            total += s;
        }
        return total / ((double) n * m);
    }
}
