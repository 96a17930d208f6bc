package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * The base of a target decorator: every method forwards to the wrapped target, so a decorator
 * ({@link CheckedTarget}, {@link CountingTarget}) overrides only what it decorates. {@link #score(Tape, DMatrixRMaj)}
 * is left at its default (this decorator's {@link #score(DMatrixRMaj)}), so a decorator that changes the score stays
 * consistent; the final decorators forward it to reach the wrapped target's scratch-lending score.
 */
public abstract class ForwardingTarget implements Target {
    /** The wrapped target. */
    protected final Target inner;

    protected ForwardingTarget(Target inner) {
        if (inner == null) {
            throw new IllegalArgumentException("target: the wrapped target is null");
        }
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public Var logDensity(Tape tape, Var x) {
        return inner.logDensity(tape, x);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        return inner.score(x);
    }

    @Override
    public boolean hasClosedFormScore() {
        return inner.hasClosedFormScore();
    }

    @Override
    public OptionalDouble logZ() {
        return inner.logZ();
    }

    @Override
    public Optional<TargetReference> reference() {
        return inner.reference();
    }

    @Override
    public Optional<double[]> marginalStd() {
        return inner.marginalStd();
    }

    @Override
    public boolean hasExactSampler() {
        return inner.hasExactSampler();
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        return inner.sample(n, rng);
    }
}
