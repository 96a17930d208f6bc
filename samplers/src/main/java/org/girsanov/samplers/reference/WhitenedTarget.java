package org.girsanov.samplers.reference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.Target;

/**
 * A target in the standard coordinates of a {@link LaplaceApproximation}, {@code x = x* + C z}: by the change of
 * variables
 * <pre>
 *   log ρ̃(z) = log ρ(x* + C z) + log det C,        ∇_z log ρ̃(z) = Cᵀ ∇_x log ρ(x* + C z),
 * </pre>
 * so {@code ∫ ρ̃ = Z} and a near-Gaussian posterior becomes near {@code N(0, I)}, where an isotropic HMC
 * kernel mixes at one step size in every direction (equivalent to HMC with mass matrix {@code P}, the precision).
 */
public final class WhitenedTarget implements Target {
    private final Target target;
    private final LaplaceApproximation laplace;
    private final DMatrixRMaj factor;
    private final DMatrixRMaj modeRow;

    public WhitenedTarget(Target target, LaplaceApproximation laplace) {
        if (target.dimension() != laplace.dimension()) {
            throw new IllegalArgumentException("whitened target: " + target.name() + " has dimension " + target.dimension()
                    + " but the Laplace approximation " + laplace.dimension());
        }
        this.target = target;
        this.laplace = laplace;
        this.factor = laplace.covarianceFactor();
        this.modeRow = new DMatrixRMaj(1, laplace.dimension(), true, laplace.mode());
    }

    @Override
    public String name() {
        return target.name() + "-whitened";
    }

    @Override
    public int dimension() {
        return target.dimension();
    }

    /** {@code x = x* + C z} for every row of {@code z}. */
    public DMatrixRMaj toTarget(DMatrixRMaj z) {
        DMatrixRMaj x = new DMatrixRMaj(z.numRows, z.numCols);
        CommonOps_DDRM.multTransB(z, factor, x);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                x.data[i * x.numCols + j] += modeRow.data[j];
            }
        }
        return x;
    }

    @Override
    public Var logDensity(Tape t, Var z) {
        Var x = t.addBias(t.matmulNT(z, t.constant(factor)), t.constant(modeRow));
        return t.addScalar(target.logDensity(t, x), laplace.logDetCovarianceFactor());
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj z) {
        DMatrixRMaj gx = target.score(toTarget(z));
        DMatrixRMaj gz = new DMatrixRMaj(z.numRows, z.numCols);
        CommonOps_DDRM.mult(gx, factor, gz);
        return gz;
    }

    @Override
    public boolean hasClosedFormScore() {
        return target.hasClosedFormScore();
    }
}
