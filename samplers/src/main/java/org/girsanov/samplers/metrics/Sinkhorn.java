package org.girsanov.samplers.metrics;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;
import org.ejml.data.DMatrixRMaj;

/**
 * Entropic optimal-transport cost between two sample sets with uniform weights and the Euclidean
 * distance (not squared) as ground cost (Cuturi, "Sinkhorn distances", NeurIPS 2013; the
 * {@code W_γ} metric of Richter &amp; Berner, ICLR 2024, docs/targets-and-metrics.md "sinkhorn"):
 * <pre>
 *   C_ij = ‖x_i − y_j‖₂ ,  a_i = 1/n ,  b_j = 1/m ,
 *   P    = argmin_{P ∈ Π(a,b)}  Σ_ij P_ij C_ij + ε KL(P ‖ a⊗b) ,
 *   cost = Σ_ij P_ij C_ij .
 * </pre>
 * <b>Log-domain (stabilised) Sinkhorn.</b> With dual potentials f, g the plan is
 * {@code P_ij = a_i b_j exp((f_i + g_j − C_ij)/ε)} and one iteration is
 * <pre>
 *   g_j ← −ε log Σ_i a_i exp((f_i − C_ij)/ε)     (column marginal now exact)
 *   f_i ← −ε log Σ_j b_j exp((g_j − C_ij)/ε)
 * </pre>
 * each log-sum-exp taken about its row maximum (a first pass finds the maximum, a second sums the
 * exponentials; terms more than 50 below the maximum in the exponent, i.e. smaller than
 * {@code e^-50 ≈ 2e-22} relative to the largest, are skipped — below double precision).
 * The row-marginal violation of the plan before the f update is obtained from the same pass,
 * {@code Σ_i a_i |exp((f_i^old − f_i^new)/ε) − 1|}, and is the stopping criterion.
 *
 * <p><b>Over-relaxation</b> (Thibault, Chizat, Dossal, Papadakis, "Overrelaxed Sinkhorn–Knopp
 * algorithm for regularized optimal transport", 2017/2021): each update is applied as
 * {@code p ← (1 − ω) p + ω p̂}, 1 ≤ ω &lt; 2, which speeds up the slow final stage by an order of
 * magnitude. Since ω &gt; 1 is only locally convergent, the error of the plan is checked every
 * {@value #CHECK_EVERY} iterations (and every iteration once a cheap indicator is near the
 * tolerance); if it has not decreased since the previous check, ω − 1 is multiplied by
 * {@value #OMEGA_BACKOFF}. The convergence test is always on an unrelaxed plan
 * {@code (f, ĝ = T_g(f))}, whose column marginal is exact.
 *
 * <p><b>Truncated kernel.</b> At small ε almost every term of a row's log-sum-exp is below
 * {@code e^-50} of the largest. After a dense pass, each row keeps the columns within 100 ε (in the
 * exponent) of its maximum; later passes sum over that support only, for as long as the other
 * potential has moved by less than 24.5 ε, which guarantees the skipped terms are exactly those a
 * dense pass would skip: the sparse pass is bitwise identical to the dense one, only faster.
 *
 * <p><b>ε-scaling.</b> Iterations start at {@code ε₀ = D}, an upper bound on the largest cost
 * ({@code D = max_i ‖x_i − c‖ + max_j ‖y_j − c‖}, c the mean of x), and ε is multiplied by
 * {@code scaling} per stage until it reaches the target ε; the potentials carry over between stages.
 * Each stage iterates until the marginal violation is below its tolerance ({@code stageTolerance}
 * for the intermediate stages, {@code tolerance} at the target ε), all stages sharing one
 * iteration cap. The reported cost is the primal cost of the plan with the final potentials
 * {@code (f, ĝ = T_g(f))}, so that the reported marginal error is that plan's. The truncated supports
 * (below) hold at most {@code cacheLimit / 2} entries per side.
 *
 * <p><b>Memory and parallelism.</b> No n×m matrix is held unless {@code 2·n·m ≤ cacheLimit} (then C
 * and Cᵀ are cached): distances are recomputed row by row from coordinate-major copies of the
 * samples. Rows are cut into fixed blocks of {@value #BLOCK} processed on a {@link ForkJoinPool};
 * each row's result depends only on that row, and block partial sums are added in block order,
 * so the result is bitwise identical for any number of threads, and with or without the cache.
 *
 * <p>Instances are immutable; configure with the {@code with…} methods.
 */
