package org.girsanov.samplers.losses;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.SharedLeaves;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.Workspace;
import org.girsanov.sde.rnd.LogWeightForm;
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
 * its backward. Memory holds one step, whatever the number of steps. When a {@link PathMemory} says the batch fits,
 * pass 1 records and keeps every step's tape instead and pass 2 is only their backward sweeps: one forward fewer, the
 * same numbers bit for bit.
 */
final class PathSums {
    static final long PATH_STREAM = 0;

    private PathSums() {
    }

    /**
     * The two passes over one batch: {@link #logWeights()}, then {@link #accumulate(double[])} with the loss's
     * coefficients. With a {@link PathMemory} that keeps the batch, pass 1 records and keeps every step's tape and pass 2
     * only back-propagates them; otherwise pass 2 replays the paths. The numbers are the same.
     */
    static Pass begin(TrainingBatch b) {
        PathMemory memory = b.memory();
        boolean keep = memory != null && memory.keeps(b.chunks(), b.model().grid().steps());
        if (keep) {
            memory.ensureChunks(b.chunks());
        }
        return new Pass(b, keep);
    }

    static final class Pass {
        private final TrainingBatch b;
        private final boolean keep;
        /** The recorded functions of time of a kept pass. */
        private final SharedLeaves kept;
        /** A kept pass's terms {@code ±(B_0, ℓ_n, B_N)} per chunk, on tapes that stay valid until pass 2 is done. */
        private final List<List<Term>> terms;

        private Pass(TrainingBatch b, boolean keep) {
            this.b = b;
            this.keep = keep;
            this.kept = keep ? new SharedLeaves(true) : null;
            this.terms = keep ? new java.util.ArrayList<>() : null;
        }

        /** Whether pass 1 keeps its tapes. */
        boolean keeps() {
            return keep;
        }

        /** Pass 1: {@code log w} of every path of the batch. */
        double[] logWeights() {
            List<double[]> parts;
            if (keep) {
                List<List<Term>> recorded = b.executor().map(b.chunks(), c -> keptChunk(c));
                terms.addAll(recorded);
                parts = new java.util.ArrayList<>();
                for (List<Term> chunk : recorded) {
                    parts.add(sums(chunk, b.chunkRows(parts.size())));
                }
            } else {
                SharedLeaves shared = new SharedLeaves(false);
                parts = b.executor().map(b.chunks(), c -> StreamedPaths.logWeights(b.model(), b.chunkRows(c), b.behaviour(),
                        b.chunkTerminal(c), b.streams().stream(b.iteration(), c, PATH_STREAM), shared).logWeights());
            }
            double[] s = new double[b.batchSize()];
            for (int c = 0; c < parts.size(); c++) {
                System.arraycopy(parts.get(c), 0, s, b.chunkStart(c), parts.get(c).length);
            }
            return s;
        }

        private List<Term> keptChunk(int c) {
            List<Term> out = new java.util.ArrayList<>();
            LogWeightForm form = b.model().logWeight();
            StreamedPaths.visit(b.model(), b.chunkRows(c), b.behaviour(), b.chunkTerminal(c),
                    b.streams().stream(b.iteration(), c, PATH_STREAM), true, b.memory().workspace(c, kept), true,
                    new TransitionVisitor() {
                        @Override
                        public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                            out.add(new Term(t, form.increment(t, n, xn, xNext, fwd), 1.0));
                        }

                        @Override
                        public void start(Tape t, Var x0) {
                            out.add(new Term(t, form.start(t, x0), -1.0));
                        }

                        @Override
                        public void end(Tape t, Var xN) {
                            out.add(new Term(t, form.end(t, xN), 1.0));
                        }
                    });
            return out;
        }

        /** {@code S_i} of a kept chunk, its terms added in the order of the streamed pass (start, steps, end). */
        private static double[] sums(List<Term> chunk, int rows) {
            double[] s = new double[rows];
            for (Term term : chunk) {
                StreamedPaths.add(s, term.value(), term.sign());
            }
            return s;
        }

        /**
         * Pass 2: adds {@code ∇_θ Σ_i c_i S_i} (coefficients already multiplied by the loss scale) to the
         * parameters' gradient buffers, chunk sinks reduced in chunk order. The networks of time alone run once per
         * step for all chunks ({@link SharedLeaves}): their adjoints are summed over the chunks first, then sent
         * through them once.
         */
        void accumulate(double[] coefficients) {
            SharedLeaves shared = keep ? kept : new SharedLeaves(true);
            List<Gradients> parts = b.executor().map(b.chunks(), c -> keep ? keptGradients(c, coefficients)
                    : chunkGradients(b, c, coefficients, shared));
            for (Gradients g : parts) {
                g.addToParameters();
            }
            shared.backpropagate();
        }

        /** Chunk {@code c}'s kept steps back-propagated, their adjoints in storage of one step, recycled after each. */
        private Gradients keptGradients(int c, double[] coefficients) {
            DMatrixRMaj coef = coefficients(b, c, coefficients);
            Gradients sink = new Gradients();
            Workspace adjoints = b.memory().adjoints(c, kept);
            for (Term term : terms.get(c)) {
                if (term.value().requiresGrad()) {
                    Tape t = term.tape();
                    Var weighted = t.sum(t.mul(term.value(), t.constant(coef)));
                    t.backward(term.sign() == 1.0 ? weighted : t.scale(weighted, term.sign()), sink, adjoints);
                    adjoints.recycle();
                }
            }
            return sink;
        }
    }

    /** A term of {@code S = B_N − B_0 + Σ_n ℓ_n} on its step's kept tape, with its sign. */
    private record Term(Tape tape, Var value, double sign) {
    }

    private static DMatrixRMaj coefficients(TrainingBatch b, int c, double[] coefficients) {
        int rows = b.chunkRows(c);
        DMatrixRMaj coef = new DMatrixRMaj(rows, 1);
        System.arraycopy(coefficients, b.chunkStart(c), coef.data, 0, rows);
        return coef;
    }

    private static Gradients chunkGradients(TrainingBatch b, int c, double[] coefficients, SharedLeaves shared) {
        DMatrixRMaj coef = coefficients(b, c, coefficients);
        Gradients sink = new Gradients();
        Workspace ws = new Workspace(true, shared);
        StreamedPaths.visit(b.model(), b.chunkRows(c), b.behaviour(), b.chunkTerminal(c),
                b.streams().stream(b.iteration(), c, PATH_STREAM), true, ws, false, new TransitionVisitor() {
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
        if (b.memory() != null) {
            b.memory().measured(ws.freshDoubles());
        }
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
