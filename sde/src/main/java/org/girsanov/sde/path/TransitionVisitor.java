package org.girsanov.sde.path;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.GaussianMoments;

/**
 * Receives a path one transition at a time, each on its own short-lived tape, so that memory does not
 * grow with the number of steps (DESIGN invariant 5). The order is forward ({@code n = 0 … N−1}) for
 * forward behaviours and backward ({@code n = N−1 … 0}) for backward ones; the boundaries are visited
 * once each. What a callback computes on its tape is void when it returns (the engine recycles the step's
 * storage, {@link StreamedPaths#visit}): copy what you keep; the states themselves stay valid.
 */
public interface TransitionVisitor {
    /**
     * Step {@code n}: {@code xn} and {@code xNext} are constants (detached); {@code fwd} is the forward kernel's
     * moments at {@code xn} on {@code t}, {@code p→_n(· | x_n) = N(fwd.mean, fwd.std²)}.
     */
    void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd);

    /** The start state {@code x_0}. */
    default void start(Tape t, Var x0) {
    }

    /** The end state {@code x_N}. */
    default void end(Tape t, Var xN) {
    }
}