public final class Sinkhorn {
    /** Default target regularisation ε. */
    public static final double DEFAULT_EPSILON = 1e-3;
    /** Default L1 tolerance on the marginal violation at the target ε. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** Default L1 tolerance on the marginal violation at the intermediate ε-scaling stages. */
    public static final double DEFAULT_STAGE_TOLERANCE = 1e-2;
    /** Default cap on the total number of iterations over all stages. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;
    /** Default factor by which ε shrinks per stage. */
    public static final double DEFAULT_SCALING = 0.3;
    /** Default cap on the number of cached cost entries (C and Cᵀ together): 64 MB, n = m ≈ 2000. */
    public static final long DEFAULT_CACHE_LIMIT = 8_000_000L;

    /** Default over-relaxation factor ω. */
    public static final double DEFAULT_OVER_RELAXATION = 1.5;

    /** Rows per parallel block (fixed: the result must not depend on the thread count). */
    static final int BLOCK = 32;
    /** Columns per cache tile of the blockwise distance computation. */
    private static final int TILE = 256;
    /** Factor applied to ω − 1 when the marginal error has not decreased over a check window. */
    private static final double OMEGA_BACKOFF = 0.75;
    /** Full convergence check (and ω update) every this many iterations of a stage. */
    private static final int CHECK_EVERY = 10;
    /** Largest over-relaxation factor the adaptation may reach. */
    private static final double OMEGA_MAX = 1.995;
    /** Exponents below this (relative to the row maximum) are skipped: e^-50 ≈ 2e-22. */
    private static final double SKIP = -50.0;
    /** Columns kept in a truncated support: exponent at least this relative to the row maximum. */
    private static final double KEEP = -100.0;

    /** Per-stage trace on stderr when the system property {@code girsanov.sinkhorn.trace} is set. */
    private static final boolean TRACE = Boolean.getBoolean("girsanov.sinkhorn.trace");

    private final double epsilon;
    private final double tolerance;
    private final double stageTolerance;
    private final int maxIterations;
    private final double scaling;
    private final int threads;
    private final long cacheLimit;
    private final double omega;
    private final boolean adaptive = !Boolean.getBoolean("girsanov.sinkhorn.fixedOmega");

    /** Defaults: ε = 1e-3, tolerance 1e-4, stage tolerance 1e-2, scaling 0.3, adaptive ω from 1.5, all processors. */
    public Sinkhorn() {
        this(DEFAULT_EPSILON, DEFAULT_TOLERANCE, DEFAULT_STAGE_TOLERANCE, DEFAULT_MAX_ITERATIONS,
                DEFAULT_SCALING, Runtime.getRuntime().availableProcessors(), DEFAULT_CACHE_LIMIT,
                DEFAULT_OVER_RELAXATION);
    }

    private Sinkhorn(double epsilon, double tolerance, double stageTolerance, int maxIterations,
                     double scaling, int threads, long cacheLimit, double omega) {
        Checks.positiveFinite(epsilon, "epsilon");
        Checks.positiveFinite(tolerance, "tolerance");
        Checks.positiveFinite(stageTolerance, "stageTolerance");
        Checks.positive(maxIterations, "maxIterations");
        if (!(scaling > 0 && scaling < 1)) {
            throw new IllegalArgumentException("scaling = " + scaling + "; allowed: 0 < scaling < 1");
        }
        Checks.positive(threads, "threads");
        if (cacheLimit < 0) {
            throw new IllegalArgumentException("cacheLimit = " + cacheLimit + "; allowed: >= 0");
        }
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.stageTolerance = stageTolerance;
        this.maxIterations = maxIterations;
        this.scaling = scaling;
        this.threads = threads;
        this.cacheLimit = cacheLimit;
        if (!(omega >= 1 && omega < 2)) {
            throw new IllegalArgumentException("omega = " + omega + "; allowed: 1 <= omega < 2");
        }
        this.omega = omega;
    }

