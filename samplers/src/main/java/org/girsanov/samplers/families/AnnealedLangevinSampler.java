package org.girsanov.samplers.families;

import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.ScaledSchedule;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.rnd.KernelRatio;

/**
 * What {@link Cmcd} and {@link Mcd} share: a pair of Euler–Maruyama kernels with diffusion {@code √2 σ_t} along an
 * annealing path from {@code p_prior = N(0, s² I)}, the kernel-ratio log-weight, and one learned drift (in both
 * directions for CMCD, in the backward one for MCD).
 */
abstract class AnnealedLangevinSampler extends ComposedSampler {
    private final Control control;
    private final DiffusionSchedule sigma;
    private final double priorStd;
    private final AnnealingSchedule schedule;

    AnnealedLangevinSampler(Target target, TimeGrid grid, IsotropicGaussian prior, EulerMaruyamaForward forward,
                            EulerMaruyamaBackward backward, Control control, DiffusionSchedule sigma, double priorStd,
                            AnnealingSchedule schedule) {
        super(target, grid, prior, forward, backward, KernelRatio.of(backward, prior, target::logDensity),
                control.parameters());
        this.control = control;
        this.sigma = sigma;
        this.priorStd = priorStd;
        this.schedule = schedule;
    }

    /** {@code p_prior = N(0, s² I)}, after checking {@code s}. */
    static IsotropicGaussian prior(String family, Target target, double priorStd) {
        if (!(priorStd > 0) || !Double.isFinite(priorStd)) {
            throw new IllegalArgumentException(family + ": prior std s = " + priorStd + "; must be finite and > 0");
        }
        return IsotropicGaussian.centred(target.dimension(), priorStd);
    }

    /** The diffusion coefficient {@code √2 σ_t}, after checking {@code σ_{t_n} > 0} at every grid time. */
    static DiffusionSchedule langevinNoise(String family, DiffusionSchedule sigma, TimeGrid grid) {
        for (int n = 0; n <= grid.steps(); n++) {
            double s = sigma.sigma(grid.time(n));
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException(family + ": σ(t_" + n + " = " + grid.time(n) + ") = " + s
                        + "; must be finite and > 0 at every grid time");
            }
        }
        return new ScaledSchedule(sigma, Math.sqrt(2.0));
    }

    /** The learned drift. */
    public Control control() {
        return control;
    }

    /** The annealing schedule {@code β}. */
    public AnnealingSchedule schedule() {
        return schedule;
    }

    /** {@code σ_t}. */
    public DiffusionSchedule sigma() {
        return sigma;
    }

    /** {@code s} of {@code p_prior = N(0, s² I)}. */
    public double priorStd() {
        return priorStd;
    }
}
