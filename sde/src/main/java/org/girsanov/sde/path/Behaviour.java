package org.girsanov.sde.path;

import org.ejml.data.DMatrixRMaj;

/**
 * Where training paths come from (the behaviour process {@code P^w} of the off-policy losses; Richter &amp;
 * Berner, ICLR 2024).
 *
 * <ul>
 *   <li>{@link #onPolicy()}: the current forward process;</li>
 *   <li>{@link #explore(double)}: the forward process with its noise scaled by {@code κ ≥ 1} (variance
 *       inflated by κ², Sendera et al. NeurIPS 2024);</li>
 *   <li>{@link #backwardFrom(DMatrixRMaj)}: the backward process started at given terminal states
 *       (a replay buffer, or exact target samples).</li>
 * </ul>
 * Paths from any behaviour are detached for the off-policy losses.
 */
public record Behaviour(boolean forward, double noiseScale, DMatrixRMaj terminalStates) {

    public Behaviour {
        if (forward && (!(noiseScale > 0) || !Double.isFinite(noiseScale))) {
            throw new IllegalArgumentException("Behaviour: noiseScale = " + noiseScale + "; must be finite and > 0");
        }
        if (!forward && terminalStates == null) {
            throw new IllegalArgumentException("Behaviour: backward paths need terminal states");
        }
    }

    public static Behaviour onPolicy() {
        return new Behaviour(true, 1.0, null);
    }

    public static Behaviour explore(double noiseScale) {
        return new Behaviour(true, noiseScale, null);
    }

    public static Behaviour backwardFrom(DMatrixRMaj terminalStates) {
        return new Behaviour(false, 1.0, terminalStates);
    }
}
