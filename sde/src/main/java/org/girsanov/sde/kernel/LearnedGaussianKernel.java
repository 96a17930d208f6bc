package org.girsanov.sde.kernel;

import java.util.Objects;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.GaussianDensity;
import org.girsanov.sde.TimeGrid;

/**
 * A Gaussian kernel with learned mean and variance (GFlowNet-style discrete-time samplers, docs/math.md §6):
 * <pre>  p_n(next | prev) = N(next; m_n(prev), diag(exp ℓ_n(prev)))</pre>
 * where {@code m} ({@code rows × d}) and the log-variance {@code ℓ} ({@code rows × d}, or {@code rows × 1}
 * shared by every coordinate) are functions on the tape — typically networks. Sampling is reparametrised:
 * {@code next = m + exp(ℓ/2) ⊙ z}. Discrete time allows the two directions different variances (docs/math.md §3).
 */
public record LearnedGaussianKernel(KernelMoment mean, KernelMoment logVariance, TimeGrid grid, Direction direction)
        implements GaussianKernel {

    public LearnedGaussianKernel {
        Objects.requireNonNull(mean, "LearnedGaussianKernel: mean must not be null");
        Objects.requireNonNull(logVariance, "LearnedGaussianKernel: logVariance must not be null");
        Objects.requireNonNull(grid, "LearnedGaussianKernel: grid must not be null");
        Objects.requireNonNull(direction, "LearnedGaussianKernel: direction must not be null");
    }

    /** {@code (m_n(prev), exp(ℓ_n(prev)/2))}. */
    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        Var m = moment(tape, mean, prev, n, "mean", prev.cols());
        return new GaussianMoments(m, tape.exp(tape.scale(moment(tape, logVariance, prev, n, "logVariance", -1), 0.5)));
    }

    @Override
    public Var logDensity(Tape tape, Var next, Var prev, int n) {
        MarkovKernel.checkDensity("LearnedGaussianKernel.logDensity", grid, next, prev, n);
        return GaussianDensity.diagonal(tape, next, moment(tape, mean, prev, n, "mean", prev.cols()),
                moment(tape, logVariance, prev, n, "logVariance", -1));
    }

    private static Var moment(Tape tape, KernelMoment f, Var prev, int n, String name, int cols) {
        Var v = f.apply(tape, prev, n);
        boolean ok = v.rows() == prev.rows() && (cols < 0 ? (v.cols() == 1 || v.cols() == prev.cols()) : v.cols() == cols);
        if (!ok) {
            throw new IllegalArgumentException("LearnedGaussianKernel: " + name + " returned " + v.shape() + "; must be "
                    + prev.rows() + "x" + prev.cols() + (cols < 0 ? " or " + prev.rows() + "x1" : ""));
        }
        return v;
    }
}
