package org.girsanov.samplers.losses;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.SharedLeaves;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;

/**
 * The two passes of a streamed gradient for losses that are functions of per-path sums
 * {@code S_i = log w(x^(i)) = B_N − B_0 + Σ_n ℓ_n} (DESIGN invariant 5).
 *
 * <p>Pass 1 ({@link #logWeights}) computes every {@code S_i} without a gradient. The loss then gives
 * {@code c_i = ∂L/∂S_i}, and pass 2 ({@link #accumulate}) replays the same paths from the same random
 * streams and adds {@code ∇_θ Σ_i c_i ℓ_n^i} step by step, each step on its own tape that is dropped after
 * its backward. Memory holds one step, whatever the number of steps.
 */
final class PathSums {
    static final long PATH_STREAM = 0;

    private PathSums() {
    }

    /** Pass 1: {@code log w} of every path of the batch. */
    static double[] logWeights(TrainingBatch b) {
        SharedLeaves shared = new SharedLeaves(false);
        List<double[]> parts = b.executor().map(b.chunks(), c -> chunkLogWeights(b, c, shared));
        double[] s = new double[b.batchSize()];
        for (int c = 0; c < parts.size(); c++) {
            System.arraycopy(parts.get(c), 0, s, b.chunkStart(c), parts.get(c).length);
        }
        return s;
    }

    private static double[] chunkLogWeights(TrainingBatch b, int c, SharedLeaves shared) {
        return StreamedPaths.logWeights(b.model(), b.chunkRows(c), b.behaviour(), b.chunkTerminal(c),
                b.streams().stream(b.iteration(), c, PATH_STREAM), shared).logWeights();
    }

    /**
     * Pass 2: adds {@code ∇_θ Σ_i c_i S_i} (coefficients already multiplied by the loss scale) to the
     * parameters' gradient buffers, chunk sinks reduced in chunk order. The networks of time alone run once per
     * step for all chunks ({@link SharedLeaves}): their adjoints are summed over the chunks first, then sent through
     * them once.
     */
    static void accumulate(TrainingBatch b, double[] coefficients) {
        SharedLeaves shared = new SharedLeaves(true);
        List<Gradients> parts = b.executor().map(b.chunks(), c -> chunkGradients(b, c, coefficients, shared));
        for (Gradients g : parts) {
            g.addToParameters();
        }
        shared.backpropagate();
    }

    private static Gradients chunkGradients(TrainingBatch b, int c, double[] coefficients, SharedLeaves shared) {
        int rows = b.chunkRows(c);
        DMatrixRMaj coef = new DMatrixRMaj(rows, 1);
        System.arraycopy(coefficients, b.chunkStart(c), coef.data, 0, rows);
        Gradients sink = new Gradients();
        StreamedPaths.visit(b.model(), rows, b.behaviour(), b.chunkTerminal(c),
                b.streams().stream(b.iteration(), c, PATH_STREAM), true, shared, new TransitionVisitor() {
                    @Override
                    public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                        backward(t, b.model().logWeight().increment(t, n, xn, xNext, fwd), coef, 1.0, sink);
                    }

                    @Override
                    public void start(Tape t, Var x0) {
                        backward(t, b.model().logWeight().start(t, x0), coef, -1.0, sink);
                    }

                    @Override
                    public void end(Tape t, Var xN) {
                        backward(t, b.model().logWeight().end(t, xN), coef, 1.0, sink);
                    }
                });
        return sink;
    }

    private static void backward(Tape t, Var term, DMatrixRMaj coef, double sign, Gradients sink) {
        if (!term.requiresGrad()) {
            return;
        }
        Var weighted = t.sum(t.mul(term, t.constant(coef)));
        t.backward(sign == 1.0 ? weighted : t.scale(weighted, sign), sink);
    }

    /** Replaces non-finite entries by NaN and returns how many there were. */
    static int markNonFinite(double[] s) {
        int bad = 0;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                s[i] = Double.NaN;
                bad++;
            }
        }
        return bad;
    }
}
