package org.girsanov.samplers.nets;

import java.util.List;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.sde.TimeGrid;

/**
 * The free energy {@code F(t) ≈ F_t = log Z_t} of NETS, given by its rate {@code G(t) = ∂_t F(t)}:
 * <pre>
 *   F(t) = F_0 + ∫_0^t G(s) ds,     F_0 = log Z_0 = 0,
 * </pre>
 * since {@code π̃_0 = p_prior} is normalised. Fixing {@code F_0} is built in, and the residual needs only
 * {@code ∂_t F = G}, exact in its parameters on any grid; {@link #freeEnergies} integrates it by the trapezoid rule.
 * Learned: {@link FreeEnergyNet}; a closed form (tests) implements {@link #rate} alone.
 */
public interface FreeEnergyRate {

    /** {@code ∂_t F(t) = G(t)}, {@code 1 × 1} on the tape. */
    Var rate(Tape t, double time);

    /** The parameters of {@code G}; none by default. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** {@code F(t_n) = Σ_{k<n} ½ (G(t_k) + G(t_{k+1})) Δt_k}, {@code n = 0 … N}: the learned {@code log Z_{t_n}}. */
    default double[] freeEnergies(TimeGrid grid) {
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
}
