/**
 * Learned controls {@code u_θ(x, t)} ({@link org.girsanov.samplers.control.Control}): the Fourier-feature MLP of the PIS
 * reference code ({@link org.girsanov.samplers.control.FourierMlp}), networks of time alone
 * ({@link org.girsanov.samplers.control.TimeNet}), and Langevin preconditioning
 * {@code NN₁(x, t) + NN₂(t) ⊙ s(x, t)} ({@link org.girsanov.samplers.control.LangevinControl}) with the score field
 * {@code s} of the target or an interpolation ({@link org.girsanov.samplers.control.ScoreField}).
 */
package org.girsanov.samplers.control;
