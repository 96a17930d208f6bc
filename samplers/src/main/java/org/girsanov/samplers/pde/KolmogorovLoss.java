package org.girsanov.samplers.pde;

/**
 * The regression losses of the Kolmogorov solver (docs/math.md §8), on detached Euler–Maruyama paths
 * {@code X_0 = ξ ~ U(K), …, X_N}:
 * <ul>
 *   <li>{@link #PLAIN}: Beck et al. (J. Sci. Comput. 2021), {@code E[(u_θ(ξ, 0) − φ(X_N))²]}, minimised over
 *       functions by {@code u(·, 0)};</li>
 *   <li>{@link #SPACE_TIME}: the same regression at every grid time, {@code (1/N) Σ_n E[(u_θ(X_n, t_n) − φ(X_N))²]},
 *       minimised by {@code u(·, t_n)} on the law of {@code X_n};</li>
 *   <li>{@link #VARIANCE_REDUCED}: the space-time regression on the target with the stochastic integral of the network
 *       subtracted (Richter &amp; Berner, ICML 2022),
 *       {@code Y_n = φ(X_N) − Σ_{k ≥ n} σ(X_k, t_k)ᵀ∇u_θ(X_k, t_k) · ΔW_k}, detached. The subtracted sum has
 *       conditional mean zero given {@code X_n} for any {@code θ} (each {@code ΔW_k} is independent of
 *       {@code X_k}), so the minimiser is unchanged; at the solution it is Itô's formula for {@code u}, and
 *       {@code Y_n − u(X_n, t_n)} is only the discretisation error: near-zero variance.</li>
 * </ul>
 */
public enum KolmogorovLoss {
    PLAIN("plain"),
    SPACE_TIME("space-time"),
    VARIANCE_REDUCED("vr");

    private final String label;

    KolmogorovLoss(String label) {
        this.label = label;
    }

    /** The command-line name: {@code plain}, {@code space-time}, {@code vr}. */
    public String label() {
        return label;
    }

    /** The loss called {@code label}. */
    public static KolmogorovLoss of(String label) {
        for (KolmogorovLoss l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + label + "'; valid: plain, space-time, vr");
    }
}
