/**
 * Benchmarks (BENCHMARKS.md): the classical baselines at equal evaluation budgets ({@code baselines}), the quality
 * protocol and the published rows it is compared with ({@code quality}), and JMH microbenchmarks of the hot paths
 * ({@code jmh}).
 */
package org.girsanov.benchmarks;
