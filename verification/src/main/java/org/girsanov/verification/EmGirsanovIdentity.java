package org.girsanov.verification;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.rnd.BackwardItoRnd;
import org.girsanov.sde.rnd.LogWeight;

/**
 * docs/math.md §7.1: for constant σ, the Euler–Maruyama kernel ratio equals the left/right-point discretisation of the
 * backward-Itô Girsanov formula, path by path: {@code −log w(x) = RND_disc(x)} (an algebraic identity; see
 * {@link BackwardItoRnd}). Passes if the largest relative difference is below {@code tolerance}.
 */
public final class EmGirsanovIdentity {
    private EmGirsanovIdentity() {
    }

    /** Checks the identity on {@code paths} forward paths of the user's SDE pair. */
    public static Verdict check(Sde forward, Sde backward, Distribution prior, LogDensity target, TimeGrid grid,
                                int paths, UniformRandomProvider rng, double tolerance) {
        Tape t = Tape.noGrad();
        EulerMaruyamaForward kf = new EulerMaruyamaForward(forward, grid);
        Path p = PathSimulator.forward(t, kf, t.constant(prior.sample(paths, rng)), NoiseSource.of(rng));
        Var lw = LogWeight.of(t, p, kf, new EulerMaruyamaBackward(backward, grid), prior, target);
        Var rnd = BackwardItoRnd.of(t, p, forward, backward, prior, target);
        double worst = 0;
        for (int i = 0; i < paths; i++) {
            double a = -lw.get(i, 0);
            worst = Math.max(worst, Math.abs(a - rnd.get(i, 0)) / Math.max(1, Math.abs(a)));
        }
        return new Verdict("EM ratio = discretised Girsanov (math §7.1)", worst <= tolerance,
                Map.of("max_relative_difference", worst, "tolerance", tolerance), "path by path, " + paths + " paths");
    }
}
