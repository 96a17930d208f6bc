package org.girsanov.samplers.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.paths.Behaviour;
import org.girsanov.samplers.paths.ChunkedExecutor;
import org.girsanov.samplers.paths.GaussianStep;
import org.girsanov.samplers.paths.PathEngine;
import org.girsanov.samplers.paths.PathModel;
import org.girsanov.samplers.paths.RandomStreams;
import org.girsanov.samplers.paths.TransitionVisitor;

/**
 * A batch of detached paths with their log-weights {@code log w} (MATH §3) and end points: the terminal
 * samples {@code x_N} for forward paths, the start points {@code x_0} for backward ones. Simulated in
 * fixed chunks on per-chunk streams (same numbers for any thread count).
 */
public record PathBatch(double[] logWeights, DMatrixRMaj endPoints) {

    /** {@code K} paths of {@code behaviour} (backward paths start at {@code terminal}, {@code K × d}). */
    public static PathBatch simulate(PathModel model, int k, Behaviour behaviour, DMatrixRMaj terminal,
                                     RandomStreams streams, long key, long purpose, int chunkSize,
                                     ChunkedExecutor executor) {
        int d = model.dimension();
        int chunks = (k + chunkSize - 1) / chunkSize;
        List<PathBatch> parts = executor.map(chunks, c -> {
            int start = c * chunkSize;
            int rows = Math.min(chunkSize, k - start);
            DMatrixRMaj term = null;
            if (!behaviour.forward()) {
                term = new DMatrixRMaj(rows, d);
                System.arraycopy(terminal.data, start * d, term.data, 0, rows * d);
            }
            double[] s = new double[rows];
            DMatrixRMaj ends = PathEngine.visit(model, rows, behaviour, term, streams.stream(key, c, purpose), false,
                    new TransitionVisitor() {
                        @Override
                        public void transition(Tape t, int n, Var xn, Var xNext, GaussianStep fwd) {
                            add(s, model.logIncrement(t, xn, xNext, n, fwd), 1);
                        }

                        @Override
                        public void start(Tape t, Var x0) {
                            add(s, model.logStartBoundary(t, x0), -1);
                        }

                        @Override
                        public void end(Tape t, Var xN) {
                            add(s, model.logEndBoundary(t, xN), 1);
                        }
                    });
            return new PathBatch(s, ends);
        });
        double[] all = new double[k];
        DMatrixRMaj ends = new DMatrixRMaj(k, d);
        for (int c = 0; c < parts.size(); c++) {
            PathBatch p = parts.get(c);
            System.arraycopy(p.logWeights(), 0, all, c * chunkSize, p.logWeights().length);
            System.arraycopy(p.endPoints().data, 0, ends.data, c * chunkSize * d, p.logWeights().length * d);
        }
        return new PathBatch(all, ends);
    }

    private static void add(double[] s, Var v, double sign) {
        for (int i = 0; i < s.length; i++) {
            s[i] += sign * v.value().data[i];
        }
    }
}
