package org.girsanov.sde.rnd;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.path.Path;

/**
 * The log importance weight of a batch of paths under a (forward, backward) kernel pair (docs/math.md §3):
 * <pre>
 *   log w(x) = log ρ(x_N) + Σ_n log p←_n(x_n | x_{n+1}) − log p_prior(x_0) − Σ_n log p→_n(x_{n+1} | x_n)
 * </pre>
 * and {@code log dP→/dP←(x) = log Z − log w(x)}. Works for any kernels (Euler–Maruyama, exact OU, learned).
 */
public final class LogWeight {
    private LogWeight() {
    }

    /** {@code log w} per path ({@code rows × 1}). */
    public static Var of(Tape tape, Path path, MarkovKernel forward, MarkovKernel backward,
                         LogDensity prior, LogDensity target) {
        checkPair(path, forward, backward);
        Var lw = tape.sub(target.apply(tape, path.state(path.steps())), prior.apply(tape, path.state(0)));
        for (int n = 0; n < path.steps(); n++) {
            lw = tape.add(lw, stepTerm(tape, n, path.state(n), path.state(n + 1), forward, backward));
        }
        return lw;
    }

    /**
     * The step-{@code n} term {@code log p←_n(x_n | x_{n+1}) − log p→_n(x_{n+1} | x_n)}, for losses that stream
     * over steps (DESIGN invariant 5).
     */
    public static Var stepTerm(Tape tape, int n, Var xn, Var xNext, MarkovKernel forward, MarkovKernel backward) {
        return tape.sub(backward.logDensity(tape, xn, xNext, n), forward.logDensity(tape, xNext, xn, n));
    }

    static void checkPair(Path path, MarkovKernel forward, MarkovKernel backward) {
        if (forward.direction() != Direction.FORWARD) {
            throw new IllegalArgumentException("LogWeight: forward kernel has direction " + forward.direction() + "; must be FORWARD");
        }
        if (backward.direction() != Direction.BACKWARD) {
            throw new IllegalArgumentException("LogWeight: backward kernel has direction " + backward.direction() + "; must be BACKWARD");
        }
        path.requireGrid("LogWeight (forward kernel)", forward.grid());
        path.requireGrid("LogWeight (backward kernel)", backward.grid());
    }
}
