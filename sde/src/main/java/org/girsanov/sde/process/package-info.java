/**
 * Reference processes with closed-form transitions, marginals and time reversals
 * ({@link org.girsanov.sde.process.LinearGaussianProcess}): scaled Brownian motion, the PIS reference
 * ({@link org.girsanov.sde.process.ScaledBrownianMotion}), and the variance-preserving Ornstein–Uhlenbeck process, the
 * DDS and DIS reference ({@link org.girsanov.sde.process.VpOrnsteinUhlenbeck}) — the test cases with known answers and
 * the parts the samplers' exact kernels are made of (docs/math.md §6, §7.7).
 */
package org.girsanov.sde.process;
