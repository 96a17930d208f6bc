package org.girsanov.samplers.families;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.marginal.MixtureNoisingProcess;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.kernel.ExactReversal;
import org.girsanov.sde.rnd.ReferenceRatio;

/**
 * The Learned Reference-based Diffusion Sampler (LRDS; Noble, Grenioux, Gabrié &amp; Durmus 2024; docs/math.md §6,
 * "Reference from data") as a pair of the SDE module. A Gaussian mixture {@code π_ref} fitted to MCMC samples
 * ({@link org.girsanov.samplers.mixture.BicSelection}) is noised by the VP Ornstein–Uhlenbeck process
 * ({@link MixtureNoisingProcess}, linear {@code β} over {@code [0, T]}); the time reversal of that noising, whose score
 * {@code ∇log p^ref_τ} is in closed form, is the reference, and the control {@code φ} corrects it towards the target:
 * <ul>
 *   <li>prior: {@code p^ref_T}, the noised mixture at the end of the noising, sampled exactly;</li>
 *   <li>forward: {@link MixtureReversalStep} with the control,
 *       {@code x_{n+1} = e^{B_n} x_n + 2σ²(e^{B_n} − 1) ∇log p^ref_{τ_n}(x_n) + s_n√Δt_n φ(x_n, t_n) + s_n ξ};</li>
 *   <li>backward: the exact OU noising transitions {@code N(x_n; e^{−B_n} x_{n+1}, σ²(1 − e^{−2B_n}) I)};</li>
 *   <li>log-weight: the telescoped form with the reference kernels ({@link ReferenceRatio}):
 *       {@code log w = log ρ(x_N) − log π_ref(x_N) + Σ_n [log p^ref_n − log p→_n]}, on the sampler's own paths
 *       {@code −Σ_n [½|φ|²Δt_n + φ·√Δt_n ξ_n] + log ρ(x_N) − log π_ref(x_N)}; the log-variance loss of
 *       this is the LRDS objective {@code Var[∫ ½|φ|² dt + φᵀ dB + log π_ref(Y_T) − log π(Y_T)]}.</li>
 * </ul>
 * With {@code φ = 0} and {@code ρ ∝ π_ref} every path has the same weight on every grid. In continuous time
 * {@code E[w] = Z}; on a grid the reference chain ends only approximately in {@code π_ref} (the integrator's error),
 * so the estimators of {@code log Z} carry that discretisation bias, vanishing as {@code Δt → 0}.
 */
public final class Lrds extends ComposedSampler {
    private final Control control;
    private final GaussianMixture reference;
    private final VpReference vp;

    /**
     * @param reference {@code π_ref}, e.g. an EM fit to MCMC samples of the target
     * @param sigma     the OU's stationary standard deviation {@code σ_∞}
     */
    public Lrds(Target target, TimeGrid grid, Control control, GaussianMixture reference, double sigma,
                double betaMin, double betaMax) {
        this(target, grid, control, reference, new VpReference(sigma, betaMin, betaMax));
    }

    private Lrds(Target target, TimeGrid grid, Control control, GaussianMixture reference, VpReference vp) {
        this(target, grid, control, reference, vp, new MixtureNoisingProcess(reference,
                new VpLinearSchedule(vp.sigma(), vp.betaMin(), vp.betaMax(), grid.end())));
    }

    private Lrds(Target target, TimeGrid grid, Control control, GaussianMixture reference, VpReference vp,
                 MixtureNoisingProcess noising) {
        super(target, grid, new MixtureDistribution(noising.marginal(grid.end())),
                new MixtureReversalStep(noising, grid, control::apply),
                new ExactReversal(vp.transitions(target.dimension(), grid).process(), grid),
                new ReferenceRatio(new MixtureReversalStep(noising, grid, null), reference::logDensity, target::logDensity),
                control.parameters());
        if (reference.dimension() != target.dimension()) {
            throw new IllegalArgumentException("lrds: the reference has dimension " + reference.dimension()
                    + " but target " + target.name() + " has " + target.dimension());
        }
        if (grid.start() != 0) {
            throw new IllegalArgumentException("lrds: the grid must start at 0; got " + grid);
        }
        this.control = control;
        this.reference = reference;
        this.vp = vp;
    }

    /** {@code π_ref}. */
    public GaussianMixture reference() {
        return reference;
    }

    /** {@code π_ref} as matrices: {@code reference/weights} (1 × K), {@code reference/means} (K × d), {@code reference/cov/k}. */
    @Override
    public Map<String, DMatrixRMaj> fitted() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        double[] w = reference.weights();
        DMatrixRMaj wm = new DMatrixRMaj(1, w.length);
        System.arraycopy(w, 0, wm.data, 0, w.length);
        m.put("reference/weights", wm);
        m.put("reference/means", reference.means());
        for (int k = 0; k < w.length; k++) {
            m.put("reference/cov/" + k, reference.covariance(k));
        }
        return m;
    }

    @Override
    public String name() {
        return "lrds";
    }

    @Override
    public Lrds withGrid(TimeGrid g) {
        return new Lrds(target, g, control, reference, vp);
    }
}