    /** Target regularisation ε (finite, &gt; 0). */
    public Sinkhorn withEpsilon(double epsilon) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** L1 tolerance on the marginal violation at the target ε (finite, &gt; 0). */
    public Sinkhorn withTolerance(double tolerance) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** L1 tolerance on the marginal violation at intermediate stages (finite, &gt; 0). */
    public Sinkhorn withStageTolerance(double stageTolerance) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** Cap on the total number of iterations (≥ 1). */
    public Sinkhorn withMaxIterations(int maxIterations) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** Factor by which ε shrinks per stage (0 &lt; scaling &lt; 1). */
    public Sinkhorn withScaling(double scaling) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** Number of worker threads (≥ 1); does not change the result, bit for bit. */
    public Sinkhorn withThreads(int threads) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /**
     * Over-relaxation factor ω of the potential updates, {@code 1 ≤ ω < 2} (1 = plain Sinkhorn).
     * Changes the path to the fixed point (and so the result within the tolerance), not the fixed point.
     */
    public Sinkhorn withOverRelaxation(double omega) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** Maximum number of cost entries to cache (≥ 0; 0 disables the cache). Does not change the result. */
    public Sinkhorn withCacheLimit(long cacheLimit) {
        return new Sinkhorn(epsilon, tolerance, stageTolerance, maxIterations, scaling, threads, cacheLimit, omega);
    }

    /** Entropic OT cost with the default settings. */
    public static SinkhornResult cost(DMatrixRMaj x, DMatrixRMaj y) {
        return new Sinkhorn().compute(x, y);
    }

    /**
     * Entropic OT cost between the rows of {@code x} and the rows of {@code y}.
     *
     * @param x first sample set (e.g. model samples), n ≥ 1 rows, d ≥ 1 columns, finite
     * @param y second sample set (e.g. exact samples), m ≥ 1 rows, the same d columns, finite
     */
    public SinkhornResult compute(DMatrixRMaj x, DMatrixRMaj y) {
        Checks.samples(x, "x", 1);
        Checks.samples(y, "y", 1);
        Checks.sameCols(x, "x", y, "y");
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            return new Run(x, y, pool).solve();
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /** State of one computation. */
    private final class Run {
        final int n;
        final int m;
        final int d;
        final double[] xs; // row-major n×d
        final double[] ys; // row-major m×d
        final double[] xt; // coordinate-major d×n
        final double[] yt; // coordinate-major d×m
        final double[] cxy; // cached C (n×m) or null
        final double[] cyx; // cached Cᵀ (m×n) or null
        final ForkJoinPool pool;
        Support supX; // truncated support of the rows of x (over y), or null
        Support supY; // truncated support of the rows of y (over x), or null
        int denseCount;
        int sparseCount;

        Run(DMatrixRMaj x, DMatrixRMaj y, ForkJoinPool pool) {
            this.n = x.numRows;
            this.m = y.numRows;
            this.d = x.numCols;
            this.pool = pool;
            this.xs = Arrays.copyOf(x.data, n * d);
            this.ys = Arrays.copyOf(y.data, m * d);
            this.xt = transpose(xs, n, d);
            this.yt = transpose(ys, m, d);
            if (2L * n * m <= cacheLimit) {
                cxy = new double[n * m];
                cyx = new double[m * n];
                forBlocks(n, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        distances(xs, i, yt, m, cxy, i * m);
                    }
                });
                forBlocks(m, (lo, hi) -> {
                    for (int j = lo; j < hi; j++) {
                        distances(ys, j, xt, n, cyx, j * n);
                    }
                });
            } else {
                cxy = null;
                cyx = null;
            }
        }

