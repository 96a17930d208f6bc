package org.girsanov.sde.rnd;

import java.util.Objects;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.GaussianMoments;

/**
 * A {@link LogWeightForm} that forwards every term to another: the base of decorators that observe or alter one
 * term (a recorder of the states a loss visits, a planted bug in a test).
 */
public abstract class ForwardingLogWeight implements LogWeightForm {
    protected final LogWeightForm inner;

    protected ForwardingLogWeight(LogWeightForm inner) {
        this.inner = Objects.requireNonNull(inner, "ForwardingLogWeight: inner form must not be null");
    }

    @Override
    public Var increment(Tape tape, int n, Var xn, Var xNext, GaussianMoments forward) {
        return inner.increment(tape, n, xn, xNext, forward);
    }

    @Override
    public Var start(Tape tape, Var x0) {
        return inner.start(tape, x0);
    }

    @Override
    public Var end(Tape tape, Var xN) {
        return inner.end(tape, xN);
    }
}
