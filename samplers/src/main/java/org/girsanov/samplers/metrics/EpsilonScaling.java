package org.girsanov.samplers.metrics;

/**
 * The outer loop of {@link Sinkhorn}: ε-scaling stages of over-relaxed log-domain iterations, each run
 * to its tolerance (ε-scaling as in Schmitzer, "Stabilized sparse scaling algorithms for entropy
 * regularized transport problems", SIAM J. Sci. Comput. 2019).
 *
 * <p>Iterations start at {@code ε₀ = min(D, spread)}, {@code D} an upper bound on the largest cost
 * ({@link EuclideanCost#diameterBound}) and spread the largest range of a row of C
 * ({@link EuclideanCost#spread}), and ε is multiplied by {@code scaling} per stage until it reaches the target
 * ε (no extra stage within a factor √scaling of the target); the potentials carry over between stages.
 * Each stage iterates until the marginal violation is below its tolerance ({@code stageTolerance} for the
 * intermediate stages, {@code tolerance} at the target ε), all stages sharing one iteration cap.
 *
 * <p>One iteration updates g then f ({@link LogDomainKernel#softmin}), each over-relaxed
 * ({@link OverRelaxation}); the first iteration of a stage is unrelaxed. The convergence test is always on an
 * unrelaxed plan {@code (f, ĝ = T_g(f))}, whose column marginal is exact: it runs every
 * {@value OverRelaxation#CHECK_EVERY} iterations (where ω is adapted), and every iteration once a cheap
 * indicator, the violation seen by the f update, scaled by the last error-to-indicator ratio, is below the
 * tolerance. The reported cost is the primal cost of the plan with the final potentials {@code (f, ĝ)}, so
 * that the reported marginal error is that plan's.
 */
final class EpsilonScaling {
    /** Per-stage trace on stderr when the system property {@code girsanov.sinkhorn.trace} is set. */
    private static final boolean TRACE = Boolean.getBoolean("girsanov.sinkhorn.trace");

    private EpsilonScaling() {
    }

    static SinkhornResult solve(Sinkhorn s, EuclideanCost cost, LogDomainKernel kernel, RowBlocks blocks) {
        final int n = cost.n;
        final int m = cost.m;
        final double epsilon = s.epsilon;
        double eps = Math.max(Math.min(cost.diameterBound(), cost.spread(blocks)), epsilon);
        final double[] f = new double[n];
        final double[] g = new double[m];
        final double[] gHat = new double[m];
        final double[] fHat = new double[n];
        int it = 0;
        double err = Double.POSITIVE_INFINITY;
        boolean converged = false;
        double w = s.omega;
        final long t0 = System.nanoTime();
        while (true) {
            final boolean last = eps <= epsilon;
            final double tol = last ? s.tolerance : s.stageTolerance;
            boolean stageDone = false;
            int stageIt = 0;
            int nextCheck = 0;
            int refIt = -1;
            double refErr = Double.POSITIVE_INFINITY;
            double ratio = Double.NaN; // err / indicator at the last check
            double indicator = Double.POSITIVE_INFINITY;
            while (it < s.maxIterations) {
                kernel.softmin(false, f, gHat, eps, null);                 // gHat = T_g(f)
                final boolean scheduled = stageIt >= nextCheck;
                boolean checked = false;
                if (scheduled || indicator * ratio < tol) {
                    checked = true;
                    err = kernel.softmin(true, gHat, fHat, eps, f);         // error of plan (f, gHat)
                    if (err < tol) {
                        stageDone = true;
                        break;
                    }
                    ratio = err / indicator;
                    if (scheduled) {
                        if (refIt >= 0 && s.adaptive) {
                            w = OverRelaxation.adapt(w, refErr, err, stageIt - refIt);
                        }
                        refIt = stageIt;
                        refErr = err;
                        nextCheck = stageIt + OverRelaxation.CHECK_EVERY;
                    }
                }
                if (checked && stageIt == 0) {
                    // first step of a stage is unrelaxed, so the check pass already gave
                    // fHat = T_f(gHat) (doing this at every check breaks the SOR rate: 8× more iterations)
                    System.arraycopy(gHat, 0, g, 0, m);
                    indicator = err;
                } else {
                    OverRelaxation.relax(g, gHat, stageIt == 0 ? 1.0 : w);
                    indicator = kernel.softmin(true, g, fHat, eps, f);     // fHat = T_f(g)
                }
                OverRelaxation.relax(f, fHat, w);
                it++;
                stageIt++;
            }
            if (TRACE) {
                System.err.printf("sinkhorn eps=%.3e stageIt=%d it=%d err=%.3e w=%.4f dense=%d sparse=%d t=%.1fs%n",
                        eps, stageIt, it, err, w, kernel.denseCount, kernel.sparseCount,
                        (System.nanoTime() - t0) * 1e-9);
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
            eps = eps * s.scaling < epsilon / Math.sqrt(s.scaling) ? epsilon : eps * s.scaling;
        }
        if (!converged) {
            // report the plan (f, T_g(f)) at the target ε even when stopped early
            kernel.softmin(false, f, gHat, epsilon, null);
            err = kernel.softmin(true, gHat, fHat, epsilon, f);
        }
        return new SinkhornResult(kernel.primalCost(f, gHat, epsilon), it, err, converged, n, epsilon);
    }
}
