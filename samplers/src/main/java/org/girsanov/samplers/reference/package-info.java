/**
 * Reference values for targets without closed forms (docs/targets-and-metrics.md, "Reference log Z"): the mode
 * by Newton's method ({@link org.girsanov.samplers.reference.NewtonMode}), the Laplace approximation around it
 * ({@link org.girsanov.samplers.reference.LaplaceApproximation}), two independent estimators of {@code log Z} —
 * importance sampling from a multivariate t around the mode
 * ({@link org.girsanov.samplers.reference.ImportanceSamplingEvidence}) and repeated SMC from the prior
 * ({@link org.girsanov.samplers.reference.SmcEvidence}) — and posterior moments from long HMC chains with R̂ and
 * ESS ({@link org.girsanov.samplers.reference.ChainMoments}).
 */
package org.girsanov.samplers.reference;
