package org.girsanov.samplers.nets;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.annealed.AnnealingPath;
import org.girsanov.samplers.control.Control;
import org.girsanov.sde.rnd.DivergenceEstimator;

/**
 * The PINN residual of NETS (Albergo &amp; Vanden-Eijnden, "NETS: A Non-Equilibrium Transport Sampler", ICML 2025,
 * arXiv:2410.02711; docs/math.md §6): along the annealing path {@code π_t = π̃_t / Z_t}, {@code F_t = log Z_t},
 * <pre>
 *   R(x, t) = ∂_t log π̃_t(x) + ∇·b_θ(x, t) + b_θ(x, t)·∇log π̃_t(x) − ∂_t F_φ(t),
 *   ∂_t log π̃_t(x) = β'_t (log ρ(x) − log p_prior(x)).
 * </pre>
 * Dividing the continuity equation {@code ∂_t π_t + ∇·(π_t b) = 0} by {@code π_t} gives
 * {@code ∂_t log π_t + ∇·b + b·∇log π_t = 0}, and {@code log π_t = log π̃_t − F_t}: so {@code R ≡ 0} exactly when
 * {@code b} transports {@code π_t} and {@code ∂_t F_φ = ∂_t log Z_t}. For any {@code b}, the {@code G} minimising
 * {@code E_{π_t}[R²]} is {@code E_{π_t}[∂_t log π̃_t] + E_{π_t}[∇·b + b·∇log π_t] = ∂_t log Z_t + 0} (integration by
 * parts), so the learned free energy estimates {@code log Z_t} at the transport's own optimum.
 *
 * <p>The points are detached constants; {@code ∇·b_θ} is taken with respect to a fresh leaf holding them, by a
 * {@link DivergenceEstimator} (exact, or Hutchinson), and like every term it stays differentiable in {@code θ} and
 * {@code φ}. The score {@code ∇log π̃_t} and {@code ∂_t log π̃_t} do not depend on the parameters.
 */
public final class TransportResidual implements PointResidual {
    private final AnnealingPath path;
    private final Control transport;
    private final FreeEnergyRate freeEnergy;

    /**
     * @param path       {@code π̃_t}
     * @param transport  {@code b_θ}
     * @param freeEnergy {@code ∂_t F_φ}
     */
    public TransportResidual(AnnealingPath path, Control transport, FreeEnergyRate freeEnergy) {
        this.path = Objects.requireNonNull(path, "TransportResidual: path must not be null");
        this.transport = Objects.requireNonNull(transport, "TransportResidual: transport must not be null");
        this.freeEnergy = Objects.requireNonNull(freeEnergy, "TransportResidual: freeEnergy must not be null");
    }

    @Override
    public Var residual(Tape t, DMatrixRMaj points, double time, DivergenceEstimator divergence) {
        Var x = t.input(points);
        Var b = transport.apply(t, x, time);
        Var fixed = t.constant(points);
        Var transportTerms = t.add(divergence.apply(t, b, x), t.sumCols(t.mul(b, path.score(t, fixed, time))));
        return t.sub(t.add(path.logDensityRate(t, fixed, time), transportTerms), freeEnergy.rate(t, time));
    }

    /** {@code φ} of {@code ∂_t F_φ}. */
    @Override
    public List<Parameter> parameters() {
        return freeEnergy.parameters();
    }

    /** {@code ∂_t F_φ}. */
    public FreeEnergyRate freeEnergy() {
        return freeEnergy;
    }

    /** {@code b_θ}. */
    public Control transport() {
        return transport;
    }

    /** {@code π̃_t}. */
    public AnnealingPath path() {
        return path;
    }
}
