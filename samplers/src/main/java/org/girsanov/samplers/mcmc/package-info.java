/**
 * Batched MCMC over a {@link org.girsanov.samplers.mcmc.TemperedDensity} (per-row inverse temperature and
 * step size): {@link org.girsanov.samplers.mcmc.Ula}, {@link org.girsanov.samplers.mcmc.Mala},
 * {@link org.girsanov.samplers.mcmc.Hmc} run by {@link org.girsanov.samplers.mcmc.McmcSampler}, and
 * {@link org.girsanov.samplers.mcmc.ParallelTempering}; every target evaluation is counted in an
 * {@link org.girsanov.samplers.mcmc.EvaluationCounter}.
 */
package org.girsanov.samplers.mcmc;
