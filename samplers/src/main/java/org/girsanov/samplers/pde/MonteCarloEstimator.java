package org.girsanov.samplers.pde;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * The plain Monte Carlo point estimate of the Feynman–Kac formula (docs/math.md §8):
 * <pre>  û(x, 0) = (1/m) Σ_{i=1}^m φ(X̂_N^{x,(i)}),</pre>
 * {@code X̂} the Euler–Maruyama scheme with {@code N} steps. Its mean squared error is
 * {@code Var(φ(X_T^x))/m + O(Δt²)} (weak order 1: Kloeden &amp; Platen 1992, Thm 14.5.1), i.e. {@code O(1/m + Δt)} for
 * the root — the baseline the learned solvers are compared with. It gives {@code u} at given points only.
 */
public final class MonteCarloEstimator {
    private final KolmogorovProblem problem;
    private final int steps;

    /** @param steps Euler–Maruyama steps over {@code [0, T]}, {@code ≥ 1} */
    public MonteCarloEstimator(KolmogorovProblem problem, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("MonteCarloEstimator: steps = " + steps + "; must be >= 1");
        }
        this.problem = problem;
        this.steps = steps;
    }

    /** The estimate at one point with its standard error. */
    public record Estimate(double mean, double standardError) {
    }

    /** {@code û(x, 0)} from {@code paths} paths, simulated in batches of at most {@code 4096}. */
    public Estimate at(double[] x, int paths, UniformRandomProvider rng) {
        if (x.length != problem.dimension()) {
            throw new IllegalArgumentException("MonteCarloEstimator: point of dimension " + x.length + "; the problem has d = "
                    + problem.dimension());
        }
        if (paths < 2) {
            throw new IllegalArgumentException("MonteCarloEstimator: paths = " + paths + "; must be >= 2");
        }
        double sum = 0;
        double sumSq = 0;
        for (int done = 0; done < paths; ) {
            int rows = Math.min(4096, paths - done);
            DMatrixRMaj x0 = new DMatrixRMaj(rows, x.length);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(x, 0, x0.data, i * x.length, x.length);
            }
            KolmogorovPaths p = KolmogorovPaths.simulate(problem.kernel(steps), x0, rng, false);
            for (double v : KolmogorovProblems.terminalValues(problem, p.terminal())) {
                sum += v;
                sumSq += v * v;
            }
            done += rows;
        }
        double mean = sum / paths;
        double var = Math.max(0, (sumSq - paths * mean * mean) / (paths - 1));
        return new Estimate(mean, Math.sqrt(var / paths));
    }

    /** {@code û(x_i, 0)} at every row of {@code points}. */
    public double[] at(DMatrixRMaj points, int paths, UniformRandomProvider rng) {
        double[] u = new double[points.numRows];
        double[] row = new double[points.numCols];
        for (int i = 0; i < u.length; i++) {
            System.arraycopy(points.data, i * points.numCols, row, 0, row.length);
            u[i] = at(row, paths, rng).mean();
        }
        return u;
    }
}
