package org.girsanov.samplers.families;

import java.util.ArrayList;
import java.util.List;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.ExactReversal;
import org.girsanov.sde.kernel.ExactTransition;
import org.girsanov.sde.kernel.LearnedGaussianKernel;
import org.girsanov.sde.rnd.KernelRatio;

/**
 * A discrete-time GFlowNet-style diffusion sampler (Zhang et al. 2023, Sendera et al. NeurIPS 2024) as a pair
 * of the SDE module: forward Gaussian kernels whose means <em>and</em> variances are learned
 * ({@link LearnedGaussianKernel}),
 * <pre>
 *   p→_n(x_{n+1}|x_n) = N(x_n + σ u(x_n,t_n) Δt,  σ²Δt · exp(2 κ tanh c(x_n,t_n)) )   (per coordinate),
 * </pre>
 * from {@code x_0 = 0}, and the fixed Brownian-bridge backward kernels of PIS ({@link ExactReversal}),
 * {@code p←_n(x_n|x_{n+1}) = N((t_n/t_{n+1}) x_{n+1}, σ² t_n Δt_n/t_{n+1} I)}, whose last step is the point
 * mass at 0 that cancels the prior's: {@code log w = log ρ(x_N) + Σ_{n≥1} log p←_n − Σ_n log p→_n}
 * ({@link KernelRatio#fromPoint}). The variance factor is bounded by {@code e^{±κ}} ({@code κ = 0.5}).
 * Trained with TB, sub-TB or DB.
 */
public final class Gfn extends ComposedSampler {
    private static final double KAPPA = 0.5;
    private final Control meanControl;
    private final Control varianceControl;
    private final double sigma;

    public Gfn(Target target, TimeGrid grid, Control meanControl, Control varianceControl, double sigma) {
        this(target, grid, meanControl, varianceControl, sigma, Pis.reference(target, grid, sigma));
    }

    private Gfn(Target target, TimeGrid grid, Control meanControl, Control varianceControl, double sigma,
                ExactTransition ref) {
        this(target, grid, meanControl, varianceControl, sigma, ref, new ExactReversal(ref.process(), grid));
    }

    private Gfn(Target target, TimeGrid grid, Control meanControl, Control varianceControl, double sigma,
                ExactTransition ref, ExactReversal backward) {
        super(target, grid, ref.process().initial(), forward(grid, meanControl, varianceControl, sigma), backward,
                KernelRatio.fromPoint(backward, target::logDensity), parameters(meanControl, varianceControl));
        this.meanControl = meanControl;
        this.varianceControl = varianceControl;
        this.sigma = sigma;
    }

    /** Mean {@code x + σ u Δt}, log-variance {@code log(σ²Δt) + 2κ tanh c}. */
    private static LearnedGaussianKernel forward(TimeGrid grid, Control u, Control c, double sigma) {
        return new LearnedGaussianKernel(
                (Tape t, Var x, int n) -> t.add(x, t.scale(u.apply(t, x, grid.time(n)), sigma * grid.dt(n))),
                (Tape t, Var x, int n) -> t.addScalar(t.scale(t.tanh(c.apply(t, x, grid.time(n))), 2 * KAPPA),
                        Math.log(sigma * sigma * grid.dt(n))),
                grid, Direction.FORWARD);
    }

    private static List<Parameter> parameters(Control u, Control c) {
        List<Parameter> all = new ArrayList<>(u.parameters());
        all.addAll(c.parameters());
        return all;
    }

    @Override
    public String name() {
        return "gfn";
    }

    @Override
    public Gfn withGrid(TimeGrid g) {
        return new Gfn(target, g, meanControl, varianceControl, sigma);
    }
}
