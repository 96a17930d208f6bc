package org.girsanov.samplers.nets;

import java.util.Objects;

/**
 * The NETS loss (Albergo &amp; Vanden-Eijnden, ICML 2025; docs/math.md §6): the mean squared PINN residual of the
 * continuity equation ({@link TransportResidual}) at replayed detached states ({@link ReplayResidualLoss}),
 * <pre>
 *   L(θ, φ) = (1/B) Σ_i R_{θ,φ}(x_i, t_{n_i})²,     x_i ~ buffer at t_{n_i},
 * </pre>
 * with {@code ∇·b_θ} exact or by Hutchinson. Its own parameters are {@code φ} of {@link FreeEnergyRate}
 * (checkpointed with the model).
 */
public final class NetsLoss extends ReplayResidualLoss {
    private final TransportResidual transportResidual;

    /**
     * @param model        the sampler, whose {@code b_θ} and path the residual uses
     * @param freeEnergy   {@code ∂_t F_φ}
     * @param probes       {@code 0}: exact divergence; {@code m ≥ 1}: Hutchinson with {@code m} Rademacher probes
     * @param capacity     states kept per grid time
     * @param refreshEvery iterations between refreshes of the buffer
     * @param refreshPaths paths simulated per refresh
     */
    public NetsLoss(Nets model, FreeEnergyRate freeEnergy, int probes, int capacity, int refreshEvery, int refreshPaths) {
        this(Objects.requireNonNull(model, "NetsLoss: model must not be null"),
                new TransportResidual(model.path(), model.transport(), freeEnergy), probes, capacity, refreshEvery,
                refreshPaths);
    }

    private NetsLoss(Nets model, TransportResidual residual, int probes, int capacity, int refreshEvery,
                     int refreshPaths) {
        super("nets", model, residual, probes, capacity, refreshEvery, refreshPaths);
        this.transportResidual = residual;
    }

    /** The residual. */
    public TransportResidual residual() {
        return transportResidual;
    }

    /** The learned {@code log Z = F_φ(T)} on the training grid. */
    public double learnedLogZ() {
        double[] f = transportResidual.freeEnergy().freeEnergies(grid());
        return f[f.length - 1];
    }
}
