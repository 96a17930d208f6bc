/**
 * Neural solvers of Kolmogorov backward equations {@code ∂_t u = −½ tr(σσᵀ∇²u) − μ·∇u}, {@code u(·, T) = φ}, from
 * their stochastic (Feynman–Kac) representation (docs/math.md §8): a problem is the user's {@code μ}, {@code σ},
 * {@code φ}, horizon and box ({@link org.girsanov.samplers.pde.KolmogorovProblem}); paths come from the engine's
 * Euler–Maruyama kernel; {@link org.girsanov.samplers.pde.KolmogorovSolver} learns {@code u(·, 0)} on the box by
 * regression (Beck et al. 2021), on space-time or with the variance-reduced target of Richter &amp; Berner (ICML
 * 2022); {@link org.girsanov.samplers.pde.MonteCarloEstimator} is the point-wise Monte Carlo baseline; closed forms
 * in {@link org.girsanov.samplers.pde.KolmogorovProblems}.
 */
package org.girsanov.samplers.pde;