        SinkhornResult solve() {
            double eps = Math.max(Math.min(diameterBound(), costSpread()), epsilon);
            final double[] f = new double[n];
            final double[] g = new double[m];
            final double[] gHat = new double[m];
            final double[] fHat = new double[n];
            int it = 0;
            double err = Double.POSITIVE_INFINITY;
            boolean converged = false;
            double w = omega;
            final long t0 = System.nanoTime();
            while (true) {
                final boolean last = eps <= epsilon;
                final double tol = last ? tolerance : stageTolerance;
                boolean stageDone = false;
                int stageIt = 0;
                int nextCheck = 0;
                int refIt = -1;
                double refErr = Double.POSITIVE_INFINITY;
                double ratio = Double.NaN; // err / indicator at the last check
                double indicator = Double.POSITIVE_INFINITY;
                while (it < maxIterations) {
                    softmin(false, f, gHat, eps, null);                 // gHat = T_g(f)
                    final boolean scheduled = stageIt >= nextCheck;
                    boolean checked = false;
                    if (scheduled || indicator * ratio < tol) {
                        checked = true;
                        err = softmin(true, gHat, fHat, eps, f);         // error of plan (f, gHat)
                        if (err < tol) {
                            stageDone = true;
                            break;
                        }
                        ratio = err / indicator;
                        if (scheduled) {
                            if (refIt >= 0 && adaptive) {
                                w = adapt(w, refErr, err, stageIt - refIt);
                            }
                            refIt = stageIt;
                            refErr = err;
                            nextCheck = stageIt + CHECK_EVERY;
                        }
                    }
                    if (checked && stageIt == 0) {
                        // first step of a stage is unrelaxed, so the check pass already gave
                        // fHat = T_f(gHat) (doing this at every check breaks the SOR rate: 8× more iterations)
                        System.arraycopy(gHat, 0, g, 0, m);
                        indicator = err;
                    } else {
                        relax(g, gHat, stageIt == 0 ? 1.0 : w);
                        indicator = softmin(true, g, fHat, eps, f);     // fHat = T_f(g)
                    }
                    relax(f, fHat, w);
                    it++;
                    stageIt++;
                }
                if (TRACE) {
                    System.err.printf("sinkhorn eps=%.3e stageIt=%d it=%d err=%.3e w=%.4f dense=%d sparse=%d t=%.1fs%n",
                            eps, stageIt, it, err, w, denseCount, sparseCount, (System.nanoTime() - t0) * 1e-9);
                }
                if (last) {
                    converged = stageDone;
                    break;
                }
                if (!stageDone) {
                    break; // cap reached in an intermediate stage
                }
                System.arraycopy(gHat, 0, g, 0, m);
                // no extra stage within a factor √scaling of the target
                eps = eps * scaling < epsilon / Math.sqrt(scaling) ? epsilon : eps * scaling;
            }
            if (!converged) {
                // report the plan (f, T_g(f)) at the target ε even when stopped early
                softmin(false, f, gHat, epsilon, null);
                err = softmin(true, gHat, fHat, epsilon, f);
            }
            return new SinkhornResult(primalCost(f, gHat, epsilon), it, err, converged, n, epsilon);
        }

