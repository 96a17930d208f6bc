/**
 * Annealed importance sampling ({@link org.girsanov.samplers.annealed.Ais}) and SMC samplers
 * ({@link org.girsanov.samplers.annealed.Smc}) along the geometric path from {@code N(0, σ²I)} to the target.
 */
package org.girsanov.samplers.annealed;
