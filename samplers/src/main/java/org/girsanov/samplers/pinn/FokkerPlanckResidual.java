package org.girsanov.samplers.pinn;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.nets.PointResidual;
import org.girsanov.sde.rnd.DivergenceEstimator;

/**
 * The residual of the log-space Fokker–Planck equation of the PINN sampler (Sun et al., "Dynamical measure transport
 * and neural PDE solvers for sampling", 2024, arXiv:2407.07873; docs/math.md §6). For {@code dX = b dt + σ dW} the
 * density solves {@code ∂_t p = −∇·(p b) + (σ²/2) Δp}; dividing by {@code p}, with
 * {@code Δp / p = Δlog p + |∇log p|²}, the log-density {@code u = log p} solves
 * <pre>
 *   R(x, t) = ∂_t u + ∇·b + b·∇u − (σ²/2) (Δu + |∇u|²) = 0.
 * </pre>
 * So {@code R ≡ 0} exactly when {@code u} is the log of the SDE's marginals (given {@code u(·, t_0) = log p_0}); a
 * closed-form Gaussian pair is tested. All four derivatives are tape values at a fresh leaf holding the detached
 * points: {@code ∇u} and {@code ∂_t u} by one recorded gradient in {@code (x, t)} (the time is a column of the
 * batch), {@code Δu = ∇·(∇u)} and {@code ∇·b} by a {@link DivergenceEstimator} (exact, or Hutchinson with
 * independent probes for each), all differentiable in {@code θ} and {@code φ}.
 */
public final class FokkerPlanckResidual implements PointResidual {
    private final Control transport;
    private final LogDensityModel logDensity;
    private final double halfSigmaSquared;

    /**
     * @param transport  {@code b_θ}
     * @param logDensity {@code u_φ}
     * @param sigma      {@code σ > 0}
     */
    public FokkerPlanckResidual(Control transport, LogDensityModel logDensity, double sigma) {
        this.transport = Objects.requireNonNull(transport, "FokkerPlanckResidual: transport must not be null");
        this.logDensity = Objects.requireNonNull(logDensity, "FokkerPlanckResidual: logDensity must not be null");
        this.halfSigmaSquared = 0.5 * Pinn.checkSigma(sigma) * sigma;
    }

    @Override
    public Var residual(Tape t, DMatrixRMaj points, double time, DivergenceEstimator divergence) {
        Var x = t.input(points);
        Var s = t.input(LogDensityModel.column(points.numRows, time));
        Var[] du = t.grad(logDensity.logDensity(t, x, s), true, x, s);
        Var score = du[0];
        Var b = transport.apply(t, x, time);
        Var transportTerms = t.add(divergence.apply(t, b, x), t.sumCols(t.mul(b, score)));
        Var diffusionTerms = t.add(divergence.apply(t, score, x), t.sumCols(t.square(score)));
        return t.sub(t.add(du[1], transportTerms), t.scale(diffusionTerms, halfSigmaSquared));
    }
}
