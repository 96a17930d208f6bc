package org.girsanov.samplers.pde;

import java.util.Objects;
import java.util.Optional;
import org.girsanov.sde.DiagonalDiffusion;
import org.girsanov.sde.Drift;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaDiagonal;

/**
 * A Kolmogorov backward equation on {@code K × [0, T]} (docs/math.md §8):
 * <pre>
 *   ∂_t u = −½ tr(σσᵀ ∇²u) − μ · ∇u,    u(·, T) = φ,
 * </pre>
 * whose solution is, by the Feynman–Kac formula, {@code u(x, t) = E[φ(X_T) | X_t = x]} for the SDE
 * {@code dX = μ(X, t) dt + σ(X, t) dW}. The user gives {@code μ} ({@link Drift}), the diagonal of {@code σ}
 * ({@link DiagonalDiffusion}), {@code φ} ({@link TerminalCondition}), the horizon {@code T} and the box {@code K};
 * paths are simulated by the engine's Euler–Maruyama kernel ({@link EulerMaruyamaDiagonal}).
 *
 * @param name      for reports
 * @param drift     {@code μ(x, t)}
 * @param diffusion the diagonal {@code s(x, t)} of {@code σ(x, t)}
 * @param terminal  {@code φ}
 * @param horizon   {@code T > 0}
 * @param domain    {@code K}
 * @param exact     the closed form of {@code u}, or {@code null} when there is none
 */
public record KolmogorovProblem(String name, Drift drift, DiagonalDiffusion diffusion, TerminalCondition terminal,
                                double horizon, Box domain, ExactSolution exact) {

    public KolmogorovProblem {
        Objects.requireNonNull(name, "KolmogorovProblem: name must not be null");
        Objects.requireNonNull(drift, "KolmogorovProblem: drift must not be null");
        Objects.requireNonNull(diffusion, "KolmogorovProblem: diffusion must not be null");
        Objects.requireNonNull(terminal, "KolmogorovProblem: terminal condition must not be null");
        Objects.requireNonNull(domain, "KolmogorovProblem: domain must not be null");
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("KolmogorovProblem: horizon = " + horizon + "; must be finite and > 0");
        }
    }

    /** A problem without a closed form. */
    public KolmogorovProblem(String name, Drift drift, DiagonalDiffusion diffusion, TerminalCondition terminal,
                             double horizon, Box domain) {
        this(name, drift, diffusion, terminal, horizon, domain, null);
    }

    /** {@code d}. */
    public int dimension() {
        return domain.dimension();
    }

    /** The closed form, when there is one. */
    public Optional<ExactSolution> exactSolution() {
        return Optional.ofNullable(exact);
    }

    /** The Euler–Maruyama kernel of the SDE on the uniform grid of {@code steps} steps over {@code [0, T]}. */
    public EulerMaruyamaDiagonal kernel(int steps) {
        return new EulerMaruyamaDiagonal(drift, diffusion, TimeGrid.uniform(horizon, steps));
    }
}
