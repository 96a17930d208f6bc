/**
 * Training runs: the {@code Trainer} (Adam with a decaying learning rate, clipping, EMA, exploration, evaluation,
 * checkpoints that resume bit for bit), the configuration of a run and its named protocols ({@code Presets}), the
 * factory that builds a run's sampler and loss, the evaluation of a trained sampler with every metric its target
 * allows, and listeners for progress. To write a training loop by hand instead, see docs/tour/06-pis.md.
 */
package org.girsanov.samplers.train;
