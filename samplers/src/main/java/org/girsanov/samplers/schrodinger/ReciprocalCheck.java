package org.girsanov.samplers.schrodinger;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.sde.TimeGrid;

/**
 * Whether simulated paths on {@code [0, 1]} belong to the <b>reciprocal class</b> of the reference {@code Q}: the
 * processes {@code ∫ Q( · | x0, x1) π(dx0, dx1)}, mixtures of {@code Q}'s pinned process over a coupling {@code π}
 * (Jamison, "Reciprocal processes", Z. Wahrsch. 1974; Léonard, Rœlly &amp; Zambrini, "Reciprocal processes. A
 * measure-theoretical point of view", Probab. Surveys 2014). The Schrödinger bridge is the Markov process of that class
 * with the given marginals, so a learned bridge can be wrong in two separate ways: its coupling {@code π} (the static
 * problem) or its bridges (it has left {@code Q}'s class — the "forgetting" of the reference that error in the
 * half-bridge fits carries over IPF's rounds; Shi, De Bortoli, Campbell &amp; Doucet, "Diffusion Schrödinger bridge
 * matching", NeurIPS 2023, §3). This check sees the second without knowing {@code π}: in the class,
 * {@code E[X_t | X_0, X_1] = A_t X_0 + B_t X_1} exactly and {@code Var(X_t | X_0, X_1) = s_t² I}
 * ({@link OuReference#pinnedStartWeight}, {@link OuReference#pinnedEndWeight}, {@link OuReference#pinnedVariance}),
 * whatever {@code π} is. So at each interior grid time and coordinate {@code j} the least-squares fit of
 * {@code X_{t,j}} on {@code (1, X_{0,j}, X_{1,j})} over the paths must return {@code (0, A_t, B_t)} with residual
 * variance {@code s_t²}, up to Monte Carlo error ({@code O(n^{−1/2})}, relative {@code √(2/n)} for the variance). A
 * process pinned too tightly (residual below {@code s_t²}) is closer to deterministic transport than {@code Q} allows;
 * above, its paths wander more than {@code Q}'s bridges.
 */
public final class ReciprocalCheck {
    private ReciprocalCheck() {
    }

    /**
     * The fit at one time, averaged over the coordinates, beside {@code Q}'s pinned process, with the worst
     * coordinate's error (averages of errors of opposite signs could cancel).
     *
     * @param time {@code t}
     * @param startWeight the fitted weight of {@code X_0} ({@code A_t} in the class)
     * @param endWeight the fitted weight of {@code X_1} ({@code B_t})
     * @param intercept the fitted constant (0 in the class)
     * @param residualVariance the fit's residual variance ({@code s_t²})
     * @param referenceStartWeight {@code A_t}
     * @param referenceEndWeight {@code B_t}
     * @param referenceVariance {@code s_t²}
     * @param worstError the largest over coordinates of {@code max(|Â − A_t|, |B̂ − B_t|, |ĉ|)}
     */
    public record Pinned(double time, double startWeight, double endWeight, double intercept, double residualVariance,
                         double referenceStartWeight, double referenceEndWeight, double referenceVariance,
                         double worstError) {
        /** {@code residual / s_t²}: 1 in the reciprocal class. */
        public double varianceRatio() {
            return residualVariance / referenceVariance;
        }

        /** {@link #worstError}: 0 in the reciprocal class. */
        public double weightError() {
            return worstError;
        }
    }

    /**
     * The fits at the interior times {@code t_1, …, t_{N−1}} of {@code grid} (which must run from 0 to 1).
     *
     * @param reference {@code Q}
     * @param path the states at the grid times, {@code N + 1} matrices of {@code n × d} (row {@code i}: path {@code i}),
     *     as {@link SchrodingerIpf#simulateForward} returns them; {@code n ≥ 8}
     * @param grid the times of {@code path}
     */
    public static List<Pinned> of(OuReference reference, List<DMatrixRMaj> path, TimeGrid grid) {
        int steps = grid.steps();
        if (grid.start() != 0 || grid.end() != 1) {
            throw new IllegalArgumentException("ReciprocalCheck: the grid runs over [" + grid.start() + ", " + grid.end()
                    + "]; the pinned process is on [0, 1]");
        }
        if (path.size() != steps + 1) {
            throw new IllegalArgumentException("ReciprocalCheck: path has " + path.size() + " states; the grid has "
                    + (steps + 1) + " times");
        }
        DMatrixRMaj x0 = path.get(0);
        DMatrixRMaj x1 = path.get(steps);
        int n = x0.numRows;
        int d = x0.numCols;
        if (n < 8) {
            throw new IllegalArgumentException("ReciprocalCheck: " + n + " paths; need at least 8 for the fit");
        }
        for (DMatrixRMaj x : path) {
            if (x.numRows != n || x.numCols != d) {
                throw new IllegalArgumentException("ReciprocalCheck: a state is " + x.numRows + " x " + x.numCols
                        + "; every state must be " + n + " x " + d);
            }
        }
        List<Pinned> out = new ArrayList<>();
        for (int k = 1; k < steps; k++) {
            double t = grid.time(k);
            double refA = reference.pinnedStartWeight(t);
            double refB = reference.pinnedEndWeight(t);
            double a = 0;
            double b = 0;
            double c = 0;
            double r = 0;
            double worst = 0;
            for (int j = 0; j < d; j++) {
                double[] fit = fit(x0, x1, path.get(k), j);
                a += fit[0];
                b += fit[1];
                c += fit[2];
                r += fit[3];
                worst = Math.max(worst, Math.max(Math.abs(fit[2]), Math.max(Math.abs(fit[0] - refA), Math.abs(fit[1] - refB))));
            }
            out.add(new Pinned(t, a / d, b / d, c / d, r / d, refA, refB, reference.pinnedVariance(t), worst));
        }
        return out;
    }

    /** Least squares of column {@code j} of {@code y} on {@code (1, x0_j, x1_j)}: the two slopes, the intercept, the residual variance. */
    private static double[] fit(DMatrixRMaj x0, DMatrixRMaj x1, DMatrixRMaj y, int j) {
        int n = y.numRows;
        int d = y.numCols;
        double m0 = 0;
        double m1 = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            m0 += x0.data[i * d + j];
            m1 += x1.data[i * d + j];
            my += y.data[i * d + j];
        }
        m0 /= n;
        m1 /= n;
        my /= n;
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        double s0y = 0;
        double s1y = 0;
        for (int i = 0; i < n; i++) {
            double u = x0.data[i * d + j] - m0;
            double v = x1.data[i * d + j] - m1;
            double w = y.data[i * d + j] - my;
            s00 += u * u;
            s01 += u * v;
            s11 += v * v;
            s0y += u * w;
            s1y += v * w;
        }
        double det = s00 * s11 - s01 * s01;
        if (!(det > 1e-12 * s00 * s11)) {
            throw new IllegalArgumentException("ReciprocalCheck: X_0 and X_1 are (nearly) collinear in coordinate " + j
                    + "; the fit needs end points that vary apart");
        }
        double a = (s11 * s0y - s01 * s1y) / det;
        double b = (s00 * s1y - s01 * s0y) / det;
        double intercept = my - a * m0 - b * m1;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double e = y.data[i * d + j] - intercept - a * x0.data[i * d + j] - b * x1.data[i * d + j];
            ss += e * e;
        }
        return new double[] {a, b, intercept, ss / (n - 3)};
    }
}
