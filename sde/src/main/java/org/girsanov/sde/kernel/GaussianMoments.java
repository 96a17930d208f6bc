package org.girsanov.sde.kernel;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.GaussianDensity;

/**
 * The moments of one Gaussian kernel evaluated at a batch of conditioning states,
 * {@code N(mean, diag(std²))}: what a {@link GaussianKernel} computes once per step and the engine reuses
 * both to draw the next state and to evaluate its log-density (one network evaluation per step).
 *
 * @param mean {@code rows × d}
 * @param std  {@code 1 × 1} (shared by the batch), {@code rows × 1} or {@code rows × d}; entries {@code ≥ 0}
 *             ({@code 0}: a point mass, which can be sampled but has no density)
 */
public record GaussianMoments(Var mean, Var std) {

    /** {@code N(mean, s² I)} with a constant {@code s}. */
    public static GaussianMoments isotropic(Tape tape, Var mean, double std) {
        return new GaussianMoments(mean, tape.scalar(std));
    }

    /** {@code log N(x; mean, diag(std²))} per row ({@code rows × 1}). */
    public Var logDensity(Tape tape, Var x) {
        return GaussianDensity.withStd(tape, x, mean, std);
    }

    /**
     * {@code mean + κ · std ⊙ z}, gradient-free: the next state of the kernel (κ = 1) or of its
     * variance-inflated behaviour (κ &gt; 1; Sendera et al. NeurIPS 2024).
     */
    public DMatrixRMaj sample(DMatrixRMaj z, double kappa) {
        DMatrixRMaj m = mean.value();
        DMatrixRMaj s = std.value();
        int rows = m.numRows;
        int cols = m.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        boolean scalar = s.numRows == 1 && s.numCols == 1;
        boolean perRow = !scalar && s.numCols == 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                double sd = scalar ? s.data[0] : perRow ? s.data[i] : s.data[k];
                out.data[k] = m.data[k] + kappa * sd * z.data[k];
            }
        }
        return out;
    }

    /** {@code mean + std ⊙ z} on the tape (reparametrised: the gradient flows through mean and std). */
    public Var step(Tape tape, DMatrixRMaj z) {
        return tape.add(mean, tape.mul(std, tape.constant(z)));
    }
}
