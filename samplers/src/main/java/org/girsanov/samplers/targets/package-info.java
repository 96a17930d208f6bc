/**
 * Benchmark targets (docs/targets-and-metrics.md): {@link org.girsanov.samplers.targets.GaussianTarget},
 * {@link org.girsanov.samplers.targets.GaussianMixture} (grids via
 * {@link org.girsanov.samplers.targets.GridMixture}, GMM-40 via {@link org.girsanov.samplers.targets.Gmm40}),
 * {@link org.girsanov.samplers.targets.Funnel}, {@link org.girsanov.samplers.targets.ManyWell}, the real posteriors
 * {@link org.girsanov.samplers.targets.GeneralizedLinearModel} (logistic, probit or Poisson, {@link org.girsanov.samplers.targets.GlmFamily}, on {@link org.girsanov.samplers.targets.RegressionData},
 * shipped data sets via {@link org.girsanov.samplers.targets.RealTargets}) and
 * {@link org.girsanov.samplers.targets.EightSchools} with their {@link org.girsanov.samplers.targets.TargetReference}s,
 * users' own
 * {@link org.girsanov.samplers.targets.LogDensityTarget}; text specs via
 * {@link org.girsanov.samplers.targets.TargetSpecs}; named errors via
 * {@link org.girsanov.samplers.targets.CheckedTarget}.
 */
package org.girsanov.samplers.targets;
