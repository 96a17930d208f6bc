package org.girsanov.samplers.pinn;

import java.util.Objects;
import org.girsanov.samplers.nets.ReplayResidualLoss;

/**
 * The PINN loss (Sun et al. 2024, arXiv:2407.07873; docs/math.md §6): the mean squared log-space Fokker–Planck
 * residual ({@link FokkerPlanckResidual}) at detached states replayed from the sampler's own trajectories, the
 * replay, time stratification and random streams of NETS ({@link ReplayResidualLoss}):
 * <pre>
 *   L(θ, φ) = (1/B) Σ_i R_{θ,φ}(x_i, t_{n_i})²,     x_i ~ buffer at t_{n_i}.
 * </pre>
 * The boundary conditions are built into {@code u_φ} ({@link LogDensityNet}), so there is no boundary term; all
 * parameters ({@code θ} of {@code b}, {@code φ} of {@code u} with {@code c_φ = log Z}) are the sampler's.
 */
public final class PinnLoss extends ReplayResidualLoss {
    private final Pinn model;

    /**
     * @param model        the sampler, whose {@code b_θ}, {@code u_φ} and {@code σ} the residual uses
     * @param probes       {@code 0}: exact {@code ∇·b} and {@code Δu}; {@code m ≥ 1}: Hutchinson with {@code m} probes
     * @param capacity     states kept per grid time
     * @param refreshEvery iterations between refreshes of the buffer
     * @param refreshPaths paths simulated per refresh
     */
    public PinnLoss(Pinn model, int probes, int capacity, int refreshEvery, int refreshPaths) {
        super("pinn", Objects.requireNonNull(model, "PinnLoss: model must not be null"),
                new FokkerPlanckResidual(model.transport(), model.logDensity(), model.sigma()), probes, capacity,
                refreshEvery, refreshPaths);
        this.model = model;
    }

    /** The learned {@code log Z = c_φ}, or NaN when {@code u} is not a {@link LogDensityNet}. */
    public double learnedLogZ() {
        return model.logDensity() instanceof LogDensityNet net ? net.learnedLogZ() : Double.NaN;
    }
}
