/**
 * Nonequilibrium transport samplers (NETS; Albergo &amp; Vanden-Eijnden 2025, docs/math.md §6 "Escorted transport"):
 * the CMCD pair of the path engine driven by a transport drift {@code b_θ}, trained by the PINN residual of the
 * continuity equation along the annealing path ({@link org.girsanov.samplers.nets.TransportResidual},
 * {@link org.girsanov.samplers.nets.NetsLoss}) with a learned free-energy rate
 * ({@link org.girsanov.samplers.nets.FreeEnergyNet}) at states from a replay of the sampler's own trajectories
 * ({@link org.girsanov.samplers.nets.TrajectoryBuffer}). The replayed residual loss
 * ({@link org.girsanov.samplers.nets.ReplayResidualLoss} over a {@link org.girsanov.samplers.nets.PointResidual}) is
 * shared with the PINN sampler ({@code org.girsanov.samplers.pinn}).
 */
package org.girsanov.samplers.nets;
