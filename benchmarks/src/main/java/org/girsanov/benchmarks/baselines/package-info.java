/** Classical baselines (MCMC, AIS, SMC) at equal evaluation budgets: {@link org.girsanov.benchmarks.baselines.BaselineBenchmark}. */
package org.girsanov.benchmarks.baselines;
