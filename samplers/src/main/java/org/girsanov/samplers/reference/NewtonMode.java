package org.girsanov.samplers.reference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.targets.HessianTarget;

/**
 * The mode {@code x* = argmax log ρ} by damped Newton steps (Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
 * §3.4 and §4, Levenberg–Marquardt damping): with {@code g = ∇log ρ(x)}, {@code H = ∇²log ρ(x)},
 * <pre>
 *   (−H + λ I) p = g,      x ← x + α p,
 * </pre>
 * {@code λ = 0} when {@code −H} is positive definite, otherwise increased tenfold from {@code 1e-6·max|H_ii|}
 * until its Cholesky factorisation exists; {@code α} halved from 1 until {@code log ρ} does not decrease
 * (backtracking). Stops when {@code max_j |g_j| ≤ tol}.
 */
public final class NewtonMode {
    private final int maxIterations;
    private final double tolerance;

    /**
     * @param maxIterations at most this many Newton steps (≥ 1)
     * @param tolerance     stop when the largest score component is at most this (&gt; 0)
     */
    public NewtonMode(int maxIterations, double tolerance) {
        if (maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("Newton: need maxIterations >= 1 and tolerance > 0; got " + maxIterations
                    + ", " + tolerance);
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** The mode reached from {@code start}; fails naming the target if the score does not vanish. */
    public double[] find(HessianTarget target, double[] start) {
        int d = target.dimension();
        double[] x = start.clone();
        double f = logDensity(target, x);
        for (int it = 0; it < maxIterations; it++) {
            double[] g = target.score(new DMatrixRMaj(1, d, true, x)).data;
            if (maxAbs(g) <= tolerance) {
                return x;
            }
            double[] p = direction(target.hessian(x), g);
            double alpha = 1;
            double[] next = step(x, p, alpha);
            double fn = logDensity(target, next);
            while (!(fn >= f) && alpha > 1e-12) {
                alpha *= 0.5;
                next = step(x, p, alpha);
                fn = logDensity(target, next);
            }
            if (!(fn >= f)) {
                break;
            }
            x = next;
            f = fn;
        }
        double[] g = target.score(new DMatrixRMaj(1, d, true, x)).data;
        if (maxAbs(g) <= tolerance) {
            return x;
        }
        throw new ArithmeticException("Newton: target " + target.name() + " has no mode found within " + maxIterations
                + " steps (largest score component " + maxAbs(g) + " > " + tolerance + ")");
    }

    /** {@code (−H + λI)⁻¹ g} with the smallest λ of the schedule that makes {@code −H + λI} positive definite. */
    static double[] direction(double[][] h, double[] g) {
        int d = g.length;
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, Math.abs(h[i][i]));
        }
        double lambda = 0;
        for (int attempt = 0; attempt < 40; attempt++) {
            DMatrixRMaj a = new DMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a.set(i, j, -h[i][j] + (i == j ? lambda : 0));
                }
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
            if (chol.decompose(a)) {
                DMatrixRMaj l = chol.getT(null);
                DMatrixRMaj rhs = new DMatrixRMaj(d, 1, true, g);
                DMatrixRMaj y = new DMatrixRMaj(d, 1);
                DMatrixRMaj p = new DMatrixRMaj(d, 1);
                forward(l, rhs, y);
                backward(l, y, p);
                return p.data;
            }
            lambda = lambda == 0 ? Math.max(1e-6 * scale, 1e-12) : 10 * lambda;
        }
        throw new ArithmeticException("Newton: no positive-definite damping of the negative Hessian found");
    }

    /** Solves {@code L y = b} for lower-triangular L. */
    static void forward(DMatrixRMaj l, DMatrixRMaj b, DMatrixRMaj y) {
        int d = l.numRows;
        for (int i = 0; i < d; i++) {
            double s = b.data[i];
            for (int k = 0; k < i; k++) {
                s -= l.get(i, k) * y.data[k];
            }
            y.data[i] = s / l.get(i, i);
        }
    }

    /** Solves {@code Lᵀ x = y} for lower-triangular L. */
    static void backward(DMatrixRMaj l, DMatrixRMaj y, DMatrixRMaj x) {
        int d = l.numRows;
        for (int i = d - 1; i >= 0; i--) {
            double s = y.data[i];
            for (int k = i + 1; k < d; k++) {
                s -= l.get(k, i) * x.data[k];
            }
            x.data[i] = s / l.get(i, i);
        }
    }

    private static double[] step(double[] x, double[] p, double alpha) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] + alpha * p[j];
        }
        return out;
    }

    static double logDensity(HessianTarget t, double[] x) {
        Tape tape = Tape.noGrad();
        return t.logDensity(tape, tape.constant(new DMatrixRMaj(1, x.length, true, x))).value().data[0];
    }

    private static double maxAbs(double[] g) {
        double m = 0;
        for (double v : g) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
