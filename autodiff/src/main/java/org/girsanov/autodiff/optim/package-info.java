/**
 * Optimisers that update {@link org.girsanov.autodiff.nn.Parameter}s in place from their gradient buffers:
 * {@link org.girsanov.autodiff.optim.Adam} (optionally AdamW, per-parameter learning-rate scales) and
 * {@link org.girsanov.autodiff.optim.Sgd} behind {@link org.girsanov.autodiff.optim.Optimizer}, learning-rate
 * {@link org.girsanov.autodiff.optim.LearningRateSchedule}s, global-norm {@link org.girsanov.autodiff.optim.GradClip}ping,
 * and an exponential moving average of the weights ({@link org.girsanov.autodiff.optim.Ema}). Their state is exported
 * and restorable ({@link org.girsanov.autodiff.optim.OptimizerState}), so a resumed run is bitwise the same.
 */
package org.girsanov.autodiff.optim;
