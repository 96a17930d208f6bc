package org.girsanov.sde.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;
import org.girsanov.sde.TimeGrid;

/**
 * A batched Markov kernel indexed by the grid step {@code n} (docs/math.md §3): a forward kernel
 * {@code p→_n(x_{n+1} | x_n)} or a backward kernel {@code p←_n(x_n | x_{n+1})}, see {@link #direction()}.
 *
 * <p>All kernels here are Gaussian and reparametrised: {@link #step} maps the previous state and
 * standard-normal noise {@code z} to the next state on the tape, so a path simulated on a recording tape
 * carries the gradient through the solver (the KL loss) and on {@link Tape#noGrad()} it does not.
 */
public interface MarkovKernel {

    /** The grid the kernel is indexed by. */
    TimeGrid grid();

    /** Forward ({@code x_n → x_{n+1}}) or backward ({@code x_{n+1} → x_n}). */
    Direction direction();

    /** The next state from {@code prev} ({@code rows × d}) and noise {@code z ~ N(0, I)} of the same shape. */
    Var step(Tape tape, Var prev, int n, DMatrixRMaj z);

    /** {@code log p_n(next | prev)} per sample ({@code rows × 1}). */
    Var logDensity(Tape tape, Var next, Var prev, int n);

    /** One draw from the kernel, gradient-free. */
    default DMatrixRMaj sample(DMatrixRMaj prev, int n, UniformRandomProvider rng) {
        Checks.finiteEntries("MarkovKernel.sample", "prev", prev);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj z = new DMatrixRMaj(prev.numRows, prev.numCols);
        for (int k = 0; k < z.getNumElements(); k++) {
            z.data[k] = g.sample();
        }
        Tape t = Tape.noGrad();
        return step(t, t.constant(prev), n, z).value();
    }

    /** The time at which the kernel evaluates its coefficients: {@code t_n} forward, {@code t_{n+1}} backward. */
    default double evaluationTime(int n) {
        return direction() == Direction.FORWARD ? grid().time(n) : grid().time(n + 1);
    }

    /** Validates the step index, the shapes and the noise of a {@link #step} call. */
    static void checkStep(String where, TimeGrid grid, Var prev, int n, DMatrixRMaj z) {
        Checks.step(where, n, grid);
        Checks.shape(where, "z", z, prev.rows(), prev.cols());
    }

    /** Validates the step index and the shapes of a {@link #logDensity} call. */
    static void checkDensity(String where, TimeGrid grid, Var next, Var prev, int n) {
        Checks.step(where, n, grid);
        Checks.sameShape(where, "next", next, "prev", prev);
    }
}
