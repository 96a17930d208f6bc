package org.girsanov.samplers.reference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.girsanov.samplers.targets.HessianTarget;

/**
 * The Laplace approximation of a target around its mode {@code x*} (Tierney &amp; Kadane, "Accurate
 * approximations for posterior moments and marginal densities", JASA 81, 1986): with the precision
 * {@code P = −∇²log ρ(x*) = R Rᵀ} (Cholesky, R lower triangular),
 * <pre>
 *   p_target ≈ N(x*, P⁻¹),       x = x* + R⁻ᵀ ξ  for ξ ~ N(0, I),
 *   log Z ≈ log ρ(x*) + (d/2) log 2π − ½ log det P,        ½ log det P = Σ_i log R_ii.
 * </pre>
 * The covariance factor {@code C = R⁻ᵀ} ({@code P⁻¹ = C Cᵀ}, upper triangular) maps standard coordinates to the
 * target's, for importance proposals and whitened chains.
 */
public final class LaplaceApproximation {
    private final double[] mode;
    private final DMatrixRMaj precisionFactor;
    private final double logDensityAtMode;
    private final double halfLogDetPrecision;

    private LaplaceApproximation(double[] mode, DMatrixRMaj precisionFactor, double logDensityAtMode) {
        this.mode = mode;
        this.precisionFactor = precisionFactor;
        this.logDensityAtMode = logDensityAtMode;
        double h = 0;
        for (int i = 0; i < mode.length; i++) {
            h += Math.log(precisionFactor.get(i, i));
        }
        this.halfLogDetPrecision = h;
    }

    /** Newton's method from {@code start}, then the Hessian at the mode. */
    public static LaplaceApproximation at(HessianTarget target, double[] start) {
        double[] mode = new NewtonMode(200, 1e-9).find(target, start);
        double[][] h = target.hessian(mode);
        int d = mode.length;
        DMatrixRMaj p = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p.set(i, j, -h[i][j]);
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        if (!chol.decompose(p)) {
            throw new ArithmeticException("Laplace: the negative Hessian of " + target.name() + " at its mode is not positive definite");
        }
        return new LaplaceApproximation(mode, chol.getT(null), NewtonMode.logDensity(target, mode));
    }

    public double[] mode() {
        return mode.clone();
    }

    public int dimension() {
        return mode.length;
    }

    /** {@code log ρ(x*) + (d/2) log 2π − ½ log det P}. */
    public double logZ() {
        return logDensityAtMode + 0.5 * mode.length * Math.log(2 * Math.PI) - halfLogDetPrecision;
    }

    /** {@code ½ log det P⁻¹ = −Σ log R_ii}, the log-determinant of the covariance factor C. */
    public double logDetCovarianceFactor() {
        return -halfLogDetPrecision;
    }

    /** {@code x* + C ξ = x* + R⁻ᵀ ξ} for a standard vector ξ. */
    public double[] fromStandard(double[] xi) {
        int d = mode.length;
        DMatrixRMaj y = new DMatrixRMaj(d, 1);
        NewtonMode.backward(precisionFactor, new DMatrixRMaj(d, 1, true, xi), y);
        double[] x = y.data;
        for (int j = 0; j < d; j++) {
            x[j] += mode[j];
        }
        return x;
    }

    /** {@code ξ = Rᵀ (x − x*)}, the inverse of {@link #fromStandard}. */
    public double[] toStandard(double[] x) {
        int d = mode.length;
        double[] xi = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = i; k < d; k++) {
                s += precisionFactor.get(k, i) * (x[k] - mode[k]);
            }
            xi[i] = s;
        }
        return xi;
    }

    /** The covariance factor {@code C = R⁻ᵀ} as a matrix ({@code P⁻¹ = C Cᵀ}). */
    public DMatrixRMaj covarianceFactor() {
        int d = mode.length;
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        for (int j = 0; j < d; j++) {
            double[] e = new double[d];
            e[j] = 1;
            DMatrixRMaj col = new DMatrixRMaj(d, 1);
            NewtonMode.backward(precisionFactor, new DMatrixRMaj(d, 1, true, e), col);
            for (int i = 0; i < d; i++) {
                c.set(i, j, col.data[i]);
            }
        }
        return c;
    }
}
