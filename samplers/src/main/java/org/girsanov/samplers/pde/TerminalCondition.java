package org.girsanov.samplers.pde;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** The terminal condition {@code φ} of a Kolmogorov equation, {@code u(x, T) = φ(x)}, on the tape. */
@FunctionalInterface
public interface TerminalCondition {

    /** {@code φ(x)} per row: a batch {@code x} ({@code rows × d}) to {@code rows × 1}. */
    Var apply(Tape tape, Var x);
}
