package org.girsanov.samplers.ldvi;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.control.Control;
import org.girsanov.sde.GaussianDensity;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.MarkovKernel;

/**
 * The backward kernels of LDVI: the time reversal of O–BAB–O ({@link ObaboDynamics}), with a learned momentum
 * correction {@code s_θ(x, v, t)} ({@code R^{2d} × R → R^d}) in the refreshes (Geffner &amp; Domke 2023, LDVI; the
 * underdamped MCD of Doucet et al. 2022). At a refresh step, from {@code (x, v')} at {@code t_{n+1}},
 * <pre>  B_n(x, v | x', v') = δ_{x'}(x) N(v; η v' + (1 − η²) s_θ(x', v', t_{n+1}), (1 − η²) I),</pre>
 * and at a leapfrog step the inverse leapfrog {@code δ_{Φ_k^{-1}(x', v')}}. With {@code s_θ = 0} a refresh is its own
 * reversal with respect to {@code N(0, I)} (the AR(1) chain {@code v ↦ ηv + √(1−η²)ξ} is reversible), which is exact
 * when the momentum's law before the refresh is {@code N(0, I)}. Otherwise the exact reversal
 * {@code F(v' | v) q(v) / q'(v')} ({@code q}, {@code q'} the momentum's laws before and after) is not of that form, and
 * the Gaussian with the learned mean is its approximation, as MCD's learned backward drift is for ULA. The network starts at 0
 * (a zero output layer), where the untrained sampler is uncorrected Hamiltonian annealing.
 */
record ObaboBackward(ObaboDynamics dynamics, Control correction) implements MarkovKernel {

    @Override
    public TimeGrid grid() {
        return dynamics.grid();
    }

    @Override
    public Direction direction() {
        return Direction.BACKWARD;
    }

    /** The mean {@code η v' + (1 − η²) s_θ(x', v', t_{n+1})} of a backward refresh from {@code prev = (x', v')}. */
    Var refreshMean(Tape t, Var prev, Var eta, int n) {
        Var s = correction.apply(t, prev, grid().time(n + 1));
        int d = dynamics.positionDimension();
        if (s.rows() != prev.rows() || s.cols() != d) {
            throw new IllegalArgumentException("LDVI: the correction s_θ returned " + s.shape() + " for " + prev.shape()
                    + " states; must be " + prev.rows() + "x" + d + " (a momentum per state)");
        }
        Var oneMinusEta2 = t.addScalar(t.neg(t.square(eta)), 1.0);
        return t.add(t.mul(eta, dynamics.momenta(t, prev)), t.mul(oneMinusEta2, s));
    }

    @Override
    public Var step(Tape t, Var prev, int n, DMatrixRMaj z) {
        MarkovKernel.checkStep("LDVI backward step", grid(), prev, n, z);
        if (ObaboDynamics.phase(n) == ObaboDynamics.Phase.LEAPFROG) {
            return dynamics.inverseLeapfrog(t, prev, n);
        }
        int d = dynamics.positionDimension();
        Var eta = dynamics.coefficients().eta(t);
        Var noise = t.slice(t.constant(z), d, 2 * d);
        Var v = t.add(refreshMean(t, prev, eta, n), t.mul(ObaboCoefficients.refreshStd(t, eta), noise));
        return t.concat(dynamics.positions(t, prev), v);
    }

    /** {@code log N(v_n; η v_{n+1} + (1 − η²) s_θ, (1 − η²) I)} at a refresh, 0 at a leapfrog ({@link ObaboForward}). */
    @Override
    public Var logDensity(Tape t, Var next, Var prev, int n) {
        MarkovKernel.checkDensity("LDVI backward logDensity", grid(), next, prev, n);
        if (ObaboDynamics.phase(n) == ObaboDynamics.Phase.LEAPFROG) {
            return t.full(prev.rows(), 1, 0.0);
        }
        Var eta = dynamics.coefficients().eta(t);
        return GaussianDensity.withStd(t, dynamics.momenta(t, next), refreshMean(t, prev, eta, n),
                ObaboCoefficients.refreshStd(t, eta));
    }
}