        /**
         * New ω from the marginal error going from {@code e0} to {@code e1} over {@code span}
         * iterations. The two-block (consistently ordered) linearisation of Sinkhorn obeys Young's SOR
         * relation {@code (μ + ω − 1)² = ω² η μ} between the rate μ at ω and the rate η of plain
         * Sinkhorn; the optimal factor is {@code ω* = 2/(1 + √(1 − η))}, with rate ω* − 1 (Lehmann,
         * von Renesse, Sambale, Uschmajew 2021). If μ exceeds ω − 1 (real dominant root: ω below ω*),
         * η is solved for and ω raised to ω* (capped at {@value #OMEGA_MAX}); if the error did not
         * decrease, ω − 1 is damped by {@value #OMEGA_BACKOFF} (ω &gt; 1 is only locally convergent).
         */
        double adapt(double w, double e0, double e1, int span) {
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
        void relax(double[] p, double[] pHat, double w) {
            if (w == 1.0) {
                System.arraycopy(pHat, 0, p, 0, p.length);
                return;
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = (1 - w) * p[i] + w * pHat[i];
            }
        }

        /**
         * One half-iteration: new potentials of side A (x if {@code rowsAreX}, else y) from the
         * potential {@code potB} of the other side, written to {@code out}. If {@code old} is given,
         * returns the L1 marginal violation {@code Σ_i a_i |exp((old_i − out_i)/ε) − 1|}.
         *
         * <p>Uses the truncated support of this side when it is still valid for {@code potB}, else a
         * dense pass, which (re)builds the support when it fits the memory budget.
         */
        double softmin(boolean rowsAreX, double[] potB, double[] out, double eps, double[] old) {
            final int nA = rowsAreX ? n : m;
            final int nB = rowsAreX ? m : n;
            final Support sp = rowsAreX ? supX : supY;
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
            final int nBlocks = (nA + BLOCK - 1) / BLOCK;
            final double[] blockErr = new double[nBlocks];
            final boolean[] overflow = new boolean[nBlocks];
            final long blockBudget = (cacheLimit / 2) * BLOCK / nA;
            final boolean cached = rowsAreX ? cxy != null : cyx != null;
            forBlocks(nA, (lo, hi) -> {
                final double[] buf = sparse || cached ? null : new double[(hi - lo) * nB];
                if (buf != null) {
                    distanceBlock(rowsAreX ? xs : ys, lo, hi, rowsAreX ? yt : xt, nB, buf);
                }
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
                        final double[] c;
                        final int off;
                        if (cached) {
                            c = rowsAreX ? cxy : cyx;
                            off = i * nB;
                        } else {
                            c = buf;
                            off = (i - lo) * nB;
                        }
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
                blockErr[lo / BLOCK] = e;
                overflow[lo / BLOCK] = collect && full;
            });
            if (collect) {
                boolean ok = true;
                for (boolean o : overflow) {
                    ok &= !o;
                }
                Support ns = ok ? new Support(idx, cst, potB.clone(), eps) : new Support(null, null, null, eps);
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
        private double sparseRow(int[] id, double[] c, double[] potB, double[] tb, double eps, double inv,
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

        /** {@code Σ_ij a_i b_j exp((f_i + g_j − C_ij)/ε) C_ij}, terms with exponent below −50 dropped. */
        double primalCost(double[] f, double[] g, double eps) {
            final double inv = 1.0 / eps;
            final int nBlocks = (n + BLOCK - 1) / BLOCK;
            final double[] blockSum = new double[nBlocks];
            forBlocks(n, (lo, hi) -> {
                final double[] buf = cxy != null ? null : new double[(hi - lo) * m];
                if (buf != null) {
                    distanceBlock(xs, lo, hi, yt, m, buf);
                }
                double acc = 0.0;
                for (int i = lo; i < hi; i++) {
                    final double[] c = cxy != null ? cxy : buf;
                    final int off = cxy != null ? i * m : (i - lo) * m;
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
                blockSum[lo / BLOCK] = acc;
            });
            double total = 0.0;
            for (double s : blockSum) {
                total += s;
            }
            return total / ((double) n * m);
        }

        /**
         * {@code max_i (max_j C_ij − min_j C_ij)}: for ε above it every row of the kernel varies by at
         * most a factor e, Sinkhorn converges in a few iterations, and larger starting ε are wasted.
         */
        double costSpread() {
            final int nBlocks = (n + BLOCK - 1) / BLOCK;
            final double[] blockMax = new double[nBlocks];
            forBlocks(n, (lo, hi) -> {
                final double[] buf = cxy != null ? null : new double[(hi - lo) * m];
                if (buf != null) {
                    distanceBlock(xs, lo, hi, yt, m, buf);
                }
                double r = 0.0;
                for (int i = lo; i < hi; i++) {
                    final double[] c = cxy != null ? cxy : buf;
                    final int off = cxy != null ? i * m : (i - lo) * m;
                    double mn = Double.POSITIVE_INFINITY;
                    double mx = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < m; j++) {
                        mn = Math.min(mn, c[off + j]);
                        mx = Math.max(mx, c[off + j]);
                    }
                    r = Math.max(r, mx - mn);
                }
                blockMax[lo / BLOCK] = r;
            });
            double r = 0.0;
            for (double v : blockMax) {
                r = Math.max(r, v);
            }
            return r;
        }

        /** {@code max_i ‖x_i − c‖ + max_j ‖y_j − c‖ ≥ max_ij ‖x_i − y_j‖}, c = mean of x. */
        double diameterBound() {
            double[] c = new double[d];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    c[k] += xs[i * d + k];
                }
            }
            for (int k = 0; k < d; k++) {
                c[k] /= n;
            }
            return maxDist(xs, n, c) + maxDist(ys, m, c);
        }

        double maxDist(double[] p, int rows, double[] c) {
            double mx = 0.0;
            for (int i = 0; i < rows; i++) {
                double s = 0.0;
                for (int k = 0; k < d; k++) {
                    double r = p[i * d + k] - c[k];
                    s += r * r;
                }
                mx = Math.max(mx, Math.sqrt(s));
            }
            return mx * (1 + 1e-12);
        }

        /**
         * {@code out[off + j] = ‖a_i − b_j‖} for all j, from row-major {@code a} and coordinate-major
         * {@code bt}; squares summed over coordinates in order k = 0..d−1 (so C(x_i, y_j) and
         * C(y_j, x_i) are bitwise equal).
         */
        void distances(double[] a, int i, double[] bt, int nB, double[] out, int off) {
            final int base = i * d;
            {
                final double ak = a[base];
                for (int j = 0; j < nB; j++) {
                    double r = ak - bt[j];
                    out[off + j] = r * r;
                }
            }
            for (int k = 1; k < d; k++) {
                final double ak = a[base + k];
                final int o = k * nB;
                for (int j = 0; j < nB; j++) {
                    double r = ak - bt[o + j];
                    out[off + j] += r * r;
                }
            }
            for (int j = 0; j < nB; j++) {
                out[off + j] = Math.sqrt(out[off + j]);
            }
        }

        /**
         * {@link #distances} for rows {@code lo..hi−1} into {@code out} ((hi−lo)×nB), in column tiles of
         * {@value #TILE} so that a tile of {@code bt} stays in cache across the rows of the block (the
         * whole {@code bt} is 2 MB at n = 5000, d = 50). Each entry is summed in the same order as by
         * {@link #distances}: bitwise the same values.
         */
        void distanceBlock(double[] a, int lo, int hi, double[] bt, int nB, double[] out) {
            for (int j0 = 0; j0 < nB; j0 += TILE) {
                final int j1 = Math.min(nB, j0 + TILE);
                for (int i = lo; i < hi; i++) {
                    final int base = i * d;
                    final int off = (i - lo) * nB;
                    {
                        final double ak = a[base];
                        for (int j = j0; j < j1; j++) {
                            double r = ak - bt[j];
                            out[off + j] = r * r;
                        }
                    }
                    for (int k = 1; k < d; k++) {
                        final double ak = a[base + k];
                        final int o = k * nB;
                        for (int j = j0; j < j1; j++) {
                            double r = ak - bt[o + j];
                            out[off + j] += r * r;
                        }
                    }
                    for (int j = j0; j < j1; j++) {
                        out[off + j] = Math.sqrt(out[off + j]);
                    }
                }
            }
        }

        /** Runs {@code body(lo, hi)} on the fixed blocks [lo, hi) of {@code rows} rows. */
        void forBlocks(int rows, BlockBody body) {
            final int nBlocks = (rows + BLOCK - 1) / BLOCK;
            IntConsumer one = b -> body.run(b * BLOCK, Math.min(rows, (b + 1) * BLOCK));
            if (pool == null || nBlocks == 1) {
                for (int b = 0; b < nBlocks; b++) {
                    one.accept(b);
                }
            } else {
                pool.invoke(new Blocks(one, 0, nBlocks));
            }
        }
    }

    /**
     * Truncated kernel support of one side: for each row i the columns j (ascending) with
     * {@code (t_j − max_j t_j)/ε ≥ KEEP}, {@code t_j = pot_j − C_ij}, at the reference potential
     * {@code ref}, with their costs. If the other side's potential has since moved by
     * {@code δ = max_j |pot_j − ref_j|} with {@code 2δ ≤ (SKIP − KEEP − 1) ε}, every column outside
     * the support still has exponent below {@code SKIP} relative to the (unchanged-argmax) row maximum:
     * a dense pass would skip exactly the same terms, so the sparse pass is bitwise identical to it.
     * {@code idx == null} records that the support did not fit the budget at this ε.
     */
    private static final class Support {
        final int[][] idx;
        final double[][] cost;
        final double[] ref;
        final double eps;

        Support(int[][] idx, double[][] cost, double[] ref, double eps) {
            this.idx = idx;
            this.cost = cost;
            this.ref = ref;
            this.eps = eps;
        }

        boolean valid(double[] pot, double e) {
            if (idx == null || e != eps) {
                return false;
            }
            double delta = 0.0;
            for (int j = 0; j < pot.length; j++) {
                delta = Math.max(delta, Math.abs(pot[j] - ref[j]));
            }
            return 2 * delta <= (SKIP - KEEP - 1) * eps;
        }
    }

    @FunctionalInterface
    private interface BlockBody {
        void run(int lo, int hi);
    }

    /** Recursive split of a block range; leaves run one block each. */
    private static final class Blocks extends RecursiveAction {
        private final transient IntConsumer body;
        private final int lo;
        private final int hi;

        Blocks(IntConsumer body, int lo, int hi) {
            this.body = body;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.accept(lo);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Blocks(body, lo, mid), new Blocks(body, mid, hi));
        }
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                t[k * rows + i] = a[i * cols + k];
            }
        }
        return t;
    }
}
