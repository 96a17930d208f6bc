package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * An unnormalised target density {@code p_target = ρ / Z} on {@code R^d} (docs/math.md §1).
 *
 * <p>The one method to write is {@link #logDensity(Tape, Var)}: a batch {@code x} ({@code n × d}) to
 * {@code log ρ(x)} ({@code n × 1}) in tape ops, so that the score {@code ∇log ρ} comes from autodiff.
 * Targets with a closed-form score, an exact {@code log Z} or an exact sampler say so by overriding
 * the optional methods.
 */
public interface Target {

    /** A short name, e.g. {@code gmm9}, used in reports and error messages. */
    String name();

    /** The dimension {@code d}. */
    int dimension();

    /** {@code log ρ(x)} per sample: {@code x} is {@code n × d}, the result {@code n × 1}. */
    Var logDensity(Tape tape, Var x);

    /**
     * The score {@code ∇log ρ(x)} ({@code n × d}). The default takes it from autodiff; targets with a
     * closed form override it (and test the two against each other).
     */
    default DMatrixRMaj score(DMatrixRMaj x) {
        Tape t = new Tape();
        Var xv = t.input(x);
        return t.grad(logDensity(t, xv), false, xv)[0].value();
    }

    /**
     * The same score, with whatever scratch a closed form needs lent by {@code scratch} ({@link Tape#lend}: its
     * workspace's storage inside the path engine's step loop, so the step allocates only the result). The result is
     * a new matrix owned by the caller, equal bit for bit to {@link #score(DMatrixRMaj)}; by default it is that.
     * {@code scratch} may be null (fresh storage then).
     */
    default DMatrixRMaj score(Tape scratch, DMatrixRMaj x) {
        return score(x);
    }

    /** Whether {@link #score(DMatrixRMaj)} is a closed form rather than autodiff. */
    default boolean hasClosedFormScore() {
        return false;
    }

    /** {@code log Z} when known exactly. */
    default OptionalDouble logZ() {
        return OptionalDouble.empty();
    }

    /**
     * Reference values estimated by independent long runs ({@code log Z} with its error, posterior mean and
     * standard deviation per coordinate), for targets without closed forms; empty by default.
     */
    default Optional<TargetReference> reference() {
        return Optional.empty();
    }

    /**
     * The true standard deviation of each coordinate, {@code std_j = (E[x_j²] − E[x_j]²)^{1/2}} under {@code ρ/Z},
     * when it is known exactly (a closed form or a one-dimensional quadrature); empty by default. {@code Δstd}
     * (docs/targets-and-metrics.md) is measured against it, as in the reference implementation of Richter &amp;
     * Berner (ICLR 2024), rather than against the standard deviations of a finite exact sample, whose own error
     * ({@code ≈ std·√((κ − 1)/(4K))} for kurtosis {@code κ}) would otherwise be part of the metric.
     *
     * @return an array of length {@link #dimension()}, a fresh copy on each call
     */
    default Optional<double[]> marginalStd() {
        return Optional.empty();
    }

    /** Whether {@link #sample(int, UniformRandomProvider)} is available. */
    default boolean hasExactSampler() {
        return false;
    }

    /** {@code n} exact samples ({@code n × d}). */
    default DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        throw new UnsupportedOperationException("target " + name() + " has no exact sampler");
    }
}
