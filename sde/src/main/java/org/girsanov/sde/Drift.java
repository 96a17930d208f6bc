package org.girsanov.sde;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** A drift {@code μ(x, t)} on the tape: a batch {@code x} ({@code n × d}) to {@code μ} ({@code n × d}). */
@FunctionalInterface
public interface Drift {

    /** {@code μ(x, t)}, shaped like {@code x}. */
    Var apply(Tape tape, Var x, double t);

    /** The zero drift. */
    static Drift zero() {
        return (tape, x, t) -> tape.full(x.rows(), x.cols(), 0.0);
    }
}
