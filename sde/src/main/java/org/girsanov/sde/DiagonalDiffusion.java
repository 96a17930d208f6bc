package org.girsanov.sde;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A state-dependent diagonal diffusion coefficient {@code σ(x, t) = diag(s(x, t))} on the tape, for SDEs
 * {@code dX = μ(X, t) dt + σ(X, t) dW} whose noise acts coordinate by coordinate (geometric Brownian motion:
 * {@code s_j(x, t) = σ_j x_j}). {@link #apply} returns the diagonal {@code s(x, t)}: {@code rows × d}, or
 * {@code 1 × 1} when it is the same constant for every sample and coordinate.
 */
@FunctionalInterface
public interface DiagonalDiffusion {

    /** The diagonal {@code s(x, t)} of {@code σ(x, t)}: {@code rows × d} or {@code 1 × 1}. */
    Var apply(Tape tape, Var x, double t);

    /** {@code σ(x, t) = s I} with a constant {@code s > 0}. */
    static DiagonalDiffusion constant(double s) {
        Checks.positive("DiagonalDiffusion.constant", "s", s);
        return (tape, x, t) -> tape.scalar(s);
    }

    /** {@code σ(x, t) = σ(t) I} from a scalar schedule. */
    static DiagonalDiffusion of(DiffusionSchedule schedule) {
        return (tape, x, t) -> tape.scalar(schedule.sigma(t));
    }

    /** {@code σ(x, t) = diag(s ⊙ x)}: geometric Brownian motion with volatility {@code s > 0} in every coordinate. */
    static DiagonalDiffusion geometric(double s) {
        Checks.positive("DiagonalDiffusion.geometric", "s", s);
        return (tape, x, t) -> tape.scale(x, s);
    }
}
