/**
 * Benchmark targets (docs/targets-and-metrics.md): {@link org.girsanov.samplers.targets.GaussianTarget},
 * {@link org.girsanov.samplers.targets.GaussianMixture} (grids via
 * {@link org.girsanov.samplers.targets.GridMixture}, GMM-40 via {@link org.girsanov.samplers.targets.Gmm40}),
 * {@link org.girsanov.samplers.targets.Funnel}, {@link org.girsanov.samplers.targets.ManyWell}, the real posteriors
 * {@link org.girsanov.samplers.targets.GeneralizedLinearModel} (logistic, probit or Poisson, {@link org.girsanov.samplers.targets.GlmFamily}, on {@link org.girsanov.samplers.targets.RegressionData},
 and the Brownian-motion series {@link org.girsanov.samplers.targets.BrownianMotion}) and
 * {@link org.girsanov.samplers.targets.EightSchools} with their {@link org.girsanov.samplers.targets.TargetReference}s,
 * users' own
 * {@link org.girsanov.samplers.targets.LogDensityTarget}; named errors via
 * {@link org.girsanov.samplers.targets.CheckedTarget}.
 *
 * <p>Nothing here reads a file: text specs ({@code gmm9}, {@code logistic:data=PATH.csv}), mixture JSON, regression
 * CSV and the shipped data sets with their reference values are the girsanov-io module's ({@code org.girsanov.io}).
 */
package org.girsanov.samplers.targets;
