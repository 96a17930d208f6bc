package org.girsanov.samplers.families;

import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.ControlledTransition;
import org.girsanov.sde.kernel.ExactReversal;
import org.girsanov.sde.kernel.ExactTransition;
import org.girsanov.sde.process.ScaledBrownianMotion;
import org.girsanov.sde.rnd.ReferenceRatio;

/**
 * The Path Integral Sampler (Zhang &amp; Chen, ICLR 2022) as a pair of the SDE module:
 * <ul>
 *   <li>reference: Brownian motion {@code dX = σ dW} from {@code δ_0} ({@link ScaledBrownianMotion}), law
 *       {@code π_ref = N(0, σ²T I)} at time T;</li>
 *   <li>forward: the Euler step of {@code dX = σ u dt + σ dW},
 *       {@code p→_n = N(x_n + σ u(x_n, t_n) Δt_n, σ²Δt_n I)} ({@link ControlledTransition});</li>
 *   <li>backward: the reference's exact reversal, the Brownian bridge to 0,
 *       {@code p←_n = N((t_n/t_{n+1}) x_{n+1}, σ² t_n Δt_n / t_{n+1} I)} ({@link ExactReversal});</li>
 *   <li>log-weight: the telescoped form ({@link ReferenceRatio}), on-policy {@code −½|u|²Δt − u·ΔW} per step.</li>
 * </ul>
 * Reference protocol (Richter &amp; Berner ICLR 2024): {@code σ = √0.2}, {@code T = 5}.
 */
public final class Pis extends ComposedSampler {
    private final Control control;
    private final double sigma;

    public Pis(Target target, TimeGrid grid, Control control, double sigma) {
        this(target, grid, control, sigma, reference(target, grid, sigma));
    }

    private Pis(Target target, TimeGrid grid, Control control, double sigma, ExactTransition ref) {
        super(target, grid, ref.process().initial(),
                new ControlledTransition(ref, control::apply, ControlledTransition.eulerGains(ref)),
                new ExactReversal(ref.process(), grid),
                new ReferenceRatio(ref, ref.process().marginal(grid.end()), target::logDensity),
                control.parameters());
        this.control = control;
        this.sigma = sigma;
    }

    /** The exact transitions of {@code dX = σ dW} from {@code δ_0} on {@code grid}. */
    static ExactTransition reference(Target target, TimeGrid grid, double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("PIS: sigma = " + sigma + "; must be finite and > 0");
        }
        if (grid.start() != 0.0) {
            throw new IllegalArgumentException("PIS: the grid must start at t = 0; got " + grid.start());
        }
        return new ExactTransition(new ScaledBrownianMotion(new ConstantSchedule(sigma),
                IsotropicGaussian.point(new double[target.dimension()])), grid);
    }

    /** The control {@code u}. */
    public Control control() {
        return control;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public String name() {
        return "pis";
    }

    @Override
    public Pis withGrid(TimeGrid g) {
        return new Pis(target, g, control, sigma);
    }
}
