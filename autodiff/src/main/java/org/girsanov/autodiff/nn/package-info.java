/**
 * Neural-network building blocks on the {@link org.girsanov.autodiff.Tape}: learnable
 * {@link org.girsanov.autodiff.nn.Parameter}s owned by a {@link org.girsanov.autodiff.nn.Module} and named by
 * their owner ({@code "control.layer0.W"}), {@link org.girsanov.autodiff.nn.Linear} layers,
 * {@link org.girsanov.autodiff.nn.Mlp}s with an {@link org.girsanov.autodiff.nn.Activation} and an
 * {@link org.girsanov.autodiff.nn.Init}ialiser, and the {@link org.girsanov.autodiff.nn.FourierTimeEmbedding} the
 * samplers' controls use for time. Every forward pass is ordinary tape ops, so gradients, Hessian–vector products and
 * divergences of a network come from the tape (docs/tour/02-divergences.md).
 */
package org.girsanov.autodiff.nn;
