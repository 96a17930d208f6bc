package org.girsanov.sde.path;

import org.girsanov.autodiff.Var;

/**
 * Called once per simulated step with {@code (n, t_n, x_n, x_{n+1})} — in increasing {@code n} for forward
 * simulation, decreasing for backward — so that a loss can compute its per-step terms and drop them
 * (DESIGN invariant 5: memory independent of the number of steps).
 */
@FunctionalInterface
public interface StepObserver {

    /** Step {@code n}, time {@code t_n}, states {@code x_n} and {@code x_{n+1}}. */
    void onStep(int n, double tn, Var xn, Var xNext);

    /** Does nothing. */
    static StepObserver none() {
        return (n, t, a, b) -> { };
    }
}
