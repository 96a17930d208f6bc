/**
 * Evaluation metrics of docs/targets-and-metrics.md: estimators from log-weights (the evidence bounds, the importance
 * estimate of {@code log Z}, the effective sample size: {@link org.girsanov.samplers.metrics.LogWeights}) and from
 * samples (Δstd, maximum mean discrepancy, the entropic optimal-transport cost, mode coverage).
 */
package org.girsanov.samplers.metrics;
