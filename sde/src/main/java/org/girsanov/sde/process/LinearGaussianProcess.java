package org.girsanov.sde.process;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Drift;
import org.girsanov.sde.GaussianDensity;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.Sde;

/**
 * A reference process with scalar linear-Gaussian transitions
 * <pre>  X_t | X_s = x  ~  N(a(s,t) x, v(s,t) I)</pre>
 * started at {@code X_0 ~ N(m_0, v_0 I)} (a point when {@code v_0 = 0}). Its marginals are Gaussian in
 * closed form: {@code p_t = N(a(0,t) m_0, (a(0,t)² v_0 + v(0,t)) I)}, with score
 * {@code ∇log p_t(x) = −(x − m_t)/v_t}, and its exact time reversal (Anderson 1982; Nelson's identity,
 * docs/math.md §2) has drift {@code μ←(x,t) = μ→(x,t) − σ(t)² ∇log p_t(x)}.
 */
public abstract class LinearGaussianProcess {
    private final IsotropicGaussian initial;

    protected LinearGaussianProcess(IsotropicGaussian initial) {
        this.initial = Objects.requireNonNull(initial, "LinearGaussianProcess: initial law must not be null");
    }

    /** The mean factor {@code a(s,t)}. */
    public abstract double meanFactor(double s, double t);

    /** The transition variance {@code v(s,t)} per coordinate. */
    public abstract double transitionVariance(double s, double t);

    /** The SDE {@code dX = μ→(X,t) dt + σ(t) dW} this process solves. */
    public abstract Sde sde();

    /** The law of {@code X_0}. */
    public IsotropicGaussian initial() {
        return initial;
    }

    /** The dimension {@code d}. */
    public int dimension() {
        return initial.dimension();
    }

    /** {@code p_t = N(a(0,t) m_0, (a(0,t)² v_0 + v(0,t)) I)}. */
    public IsotropicGaussian marginal(double t) {
        if (t == 0) {
            return initial;
        }
        double a = meanFactor(0, t);
        double[] m = initial.mean();
        for (int j = 0; j < m.length; j++) {
            m[j] *= a;
        }
        return new IsotropicGaussian(m, a * a * initial.variance() + transitionVariance(0, t));
    }

    /** {@code log p_t(x)} per sample ({@code n × 1}). */
    public Var logMarginal(Tape tape, Var x, double t) {
        return marginal(t).apply(tape, x);
    }

    /** {@code ∇log p_t(x) = −(x − m_t)/v_t} on the tape ({@code n × d}). */
    public Var score(Tape tape, Var x, double t) {
        IsotropicGaussian p = marginal(t);
        return tape.scale(tape.sub(x, tape.constant(p.meanRow())), -1.0 / p.variance());
    }

    /** {@code ∇log p_t(x)}, gradient-free. */
    public DMatrixRMaj score(DMatrixRMaj x, double t) {
        return marginal(t).score(x);
    }

    /** {@code log N(next; a(s,t) prev, v(s,t) I)} per sample. */
    public Var logTransition(Tape tape, Var next, Var prev, double s, double t) {
        return GaussianDensity.isotropic(tape, next, tape.scale(prev, meanFactor(s, t)), transitionVariance(s, t));
    }

    /** The exact time reversal's drift {@code μ←(x,t) = μ→(x,t) − σ(t)² ∇log p_t(x)}. */
    public Drift reversalDrift() {
        Sde sde = sde();
        return (tape, x, t) -> tape.sub(sde.drift().apply(tape, x, t),
                tape.scale(score(tape, x, t), sde.schedule().sigmaSquared(t)));
    }

    /** The exact time reversal {@code dX = μ← dt + σ d←W} as an {@link Sde}. */
    public Sde reversal() {
        return new Sde(reversalDrift(), sde().schedule());
    }
}
