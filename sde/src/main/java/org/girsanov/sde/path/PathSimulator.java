package org.girsanov.sde.path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.MarkovKernel;

/**
 * Batched path simulation by a {@link MarkovKernel}: forward from prior samples {@code x_0}, or backward
 * from terminal states {@code x_N}. The kernel may be a behaviour process different from the model whose
 * log-densities are later evaluated on the path (off-policy losses, docs/math.md §4).
 *
 * <p>With gradient: pass a recording {@link Tape} and {@code tape.input(x0)} or a state that depends on
 * parameters — the path is then reparametrised and differentiable. Without: pass {@link Tape#noGrad()}.
 * The {@code stream…} methods keep no states (only the {@link StepObserver} sees them).
 */
public final class PathSimulator {
    private PathSimulator() {
    }

    /** Simulates {@code x_0 → x_N} with a forward kernel and keeps every state. */
    public static Path forward(Tape tape, MarkovKernel forward, Var x0, NoiseSource noise) {
        List<Var> states = new ArrayList<>(forward.grid().steps() + 1);
        states.add(x0);
        streamForward(tape, forward, x0, noise, (n, t, a, b) -> states.add(b));
        return new Path(forward.grid(), states);
    }

    /** Simulates {@code x_0 → x_N}, calling {@code observer} each step; returns {@code x_N}. */
    public static Var streamForward(Tape tape, MarkovKernel forward, Var x0, NoiseSource noise, StepObserver observer) {
        requireDirection("PathSimulator.forward", forward, Direction.FORWARD);
        Checks.finiteEntries("PathSimulator.forward", "x0", x0.value());
        Var x = x0;
        for (int n = 0; n < forward.grid().steps(); n++) {
            DMatrixRMaj z = noise.standardNormal(n, x.rows(), x.cols());
            Var next = forward.step(tape, x, n, z);
            observer.onStep(n, forward.grid().time(n), x, next);
            x = next;
        }
        return x;
    }

    /** Simulates {@code x_N → x_0} with a backward kernel and keeps every state (returned in time order). */
    public static Path backward(Tape tape, MarkovKernel backward, Var xN, NoiseSource noise) {
        List<Var> states = new ArrayList<>(backward.grid().steps() + 1);
        states.add(xN);
        streamBackward(tape, backward, xN, noise, (n, t, a, b) -> states.add(a));
        Collections.reverse(states);
        return new Path(backward.grid(), states);
    }

    /**
     * Simulates {@code x_N → x_0}, calling {@code observer} with {@code (n, t_n, x_n, x_{n+1})} for
     * {@code n = N−1, …, 0}; returns {@code x_0}. Step {@code n} uses noise {@code Z_n}.
     */
    public static Var streamBackward(Tape tape, MarkovKernel backward, Var xN, NoiseSource noise, StepObserver observer) {
        requireDirection("PathSimulator.backward", backward, Direction.BACKWARD);
        Checks.finiteEntries("PathSimulator.backward", "xN", xN.value());
        Var x = xN;
        for (int n = backward.grid().steps() - 1; n >= 0; n--) {
            DMatrixRMaj z = noise.standardNormal(n, x.rows(), x.cols());
            Var prev = backward.step(tape, x, n, z);
            observer.onStep(n, backward.grid().time(n), prev, x);
            x = prev;
        }
        return x;
    }

    private static void requireDirection(String where, MarkovKernel k, Direction d) {
        if (k.direction() != d) {
            throw new IllegalArgumentException(where + ": kernel direction is " + k.direction() + "; must be " + d);
        }
    }
}
