/**
 * The theorems of docs/math.md §7 as reusable checks that take your own {@link org.girsanov.samplers.families.Sampler} and
 * return a verdict with its numbers: the evidence identities and bounds ({@link org.girsanov.verification.samplers.EvidenceBoundsCheck}),
 * both importance identities of a pair ({@link org.girsanov.verification.samplers.BackwardSamplerCheck}), the
 * data-processing inequality ({@link org.girsanov.verification.samplers.DataProcessingCheck}), on-policy LV = 2 × KL gradient
 * ({@link org.girsanov.verification.samplers.LvKlGradientCheck}), sticking the landing
 * ({@link org.girsanov.verification.samplers.StickingTheLandingCheck}), streamed = whole-tape gradient
 * ({@link org.girsanov.verification.samplers.StreamedGradientCheck}), and the closed forms of the annealing path between
 * Gaussians ({@link org.girsanov.verification.samplers.AnnealedGaussians}).
 */
package org.girsanov.verification.samplers;
