package org.girsanov.autodiff;

/**
 * The local backward rule of one op: given the adjoint {@code gradOut} of the op's output {@code out},
 * return the adjoint contribution of each parent ({@code null} where a parent needs none).
 *
 * <p>Rules are written in tape ops on the tape {@code g} they receive. During an ordinary backward
 * pass {@code g} does not record, so the rule is plain numerics; with {@code createGraph} it is the
 * recording tape itself, so the backward pass becomes part of the graph and can be differentiated
 * again (DESIGN invariant 4).
 */
@FunctionalInterface
public interface BackwardRule {
    Var[] backward(Tape g, Var out, Var gradOut);
}
