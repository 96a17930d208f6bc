/**
 * JMH microbenchmarks of the hot paths — tape kernels, an MLP's forward and backward pass, path simulation, one training
 * step of each family and loss — and {@link org.girsanov.benchmarks.jmh.StepTimer}, a plain timing loop for profiling.
 */
package org.girsanov.benchmarks.jmh;
