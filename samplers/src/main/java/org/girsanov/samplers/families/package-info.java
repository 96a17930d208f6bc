/**
 * The sampler families (docs/math.md §6, docs/engine.md): each a {@link org.girsanov.samplers.families.Sampler} — a
 * {@link org.girsanov.sde.path.PathPair} with a target and learnable parameters — composed of {@code sde} kernels and
 * log-weight forms by {@link org.girsanov.samplers.families.ComposedSampler}: {@link org.girsanov.samplers.families.Pis},
 * {@link org.girsanov.samplers.families.Dds}, {@link org.girsanov.samplers.families.Dis},
 * {@link org.girsanov.samplers.families.Bridge}, {@link org.girsanov.samplers.families.Gfn},
 * {@link org.girsanov.samplers.families.Cmcd} and {@link org.girsanov.samplers.families.Lrds} (a learned Gaussian-mixture
 * reference); {@link org.girsanov.samplers.families.FollmerControl} is the closed-form
 * optimal PIS control of a Gaussian target, the test case for sticking the landing.
 */
package org.girsanov.samplers.families;
