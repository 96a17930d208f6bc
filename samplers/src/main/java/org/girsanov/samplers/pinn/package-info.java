/**
 * The PINN sampler (Sun, Berner, Richter, Zeinhofer, Müller, Azizzadenesheli &amp; Anandkumar, "Dynamical measure
 * transport and neural PDE solvers for sampling", 2024, arXiv:2407.07873; docs/math.md §6): an SDE
 * {@code dX = b_θ dt + σ dW} learned together with its log-density {@code u_φ ≈ log p_t}
 * ({@link org.girsanov.samplers.pinn.LogDensityNet}) by the residual of the log-space Fokker–Planck equation
 * ({@link org.girsanov.samplers.pinn.FokkerPlanckResidual}, {@link org.girsanov.samplers.pinn.PinnLoss}) at states
 * replayed from the sampler's own trajectories, sampled and weighted by the engine's Euler–Maruyama kernel pair
 * ({@link org.girsanov.samplers.pinn.Pinn}).
 */
package org.girsanov.samplers.pinn;
