package org.girsanov.sde.rnd;

import java.util.Objects;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.kernel.MarkovKernel;

/**
 * The kernel-ratio form of the log-weight (Berner et al. 2025, arXiv 2501.06148, eq. (6); see {@link LogWeight}):
 * <pre>
 *   B_N = log ρ,   B_0 = log p_prior,   ℓ_n = log p←_n(x_n | x_{n+1}) − log p→_n(x_{n+1} | x_n).
 * </pre>
 * With a point-mass prior {@code δ_a} the backward process must end in the same point mass ({@code p←_0 = δ_a}):
 * the two Dirac factors cancel, so {@code B_0 = 0} and {@code ℓ_0 = −log p→_0(x_1 | x_0)} ({@link #fromPoint}).
 */
public final class KernelRatio implements LogWeightForm {
    private final MarkovKernel backward;
    private final LogDensity prior;
    private final LogDensity target;

    private KernelRatio(MarkovKernel backward, LogDensity prior, LogDensity target) {
        Objects.requireNonNull(backward, "KernelRatio: backward kernel must not be null");
        Objects.requireNonNull(target, "KernelRatio: target must not be null");
        if (backward.direction() != Direction.BACKWARD) {
            throw new IllegalArgumentException("KernelRatio: backward kernel has direction " + backward.direction()
                    + "; must be BACKWARD");
        }
        this.backward = backward;
        this.prior = prior;
        this.target = target;
    }

    /** The form with a prior that has a density. */
    public static KernelRatio of(MarkovKernel backward, LogDensity prior, LogDensity target) {
        return new KernelRatio(backward, Objects.requireNonNull(prior, "KernelRatio: prior must not be null"), target);
    }

    /** The form for a point-mass prior whose Dirac factor cancels the backward kernel's last step. */
    public static KernelRatio fromPoint(MarkovKernel backward, LogDensity target) {
        return new KernelRatio(backward, null, target);
    }

    /** The backward kernel {@code p←}. */
    public MarkovKernel backward() {
        return backward;
    }

    @Override
    public Var increment(Tape tape, int n, Var xn, Var xNext, GaussianMoments forward) {
        Var logForward = forward.logDensity(tape, xNext);
        if (n == 0 && prior == null) {
            return tape.neg(logForward);
        }
        return tape.sub(backward.logDensity(tape, xn, xNext, n), logForward);
    }

    @Override
    public Var start(Tape tape, Var x0) {
        return prior == null ? LogWeightForm.zero(tape, x0) : prior.apply(tape, x0);
    }

    @Override
    public Var end(Tape tape, Var xN) {
        return target.apply(tape, xN);
    }
}
