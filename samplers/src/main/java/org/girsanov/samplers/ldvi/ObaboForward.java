package org.girsanov.samplers.ldvi;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.GaussianDensity;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.kernel.MarkovKernel;

/**
 * The forward kernels of LDVI on the phase space ({@link ObaboDynamics}): at a refresh step
 * <pre>  F_n(x', v' | x, v) = δ_x(x') N(v'; η v, (1 − η²) I),</pre>
 * at a leapfrog step the point mass {@code δ_{Φ_k(x, v)}}. As {@link GaussianMoments} these are
 * {@code mean = (x, η v)}, {@code std = (0, √(1 − η²))} and {@code mean = Φ_k(x, v)}, {@code std = 0}: the engine draws
 * {@code mean + std ⊙ z} (a refresh uses the momentum half of {@code z}, a leapfrog none of it), on the tape when the
 * path is reparametrised. A point mass has no Lebesgue density, so {@link #logDensity} is that of the momentum at a
 * refresh and 0 at a leapfrog: the position factors {@code δ_x} and the leapfrog's point masses cancel against the
 * backward kernel's ({@link ObaboBackward}) in the kernel ratio, the leapfrog being a bijection with Jacobian 1
 * ({@link PhaseSpaceRatio}). {@link GaussianMoments#logDensity} of these moments is therefore never used.
 */
record ObaboForward(ObaboDynamics dynamics) implements GaussianKernel {

    @Override
    public TimeGrid grid() {
        return dynamics.grid();
    }

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public GaussianMoments moments(Tape t, Var prev, int n) {
        if (ObaboDynamics.phase(n) == ObaboDynamics.Phase.LEAPFROG) {
            return new GaussianMoments(dynamics.leapfrog(t, prev, n), t.scalar(0.0));
        }
        int d = dynamics.positionDimension();
        Var eta = dynamics.coefficients().eta(t);
        Var mean = t.concat(dynamics.positions(t, prev), t.mul(eta, dynamics.momenta(t, prev)));
        Var std = t.concat(t.full(prev.rows(), d, 0.0),
                t.mul(t.full(prev.rows(), d, 1.0), ObaboCoefficients.refreshStd(t, eta)));
        return new GaussianMoments(mean, std);
    }

    /** {@code log N(v_{n+1}; η v_n, (1 − η²) I)} at a refresh, 0 at a leapfrog (see the class comment). */
    @Override
    public Var logDensity(Tape t, Var next, Var prev, int n) {
        MarkovKernel.checkDensity("LDVI forward logDensity", grid(), next, prev, n);
        if (ObaboDynamics.phase(n) == ObaboDynamics.Phase.LEAPFROG) {
            return t.full(prev.rows(), 1, 0.0);
        }
        Var eta = dynamics.coefficients().eta(t);
        return GaussianDensity.withStd(t, dynamics.momenta(t, next), t.mul(eta, dynamics.momenta(t, prev)),
                ObaboCoefficients.refreshStd(t, eta));
    }
}
