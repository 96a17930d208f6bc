/**
 * Schrödinger bridges (docs/math.md §9): {@link org.girsanov.samplers.schrodinger.GaussianBridge}, the closed form
 * between two Gaussians (coupling, marginals, drift, transport cost), and
 * {@link org.girsanov.samplers.schrodinger.SchrodingerIpf}, iterative proportional fitting between two marginals given
 * by samples, or from samples to a target known by its density ({@link org.girsanov.samplers.schrodinger.BridgeEnd}),
 * each half-bridge learned by maximum likelihood on the engine's Gaussian kernels, or by the conditional log-variance
 * at a density end ({@link org.girsanov.samplers.schrodinger.IpfConfig}).
 */
package org.girsanov.samplers.schrodinger;
