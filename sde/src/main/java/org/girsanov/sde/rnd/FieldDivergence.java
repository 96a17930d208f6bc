package org.girsanov.sde.rnd;

import java.util.function.BiFunction;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A vector field {@code g(x)} evaluated together with its divergence {@code ∇·g(x)} (docs/math.md §5), on any tape.
 *
 * <p>The divergence needs {@code x} as something the tape can differentiate with respect to: on a recording
 * tape that is {@code x} itself when it carries a gradient (a reparametrised path, so that the gradient also
 * flows through the state), else a fresh input leaf holding its value (a detached path); on
 * {@link Tape#noGrad()} both are computed on a scratch recording tape and returned as constants. In every
 * case the field is evaluated once, at the point the divergence is taken, and the result is differentiable
 * with respect to the field's parameters whenever the tape records.
 *
 * @param field      {@code g(x)}, {@code n × d}
 * @param divergence {@code ∇·g(x)}, {@code n × 1}
 */
public record FieldDivergence(Var field, Var divergence) {

    /** {@code g(x)} and {@code ∇·g(x)} by {@code estimator}; {@code g} is applied on the tape it is given. */
    public static FieldDivergence of(Tape tape, Var x, BiFunction<Tape, Var, Var> g, DivergenceEstimator estimator) {
        if (!tape.isRecording()) {
            Tape scratch = new Tape();
            Var leaf = scratch.input(x.value());
            Var field = g.apply(scratch, leaf);
            Var div = estimator.apply(scratch, field, leaf);
            return new FieldDivergence(tape.constant(field.value()), tape.constant(div.value()));
        }
        Var leaf = x.requiresGrad() ? x : tape.input(x.value());
        Var field = g.apply(tape, leaf);
        return new FieldDivergence(field, estimator.apply(tape, field, leaf));
    }
}
