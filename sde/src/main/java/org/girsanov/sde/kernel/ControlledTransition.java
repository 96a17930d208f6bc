package org.girsanov.sde.kernel;

import java.util.Objects;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Drift;
import org.girsanov.sde.TimeGrid;

/**
 * A reference transition with a control added to its mean (PIS, DDS, DIS):
 * <pre>  p→_n(x_{n+1} | x_n) = N(x_{n+1}; a_n x_n + λ_n u(x_n, t_n), s_n² I),</pre>
 * where {@code N(a_n x_n, s_n² I)} is the reference's exact transition and {@code λ_n} the control's gain on
 * step {@code n} — {@code σ(t_n) Δt_n}, the Euler step of {@code σ(t) u dt} (Zhang &amp; Chen ICLR 2022), or
 * {@code s_n √Δt_n} (the exponential integrator of Vargas et al. ICLR 2023). The variance is the
 * reference's, so the kernel can match a backward kernel of the same variance exactly.
 *
 * @param reference the exact transitions {@code N(a_n x, s_n² I)}
 * @param control   {@code u(x, t)}
 * @param gain      {@code λ_n}, one per step
 */
public record ControlledTransition(ExactTransition reference, Drift control, double[] gain) implements GaussianKernel {

    public ControlledTransition {
        Objects.requireNonNull(reference, "ControlledTransition: reference must not be null");
        Objects.requireNonNull(control, "ControlledTransition: control must not be null");
        if (gain.length != reference.grid().steps()) {
            throw new IllegalArgumentException("ControlledTransition: " + gain.length + " gains for a grid of "
                    + reference.grid().steps() + " steps");
        }
        gain = gain.clone();
    }

    /** The gains {@code λ_n = σ(t_n) Δt_n} of the Euler step of {@code σ(t) u dt}. */
    public static double[] eulerGains(ExactTransition reference) {
        TimeGrid g = reference.grid();
        double[] l = new double[g.steps()];
        for (int n = 0; n < l.length; n++) {
            l[n] = reference.process().sde().sigma(g.time(n)) * g.dt(n);
        }
        return l;
    }

    /** The gains {@code λ_n = s_n √Δt_n} of the exponential integrator. */
    public static double[] integratorGains(ExactTransition reference) {
        TimeGrid g = reference.grid();
        double[] l = new double[g.steps()];
        for (int n = 0; n < l.length; n++) {
            l[n] = reference.std(n) * Math.sqrt(g.dt(n));
        }
        return l;
    }

    @Override
    public TimeGrid grid() {
        return reference.grid();
    }

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        GaussianMoments ref = reference.moments(tape, prev, n);
        Var u = control.apply(tape, prev, grid().time(n));
        return new GaussianMoments(tape.add(ref.mean(), tape.scale(u, gain[n])), ref.std());
    }
}
