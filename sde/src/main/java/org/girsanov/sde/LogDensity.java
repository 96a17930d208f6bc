package org.girsanov.sde;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A (possibly unnormalised) log-density on the tape: a batch {@code x} ({@code n × d}) to {@code log p(x)}
 * ({@code n × 1}). Priors and targets are given to this module in this form, so it does not depend on
 * the samplers module.
 */
@FunctionalInterface
public interface LogDensity {

    /** {@code log p(x)} per sample, {@code n × 1}. */
    Var apply(Tape tape, Var x);
}
