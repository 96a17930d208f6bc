package org.girsanov.samplers.families;

import java.util.ArrayList;
import java.util.List;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.rnd.ControlledForm;
import org.girsanov.sde.rnd.ControlledSde;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.girsanov.sde.rnd.KernelRatio;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * The diffusion bridge sampler (Richter &amp; Berner, ICLR 2024) as a pair of the SDE module: both directions
 * are learned, in the controlled parametrisation ({@link ControlledSde}) with {@code f = 0} and constant
 * {@code σ}, {@code μ→ = σ u_θ}, {@code μ← = −σ v_φ}, prior {@code N(0, σ_0² I)}, and Euler–Maruyama kernels
 * <pre>
 *   p→_n(x_{n+1}|x_n) = N(x_n + σ u(x_n, t_n) Δt, σ²Δt I),   p←_n(x_n|x_{n+1}) = N(x_{n+1} + σ v(x_{n+1}, t_{n+1}) Δt, σ²Δt I).
 * </pre>
 * <b>Two forms of the log-weight.</b> By default ({@code divergence = null}) the Euler–Maruyama kernel ratio
 * ({@link KernelRatio}), which needs no divergence; with a {@link DivergenceEstimator}, the controlled Girsanov
 * form ({@link ControlledForm}), where the backward integral has become {@code Δt σ ∇·v}. Both converge to the
 * same continuous RND as {@code Δt → 0}; for a {@code v} constant in {@code x} they agree exactly.
 *
 * <p><b>Two speeds.</b> The inference control {@code v} learns at {@link #INFERENCE_LR_SCALE} times the rate of the
 * generative control {@code u}, as in the reference code: both directions are free, so a pair that has found one
 * mode is self-consistent (zero log-variance on the paths it visits); a slow {@code v} keeps the backward process
 * near its start while {@code u} learns to cover the target.
 */
public final class Bridge extends ComposedSampler {
    /**
     * Learning rate of the inference (backward) control relative to the generative (forward) one: 0.02, the
     * {@code param_groups} of the bridge in the reference code of Richter &amp; Berner (ICLR 2024).
     */
    public static final double INFERENCE_LR_SCALE = 0.02;

    private final Control forwardControl;
    private final Control backwardControl;
    private final double sigma;
    private final double priorStd;
    private final DivergenceEstimator divergence;

    /** The bridge with the Euler–Maruyama kernel-ratio log-weight (no divergence). */
    public Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl,
                  double sigma, double priorStd) {
        this(target, grid, forwardControl, backwardControl, sigma, priorStd, null);
    }

    /**
     * The bridge with the controlled-form log-weight and the divergence {@code ∇·v} by {@code divergence}
     * ({@code null}: the kernel-ratio form).
     */
    public Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl,
                  double sigma, double priorStd, DivergenceEstimator divergence) {
        this(target, grid, forwardControl, backwardControl, sigma, priorStd, divergence,
                controlled(forwardControl, backwardControl, sigma, priorStd),
                IsotropicGaussian.centred(target.dimension(), priorStd));
    }

    private Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl, double sigma,
                   double priorStd, DivergenceEstimator divergence, ControlledSde sde, IsotropicGaussian prior) {
        this(target, grid, forwardControl, backwardControl, sigma, priorStd, divergence, sde, prior,
                new EulerMaruyamaBackward(sde.backward(), grid));
    }

    private Bridge(Target target, TimeGrid grid, Control forwardControl, Control backwardControl, double sigma,
                   double priorStd, DivergenceEstimator divergence, ControlledSde sde, IsotropicGaussian prior,
                   EulerMaruyamaBackward backward) {
        super(target, grid, prior, new EulerMaruyamaForward(sde.forward(), grid), backward,
                logWeight(target, grid, sde, prior, backward, divergence),
                parameters(forwardControl, backwardControl));
        this.forwardControl = forwardControl;
        this.backwardControl = backwardControl;
        this.sigma = sigma;
        this.priorStd = priorStd;
        this.divergence = divergence;
    }

    private static ControlledSde controlled(Control u, Control v, double sigma, double priorStd) {
        if (!(sigma > 0) || !(priorStd > 0)) {
            throw new IllegalArgumentException("Bridge: sigma = " + sigma + ", priorStd = " + priorStd + "; both must be > 0");
        }
        return new ControlledSde(Drift.zero(), u::apply, v::apply, new ConstantSchedule(sigma));
    }

    private static LogWeightForm logWeight(Target target, TimeGrid grid, ControlledSde sde, IsotropicGaussian prior,
                                           EulerMaruyamaBackward backward, DivergenceEstimator divergence) {
        return divergence == null ? KernelRatio.of(backward, prior, target::logDensity)
                : new ControlledForm(sde, grid, divergence, prior, target::logDensity);
    }

    private static List<Parameter> parameters(Control u, Control v) {
        List<Parameter> all = new ArrayList<>(u.parameters());
        all.addAll(v.parameters());
        return all;
    }

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public double learningRateScale(Parameter p) {
        return backwardControl.parameters().contains(p) ? INFERENCE_LR_SCALE : 1.0;
    }

    @Override
    public Bridge withGrid(TimeGrid g) {
        return new Bridge(target, g, forwardControl, backwardControl, sigma, priorStd, divergence);
    }
}
