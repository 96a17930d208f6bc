package org.girsanov.samplers.families;

import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.ControlledTransition;
import org.girsanov.sde.kernel.ExactReversal;
import org.girsanov.sde.kernel.ExactTransition;
import org.girsanov.sde.rnd.ReferenceRatio;

/**
 * The Denoising Diffusion Sampler (Vargas, Grathwohl &amp; Doucet, ICLR 2023) as a pair of the SDE module:
 * <ul>
 *   <li>reference and prior: the VP Ornstein–Uhlenbeck process in its stationary law
 *       {@code π_ref = p_prior = N(0, σ² I)} ({@link VpReference});</li>
 *   <li>forward: the control added to the reference's exact transitions (exponential integrator),
 *       {@code x_{n+1} = a_n x_n + s_n √Δt_n u(x_n, t_n) + s_n ξ} ({@link ControlledTransition});</li>
 *   <li>backward: the same OU, reversible in {@code π_ref}, started at the target ({@link ExactReversal});</li>
 *   <li>log-weight: the telescoped form ({@link ReferenceRatio}).</li>
 * </ul>
 */
public final class Dds extends ComposedSampler {
    private final Control control;
    private final VpReference vp;

    public Dds(Target target, TimeGrid grid, Control control, double sigma, double betaMin, double betaMax) {
        this(target, grid, control, new VpReference(sigma, betaMin, betaMax));
    }

    private Dds(Target target, TimeGrid grid, Control control, VpReference vp) {
        this(target, grid, control, vp, vp.transitions(target.dimension(), grid));
    }

    private Dds(Target target, TimeGrid grid, Control control, VpReference vp,
                ExactTransition ref) {
        super(target, grid, ref.process().initial(),
                new ControlledTransition(ref, control::apply, ControlledTransition.integratorGains(ref)),
                new ExactReversal(ref.process(), grid),
                new ReferenceRatio(ref, ref.process().initial(), target::logDensity),
                control.parameters());
        this.control = control;
        this.vp = vp;
    }

    @Override
    public String name() {
        return "dds";
    }

    @Override
    public Dds withGrid(TimeGrid g) {
        return new Dds(target, g, control, vp);
    }
}
