package org.girsanov.samplers.metrics;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * Entropic optimal-transport cost between two sample sets with uniform weights and the Euclidean
 * distance (not squared) as ground cost (Cuturi, "Sinkhorn distances", NeurIPS 2013; the
 * {@code W_γ} metric of Richter &amp; Berner, ICLR 2024, docs/targets-and-metrics.md "sinkhorn"):
 * <pre>
 *   C_ij = ‖x_i − y_j‖₂ ,  a_i = 1/n ,  b_j = 1/m ,
 *   P    = argmin_{P ∈ Π(a,b)}  Σ_ij P_ij C_ij + ε KL(P ‖ a⊗b) ,
 *   cost = Σ_ij P_ij C_ij .
 * </pre>
 * The pieces, one file each: the cost C by blocks, cached or recomputed ({@link EuclideanCost}); the
 * log-domain (stabilised) Sinkhorn half-iteration over a truncated kernel, and the plan's primal cost
 * ({@link LogDomainKernel}, {@link TruncatedSupport}); over-relaxation with an adaptive factor ω
 * ({@link OverRelaxation}); the ε-scaling stages and the convergence checks ({@link EpsilonScaling}); and
 * the fixed row blocks that run in parallel on a {@link ChunkedExecutor} ({@link RowBlocks}). Each row's
 * result depends only on that row and block partial sums are added in block order, so the result is
 * bitwise identical for any number of threads, and with or without the cache.
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

    final double epsilon;
    final double tolerance;
    final double stageTolerance;
    final int maxIterations;
    final double scaling;
    private final int threads;
    private final long cacheLimit;
    final double omega;
    /** ω adapted to the observed rate ({@link OverRelaxation#adapt}) unless {@code girsanov.sinkhorn.fixedOmega}. */
    final boolean adaptive = !Boolean.getBoolean("girsanov.sinkhorn.fixedOmega");

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
        try (ChunkedExecutor executor = new ChunkedExecutor(threads)) {
            RowBlocks blocks = new RowBlocks(executor);
            EuclideanCost cost = new EuclideanCost(x, y, cacheLimit, blocks);
            return EpsilonScaling.solve(this, cost, new LogDomainKernel(cost, blocks, cacheLimit), blocks);
        }
    }
}
