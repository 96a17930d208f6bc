package org.girsanov.sde.kernel;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** A moment of a learned kernel as a function on the tape of the conditioning state and the step index. */
@FunctionalInterface
public interface KernelMoment {

    /** The moment at {@code prev} ({@code rows × d}) for grid step {@code n}. */
    Var apply(Tape tape, Var prev, int n);
}
