/**
 * Langevin diffusion variational inference (LDVI; Geffner &amp; Domke, "MCMC variational inference via uncorrected
 * Hamiltonian annealing", NeurIPS 2021, and "Langevin diffusion variational inference", AISTATS 2023; docs/math.md
 * §6 "Annealed importance"): the underdamped, position–momentum version of MCD, as a kernel pair of the path engine
 * on the phase space {@code R^{2d}}. One annealing step is O–BAB–O (partial momentum refresh, leapfrog, partial
 * refresh), three engine steps ({@link org.girsanov.samplers.ldvi.ObaboForward}); the backward kernel reverses the
 * leapfrog exactly and the refreshes with a learned momentum correction
 * ({@link org.girsanov.samplers.ldvi.ObaboBackward}); the log-weight is the kernel ratio of the momentum refreshes
 * ({@link org.girsanov.samplers.ldvi.PhaseSpaceRatio}), the leapfrog being a volume-preserving bijection.
 */
package org.girsanov.samplers.ldvi;
