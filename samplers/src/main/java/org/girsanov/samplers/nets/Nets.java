package org.girsanov.samplers.nets;

import java.util.Objects;
import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.families.Cmcd;
import org.girsanov.samplers.families.ForwardingSampler;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;

/**
 * The nonequilibrium transport sampler (NETS; Albergo &amp; Vanden-Eijnden, "NETS: A Non-Equilibrium Transport
 * Sampler", ICML 2025, arXiv:2410.02711): along the annealing path {@code π_t ∝ p_prior^{1−β_t} ρ^{β_t}} from {@code p_prior = N(0, s² I)},
 * <pre>
 *   dX = (b_θ(X, t) + ε ∇log π_t(X)) dt + √(2ε) dW,     X_0 ~ p_prior,
 * </pre>
 * which is exactly the forward SDE of {@link Cmcd} with {@code f_θ = b_θ} and {@code σ_t² = ε}. So this sampler
 * <em>is</em> that CMCD pair, named {@code nets}: the same Euler–Maruyama kernels, the same kernel-ratio log-weight
 * (the discrete Jarzynski / Crooks weight, {@code E[w] = Z}), hence {@code log Z}, ESS and every metric as for every
 * family. What differs is how {@code b_θ} is trained: by the residual of the continuity equation
 * ({@link TransportResidual}, {@link NetsLoss}) instead of a divergence between path measures. The transport drift
 * is a plain network (no Langevin term inside {@code b_θ}: the sampler's {@code ε∇log π_t} is that term, and the
 * residual needs {@code ∇·b_θ} exactly).
 */
public final class Nets extends ForwardingSampler {
    private final Control transport;
    private final double epsilon;
    private final double priorStd;
    private final AnnealingPath path;

    /**
     * @param transport {@code b_θ(x, t)}
     * @param epsilon   {@code ε > 0}, the Langevin step rate of the escort (the CMCD {@code σ²})
     * @param priorStd  {@code s > 0} of {@code p_prior = N(0, s² I)}
     * @param schedule  {@code β}, strictly increasing from 0 to 1 over the grid, with a derivative
     * @throws IllegalArgumentException naming the offending argument and its allowed values
     */
    public Nets(Target target, TimeGrid grid, Control transport, double epsilon, double priorStd,
                AnnealingSchedule schedule) {
        super(new Cmcd(target, grid, transport, new ConstantSchedule(Math.sqrt(checkEpsilon(epsilon))),
                checkPriorStd(priorStd), Objects.requireNonNull(schedule, "NETS: schedule must not be null")));
        this.transport = transport;
        this.epsilon = epsilon;
        this.priorStd = priorStd;
        this.path = new AnnealingPath(IsotropicGaussian.centred(target.dimension(), priorStd), target, schedule, grid);
    }

    private static double checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("NETS: epsilon = " + epsilon + "; the Langevin rate ε must be finite and"
                    + " > 0 (the kernels' variance 2εΔt; ε = 0 has no kernel-ratio weight)");
        }
        return epsilon;
    }

    private static double checkPriorStd(double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("NETS: prior std s = " + s + "; must be finite and > 0");
        }
        return s;
    }

    /** The transport drift {@code b_θ}. */
    public Control transport() {
        return transport;
    }

    /** {@code ε}. */
    public double epsilon() {
        return epsilon;
    }

    /** The annealing path {@code π̃_t} on this sampler's horizon. */
    public AnnealingPath path() {
        return path;
    }

    @Override
    public String name() {
        return "nets";
    }

    @Override
    public Nets withGrid(TimeGrid grid) {
        return new Nets(target(), grid, transport, epsilon, priorStd, path.schedule());
    }
}
