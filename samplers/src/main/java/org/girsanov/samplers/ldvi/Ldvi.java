package org.girsanov.samplers.ldvi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * Langevin diffusion variational inference (Geffner &amp; Domke, "MCMC variational inference via uncorrected
 * Hamiltonian annealing", NeurIPS 2021; "Langevin diffusion variational inference", AISTATS 2023): the underdamped
 * version of {@link org.girsanov.samplers.families.Mcd}. The state is {@code (x, v) ∈ R^{2d}}, {@code x_0 ~ p_prior =
 * N(0, s² I)}, {@code v_0 ~ N(0, I)}; each of the {@code K} annealing steps along {@code π_t ∝ p_prior^{1−β_t} ρ^{β_t}}
 * ({@link AnnealingPath}) is an uncorrected O–BAB–O step of the underdamped Langevin dynamics (partial momentum
 * refresh, leapfrog on {@code ∇log π_t}, partial refresh; {@link ObaboDynamics}, {@link ObaboForward}), the backward
 * kernels reverse the leapfrog exactly and the refreshes with a learned momentum correction {@code s_θ}
 * ({@link ObaboBackward}), and the log-weight is the ratio of the refreshes' Gaussian densities
 * ({@link PhaseSpaceRatio}), so that {@code E[w] = Z} and {@code E[log w] ≤ log Z} for any {@code s_θ}, step
 * {@code h} and friction {@code γ}. With {@code s_θ = 0} this is uncorrected Hamiltonian annealed importance sampling
 * (UHA), path by path.
 *
 * <p>The sampler lives on the phase space: {@link #target()} is {@code ρ(x) N(v; 0, I)} ({@link PhaseSpaceTarget},
 * same {@code Z}), {@link #dimension()} is {@code 2d}, and {@link #positions} keeps the {@code x} half of its states.
 * Its {@link #grid()} has {@code 3K} steps (O, BAB, O per annealing step); the annealing grid is every third time.
 * Trained with KL (the paper's ELBO, reparametrised through the leapfrogs) or any path-space loss of the engine.
 */
public final class Ldvi implements Sampler {
    /** Geffner &amp; Domke's initial leapfrog step (learned in the paper; fixed here unless asked). */
    public static final double DEFAULT_STEP = 0.1;
    /** The default friction {@code γ}: {@code η = exp(−γh/2) ≈ 0.95} at the default step. */
    public static final double DEFAULT_FRICTION = 1.0;

    private final PhaseSpaceTarget target;
    private final Control correction;
    private final double priorStd;
    private final AnnealingSchedule schedule;
    private final ObaboCoefficients coefficients;
    private final TimeGrid grid;
    private final Distribution prior;
    private final ObaboForward forward;
    private final ObaboBackward backward;
    private final PhaseSpaceRatio logWeight;

    /**
     * @param target     {@code ρ} on {@code R^d}
     * @param annealing  the annealing grid {@code t_0 < … < t_K} ({@code K} O–BAB–O steps)
     * @param correction {@code s_θ: (x, v, t) ↦ R^d}, input {@code 2d}, output {@code d}
     * @param step       the leapfrog step {@code h > 0}
     * @param friction   {@code γ > 0}
     * @param priorStd   {@code s > 0} of {@code p_prior = N(0, s² I)}
     * @param schedule   {@code β}, strictly increasing from 0 to 1 over the annealing grid
     * @param learnCoefficients whether {@code h} and {@code γ} are learned (from the given values)
     * @throws IllegalArgumentException naming the argument and its allowed values otherwise
     */
    public Ldvi(Target target, TimeGrid annealing, Control correction, double step, double friction, double priorStd,
                AnnealingSchedule schedule, boolean learnCoefficients) {
        this(target, thirds(annealing), correction, priorStd, schedule, new ObaboCoefficients(step, friction, learnCoefficients));
    }

    /** The defaults: {@code h = 0.1}, {@code γ = 1}, {@code p_prior = N(0, I)}, linear {@code β}, fixed {@code h, γ}. */
    public Ldvi(Target target, TimeGrid annealing, Control correction) {
        this(target, annealing, correction, DEFAULT_STEP, DEFAULT_FRICTION, 1.0, AnnealingSchedule.linear(), false);
    }

    private Ldvi(Target target, TimeGrid grid, Control correction, double priorStd, AnnealingSchedule schedule,
                 ObaboCoefficients coefficients) {
        Objects.requireNonNull(target, "LDVI: target must not be null");
        Objects.requireNonNull(schedule, "LDVI: schedule must not be null");
        this.correction = Objects.requireNonNull(correction, "LDVI: correction s_θ must not be null");
        if (!(priorStd > 0) || !Double.isFinite(priorStd)) {
            throw new IllegalArgumentException("LDVI: prior std s = " + priorStd + "; must be finite and > 0");
        }
        int d = target.dimension();
        this.target = new PhaseSpaceTarget(target);
        this.priorStd = priorStd;
        this.schedule = schedule;
        this.coefficients = coefficients;
        this.grid = grid;
        IsotropicGaussian positions = IsotropicGaussian.centred(d, priorStd);
        AnnealingPath path = new AnnealingPath(positions, target, schedule, annealingGrid(grid));
        ObaboDynamics dynamics = new ObaboDynamics(path, grid, coefficients, d);
        this.prior = priorStd == 1.0 ? IsotropicGaussian.centred(2 * d, 1.0) : new PhaseSpacePrior(positions);
        this.forward = new ObaboForward(dynamics);
        this.backward = new ObaboBackward(dynamics, correction);
        this.logWeight = new PhaseSpaceRatio(forward, backward, prior, this.target::logDensity);
    }

    /** The grid of the kernels: every annealing step cut into three equal engine steps. */
    static TimeGrid thirds(TimeGrid annealing) {
        Objects.requireNonNull(annealing, "LDVI: grid must not be null");
        double[] p = new double[3 * annealing.steps() + 1];
        for (int k = 0; k < annealing.steps(); k++) {
            double a = annealing.time(k);
            double dt = annealing.dt(k);
            p[3 * k] = a;
            p[3 * k + 1] = a + dt / 3;
            p[3 * k + 2] = a + 2 * dt / 3;
        }
        p[p.length - 1] = annealing.end();
        return TimeGrid.of(p);
    }

    /** Every third time of the kernels' grid: the annealing grid. */
    static TimeGrid annealingGrid(TimeGrid grid) {
        if (grid.steps() % 3 != 0 || grid.steps() == 0) {
            throw new IllegalArgumentException("LDVI: the kernels' grid has " + grid.steps()
                    + " steps; must be 3K, K >= 1 (O, BAB and O per annealing step)");
        }
        double[] p = new double[grid.steps() / 3 + 1];
        for (int k = 0; k < p.length; k++) {
            p[k] = grid.time(3 * k);
        }
        return TimeGrid.of(p);
    }

    @Override
    public String name() {
        return "ldvi";
    }

    /** The phase-space target {@code ρ(x) N(v; 0, I)}. */
    @Override
    public PhaseSpaceTarget target() {
        return target;
    }

    /** The kernels' grid, {@code 3K} steps. */
    @Override
    public TimeGrid grid() {
        return grid;
    }

    /** {@code N(0, s² I) ⊗ N(0, I)}: for {@code s = 1} the isotropic {@code N(0, I_{2d})} itself. */
    @Override
    public Distribution prior() {
        return prior;
    }

    @Override
    public GaussianKernel forward() {
        return forward;
    }

    @Override
    public MarkovKernel backward() {
        return backward;
    }

    @Override
    public LogWeightForm logWeight() {
        return logWeight;
    }

    /**
     * The same sampler on another kernels' grid of {@code 3K'} steps (its every third time is the annealing grid);
     * parameters, {@code h} and {@code γ} are shared.
     */
    @Override
    public Ldvi withGrid(TimeGrid g) {
        return new Ldvi(target.positionTarget(), g, correction, priorStd, schedule, coefficients);
    }

    /** {@code s_θ}'s parameters, then {@code log h} and {@code log γ} when they are learned. */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(correction.parameters());
        all.addAll(coefficients.parameters());
        return List.copyOf(all);
    }

    /** The positions {@code x} of phase-space states {@code [x | v]}. */
    @Override
    public DMatrixRMaj positions(DMatrixRMaj states) {
        return PhaseSpaceTarget.positions(states);
    }

    /** Target-space points with momenta {@code v ~ N(0, I)} drawn from {@code rng}: states of {@link #target()}. */
    @Override
    public DMatrixRMaj lift(DMatrixRMaj points, UniformRandomProvider rng) {
        return PhaseSpaceTarget.withMomenta(points, rng);
    }

    /** The learned correction {@code s_θ}. */
    public Control correction() {
        return correction;
    }

    /** The current leapfrog step {@code h}. */
    public double step() {
        return coefficients.stepValue();
    }

    /** The current friction {@code γ}. */
    public double friction() {
        return coefficients.frictionValue();
    }

    /** Whether {@code h} and {@code γ} are learned. */
    public boolean learnsCoefficients() {
        return coefficients.learned();
    }

    /** {@code s} of {@code p_prior = N(0, s² I)}. */
    public double priorStd() {
        return priorStd;
    }

    /** The annealing schedule {@code β}. */
    public AnnealingSchedule schedule() {
        return schedule;
    }
}
