package org.girsanov.samplers.nets;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.TimeNet;
import org.girsanov.sde.TimeGrid;

/**
 * The learned free energy {@code F_φ(t) ≈ F_t = log Z_t} of NETS, parametrised by its rate: a network of time
 * {@code G_φ(t) = ∂_t F_φ(t)} ({@link TimeNet}, output starting at 0) and
 * <pre>
 *   F_φ(t) = F_0 + ∫_0^t G_φ(s) ds,     F_0 = log Z_0 = 0,
 * </pre>
 * since {@code π̃_0 = p_prior} is normalised. Fixing {@code F_0} is built in, and the residual needs only
 * {@code ∂_t F_φ = G_φ}, exact in {@code φ} on any grid; {@link #freeEnergies} integrates it by the trapezoid rule.
 */
public final class FreeEnergyRate {
    private final TimeNet net;

    /** A time network of the given width and hidden layers, seeded from {@code rng}, starting at {@code G = 0}. */
    public FreeEnergyRate(String name, int width, int layers, UniformRandomProvider rng) {
        this.net = new TimeNet(name, 1, width, layers, 0.0, rng);
    }

    /** {@code ∂_t F_φ(t) = G_φ(t)}, {@code 1 × 1} on the tape. */
    public Var rate(Tape t, double time) {
        return net.apply(t, time);
    }

    /** {@code F_φ(t_n) = Σ_{k<n} ½ (G_φ(t_k) + G_φ(t_{k+1})) Δt_k}, {@code n = 0 … N}: the learned {@code log Z_{t_n}}. */
    public double[] freeEnergies(TimeGrid grid) {
        Tape t = Tape.noGrad();
        double[] f = new double[grid.steps() + 1];
        double previous = rate(t, grid.time(0)).value().get(0);
        for (int n = 0; n < grid.steps(); n++) {
            double next = rate(t, grid.time(n + 1)).value().get(0);
            f[n + 1] = f[n] + 0.5 * (previous + next) * (grid.time(n + 1) - grid.time(n));
            previous = next;
        }
        return f;
    }

    /** {@code φ}. */
    public List<Parameter> parameters() {
        return net.parameters();
    }
}
