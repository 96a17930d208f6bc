package org.girsanov.samplers.paths;

import org.girsanov.autodiff.Var;

/**
 * One Gaussian transition kernel {@code N(mean, diag(std²))} of a batch, with the control that built
 * it (kept so the log-weight increment can reuse it instead of evaluating the network twice).
 *
 * @param mean    {@code n × d}
 * @param std     {@code 1 × 1} (shared), {@code n × 1} or {@code n × d}
 * @param control the control {@code u} at this step ({@code n × d}), or {@code null}
 */
public record GaussianStep(Var mean, Var std, Var control) {
}
