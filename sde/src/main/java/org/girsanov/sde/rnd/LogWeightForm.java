package org.girsanov.sde.rnd;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.GaussianMoments;

/**
 * The log importance weight of a path of a (forward, backward) pair, written as two boundary terms and a sum
 * of per-step increments:
 * <pre>
 *   log w(x) = B_N(x_N) − B_0(x_0) + Σ_n ℓ_n(x_n, x_{n+1}).
 * </pre>
 * Three forms give the same number in different ways ({@link KernelRatio}, {@link ReferenceRatio},
 * {@link ControlledForm}); the sum form is what lets the off-policy losses stream their gradient step by
 * step, each step on its own tape (DESIGN invariant 5). {@code log dP→/dP←(x) = log Z − log w(x)}.
 */
public interface LogWeightForm {

    /**
     * {@code ℓ_n(x_n, x_{n+1})}, {@code rows × 1}; {@code forward} is the forward kernel's moments at
     * {@code x_n} on the same tape, {@code p→_n(· | x_n) = N(forward.mean, forward.std²)}.
     */
    Var increment(Tape tape, int n, Var xn, Var xNext, GaussianMoments forward);

    /** {@code B_0(x_0)}, {@code rows × 1}. */
    Var start(Tape tape, Var x0);

    /** {@code B_N(x_N)}, {@code rows × 1}. */
    Var end(Tape tape, Var xN);

    /** A column of zeros, {@code rows × 1}: the boundary of a form that has none. */
    static Var zero(Tape tape, Var x) {
        return tape.full(x.rows(), 1, 0.0);
    }
}
