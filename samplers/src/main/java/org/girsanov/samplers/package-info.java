/**
 * Diffusion-based samplers of unnormalised densities, built from the parts of the {@code sde} module: targets
 * ({@code targets}), the sampler families ({@code families}) and their learned controls ({@code control}), the losses
 * ({@code losses}), exploration for the off-policy ones ({@code exploration}), the classical baselines ({@code mcmc},
 * {@code annealed}), the evaluation metrics ({@code metrics}) and the trainer ({@code train}).
 */
package org.girsanov.samplers;
