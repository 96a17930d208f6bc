package org.girsanov.samplers.ldvi;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * The log-weight of an LDVI path (Geffner &amp; Domke 2021, eq. (6); 2023, §3): with the phase-space path
 * {@code (x, v)_{0:3K}} of the engine,
 * <pre>
 *   log w = log ρ(x_K) + log N(v_K; 0, I) − log p_prior(x_0) − log N(v_0; 0, I)
 *         + Σ_{refreshes n} [ log B_n(v_n | x_{n+1}, v_{n+1}) − log F_n(v_{n+1} | v_n) ],
 * </pre>
 * {@code F_n = N(η v_n, (1 − η²) I)}, {@code B_n = N(η v_{n+1} + (1 − η²) s_θ, (1 − η²) I)}. The leapfrog steps add
 * nothing: the path's density under either process is written in the coordinates of its noise, and the two
 * coordinate systems differ by the leapfrogs, volume-preserving bijections with Jacobian 1 (no {@code log |det|}
 * term); the position point masses of the refreshes match one to one. This is the kernel ratio of
 * {@link org.girsanov.sde.rnd.KernelRatio} with those point masses cancelled, so {@code E[w] = Z} for every
 * {@code s_θ}, {@code h}, {@code γ}. With {@code s_θ = 0}, {@code B_n / F_n = N(v_n; 0, I)/N(v_{n+1}; 0, I)} and
 * {@code log w} is, path by path, the uncorrected Hamiltonian AIS weight
 * {@code Σ_k [log π̃_k(x_k) − log π̃_{k−1}(x_k)] + Σ_k [H_k(x_k, v'_k) − H_k(x_{k+1}, v'''_k)]},
 * {@code π_k} the level of annealing step {@code k} ({@link ObaboDynamics}), {@code π̃_{−1} = p_prior},
 * {@code H_k(x, v) = −log π̃_k(x) + |v|²/2} (tested).
 */
record PhaseSpaceRatio(ObaboForward forward, ObaboBackward backward, LogDensity prior, LogDensity target)
        implements LogWeightForm {

    /** {@code log B_n(x_n | x_{n+1}) − log F_n(x_{n+1} | x_n)} by the kernels' own densities (the moments are not used). */
    @Override
    public Var increment(Tape t, int n, Var xn, Var xNext, GaussianMoments moments) {
        return t.sub(backward.logDensity(t, xn, xNext, n), forward.logDensity(t, xNext, xn, n));
    }

    /** {@code log p_prior(x_0) + log N(v_0; 0, I)}. */
    @Override
    public Var start(Tape t, Var x0) {
        return prior.apply(t, x0);
    }

    /** {@code log ρ(x_K) + log N(v_K; 0, I)}. */
    @Override
    public Var end(Tape t, Var xN) {
        return target.apply(t, xN);
    }
}
