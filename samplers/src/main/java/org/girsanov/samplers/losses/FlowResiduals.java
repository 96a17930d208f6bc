package org.girsanov.samplers.losses;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;

/**
 * The two streamed passes of the local balance losses (DB, sub-TB; DESIGN invariant 5), the analogue of
 * {@link PathSums} for the per-step residuals {@code δ_n = F_n(x_n) − F_{n+1}(x_{n+1}) − ℓ_n(x_n, x_{n+1})}.
 *
 * <p>Pass 1 ({@link #residuals}) computes every {@code δ_n^i} without a gradient, plus {@code log w^i}. What
 * is kept is {@code N × B} <em>scalars</em> (8 bytes each: 100 steps × 512 paths = 400 kB), never states, so
 * memory still holds one step of states whatever N. The loss turns them into coefficients
 * {@code c_n^i = ∂L/∂δ_n^i}, and pass 2 ({@link #accumulate}) replays the same paths from the same random
 * streams and adds {@code ∇_θ Σ_i c_n^i δ_n^i} step by step, each step on its own tape that is dropped after its
 * backward, into a per-chunk {@link Gradients}; chunk gradients are added in chunk order (DESIGN invariant 6).
 * Each {@code δ_n} lives entirely on the tape of step {@code n}: the boundaries {@code F_0}, {@code F_N} are
 * evaluated inside the first and last transitions.
 */
final class FlowResiduals {
    private FlowResiduals() {
    }

    /**
     * @param delta      {@code delta[n][i] = δ_n} of path {@code i} (batch order)
     * @param logWeights {@code log w} of every path
     */
    record Pass1(double[][] delta, double[] logWeights) {
    }

    /** Pass 1: every residual and log-weight of the batch. */
    static Pass1 residuals(TrainingBatch b, LogFlow flow) {
        int steps = b.model().grid().steps();
        List<Pass1> parts = b.executor().map(b.chunks(), c -> chunkResiduals(b, flow, c));
        double[][] delta = new double[steps][b.batchSize()];
        double[] logW = new double[b.batchSize()];
        for (int c = 0; c < parts.size(); c++) {
            Pass1 p = parts.get(c);
            int start = b.chunkStart(c);
            for (int n = 0; n < steps; n++) {
                System.arraycopy(p.delta()[n], 0, delta[n], start, p.logWeights().length);
            }
            System.arraycopy(p.logWeights(), 0, logW, start, p.logWeights().length);
        }
        return new Pass1(delta, logW);
    }

    private static Pass1 chunkResiduals(TrainingBatch b, LogFlow flow, int c) {
        Sampler model = b.model();
        int rows = b.chunkRows(c);
        double[][] delta = new double[model.grid().steps()][rows];
        double[] logW = new double[rows];
        StreamedPaths.visit(model, rows, b.behaviour(), b.chunkTerminal(c),
                b.streams().stream(b.iteration(), c, PathSums.PATH_STREAM), false, new TransitionVisitor() {
                    @Override
                    public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                        Var ell = model.logWeight().increment(t, n, xn, xNext, fwd);
                        add(logW, ell.value(), 1.0);
                        DMatrixRMaj dn = residual(t, model, flow, n, xn, xNext, ell).value();
                        System.arraycopy(dn.data, 0, delta[n], 0, rows);
                    }

                    @Override
                    public void start(Tape t, Var x0) {
                        add(logW, model.logWeight().start(t, x0).value(), -1.0);
                    }

                    @Override
                    public void end(Tape t, Var xN) {
                        add(logW, model.logWeight().end(t, xN).value(), 1.0);
                    }
                });
        return new Pass1(delta, logW);
    }

    /** {@code δ_n = F_n(x_n) − F_{n+1}(x_{n+1}) − ℓ_n} on tape {@code t}, {@code rows × 1}. */
    static Var residual(Tape t, Sampler model, LogFlow flow, int n, Var xn, Var xNext, Var ell) {
        return t.sub(t.sub(flow.at(t, model, xn, n), flow.at(t, model, xNext, n + 1)), ell);
    }

    private static void add(double[] s, DMatrixRMaj v, double sign) {
        for (int i = 0; i < s.length; i++) {
            s[i] += sign * v.data[i];
        }
    }

    /**
     * Pass 2: adds {@code ∇_θ Σ_{n,i} c[n][i] δ_n^i} (coefficients already times the loss scale) to the gradient
     * buffers of the model's and the flow's parameters.
     */
    static void accumulate(TrainingBatch b, LogFlow flow, double[][] coefficients) {
        List<Gradients> parts = b.executor().map(b.chunks(), c -> chunkGradients(b, flow, c, coefficients));
        for (Gradients g : parts) {
            g.addToParameters();
        }
    }

    private static Gradients chunkGradients(TrainingBatch b, LogFlow flow, int c, double[][] coefficients) {
        Sampler model = b.model();
        int rows = b.chunkRows(c);
        int start = b.chunkStart(c);
        Gradients sink = new Gradients();
        StreamedPaths.visit(model, rows, b.behaviour(), b.chunkTerminal(c),
                b.streams().stream(b.iteration(), c, PathSums.PATH_STREAM), true, new TransitionVisitor() {
                    @Override
                    public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                        Var dn = residual(t, model, flow, n, xn, xNext, model.logWeight().increment(t, n, xn, xNext, fwd));
                        if (!dn.requiresGrad()) {
                            return;
                        }
                        DMatrixRMaj coef = new DMatrixRMaj(rows, 1);
                        System.arraycopy(coefficients[n], start, coef.data, 0, rows);
                        t.backward(t.sum(t.mul(dn, t.constant(coef))), sink);
                    }
                });
        return sink;
    }

    /**
     * Marks the paths with any non-finite residual or log-weight: their residuals and log-weight become NaN.
     * Returns the mask ({@code true} = kept).
     */
    static boolean[] keepFinite(Pass1 p) {
        int k = p.logWeights().length;
        boolean[] keep = new boolean[k];
        for (int i = 0; i < k; i++) {
            boolean ok = Double.isFinite(p.logWeights()[i]);
            for (double[] dn : p.delta()) {
                ok &= Double.isFinite(dn[i]);
            }
            keep[i] = ok;
            if (!ok) {
                p.logWeights()[i] = Double.NaN;
                for (double[] dn : p.delta()) {
                    dn[i] = Double.NaN;
                }
            }
        }
        return keep;
    }

    /**
     * The number of kept paths; throws {@link NonFiniteException} naming {@code quantity} and the iteration when
     * no path is left.
     */
    static int keptCount(boolean[] keep, long iteration, String quantity) {
        int k = 0;
        for (boolean x : keep) {
            k += x ? 1 : 0;
        }
        if (k < 1) {
            throw new NonFiniteException(iteration, quantity, "all " + keep.length + " paths");
        }
        return k;
    }
}
