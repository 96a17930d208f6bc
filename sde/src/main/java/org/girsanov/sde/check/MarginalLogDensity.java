package org.girsanov.sde.check;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** A time-indexed log-density {@code V_t(x) = log p_t(x)} on the tape ({@code n × d → n × 1}). */
@FunctionalInterface
public interface MarginalLogDensity {

    /** {@code log p_t(x)} per sample. */
    Var apply(Tape tape, Var x, double t);
}
