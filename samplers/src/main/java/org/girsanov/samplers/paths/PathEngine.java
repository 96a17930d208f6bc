package org.girsanov.samplers.paths;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * Simulates batches of paths of a {@link PathModel}.
 *
 * <p>{@link #visit} runs a detached path transition by transition (a fresh tape per step, recording
 * or not), which is all the off-policy losses and the evaluation need. {@link #simulateOnTape} keeps
 * the whole path on one tape, reparametrised ({@code x_{n+1} = mean + std ⊙ ξ}), for the KL loss.
 */
public final class PathEngine {
    private PathEngine() {
    }

    /** Standard normal {@code rows × cols}. */
    public static DMatrixRMaj gaussian(int rows, int cols, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            m.data[i] = z.sample();
        }
        return m;
    }

    /**
     * Runs {@code rows} paths of {@code behaviour} through {@code visitor}. For a forward behaviour the
     * start states come from the prior; for a backward one {@code terminal} ({@code rows × d}) holds the
     * end states. Each step uses a fresh tape, recording iff {@code record}. Returns the end states
     * (forward) or the start states (backward).
     */
    public static DMatrixRMaj visit(PathModel model, int rows, Behaviour behaviour, DMatrixRMaj terminal,
                                    UniformRandomProvider rng, boolean record, TransitionVisitor visitor) {
        int steps = model.grid().steps();
        int d = model.dimension();
        if (behaviour.forward()) {
            DMatrixRMaj x = model.samplePrior(rows, rng);
            Tape t0 = record ? new Tape() : Tape.noGrad();
            visitor.start(t0, t0.constant(x));
            for (int n = 0; n < steps; n++) {
                Tape t = record ? new Tape() : Tape.noGrad();
                Var xn = t.constant(x);
                GaussianStep fwd = model.forward(t, xn, n);
                DMatrixRMaj xi = gaussian(rows, d, rng);
                DMatrixRMaj next = step(fwd, xi, behaviour.noiseScale());
                visitor.transition(t, n, xn, t.constant(next), fwd);
                x = next;
            }
            Tape tN = record ? new Tape() : Tape.noGrad();
            visitor.end(tN, tN.constant(x));
            return x;
        }
        if (terminal == null || terminal.numRows != rows || terminal.numCols != d) {
            throw new IllegalArgumentException("visit: backward paths need " + rows + "x" + d + " terminal states; got "
                    + (terminal == null ? "null" : terminal.numRows + "x" + terminal.numCols));
        }
        DMatrixRMaj x = terminal;
        Tape tN = record ? new Tape() : Tape.noGrad();
        visitor.end(tN, tN.constant(x));
        for (int n = steps - 1; n >= 0; n--) {
            DMatrixRMaj prev = model.sampleBackward(Tape.noGrad(), x, n, rng);
            Tape t = record ? new Tape() : Tape.noGrad();
            Var xn = t.constant(prev);
            GaussianStep fwd = model.forward(t, xn, n);
            visitor.transition(t, n, xn, t.constant(x), fwd);
            x = prev;
        }
        Tape t0 = record ? new Tape() : Tape.noGrad();
        visitor.start(t0, t0.constant(x));
        return x;
    }

    /** {@code mean + κ · std ⊙ ξ} with the std broadcast (1×1, n×1 or n×d). */
    static DMatrixRMaj step(GaussianStep fwd, DMatrixRMaj xi, double kappa) {
        DMatrixRMaj mean = fwd.mean().value();
        DMatrixRMaj std = fwd.std().value();
        int rows = mean.numRows;
        int cols = mean.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = std.numRows == 1 && std.numCols == 1 ? std.data[0]
                        : std.numCols == 1 ? std.data[i] : std.data[i * cols + j];
                int k = i * cols + j;
                out.data[k] = mean.data[k] + kappa * s * xi.data[k];
            }
        }
        return out;
    }

    /** A path kept whole on one recording tape (reparametrised), with its log-weights. */
    public record TapedPaths(Var logWeight, Var terminal) {
    }

    /**
     * Simulates {@code rows} on-policy paths on {@code t} with {@code x_{n+1} = mean + std ⊙ ξ_n}, so the
     * gradient flows through the solver (the reparametrisation the KL loss needs). Memory grows with N.
     */
    public static TapedPaths simulateOnTape(PathModel model, Tape t, int rows, UniformRandomProvider rng) {
        int d = model.dimension();
        Var x0 = t.constant(model.samplePrior(rows, rng));
        Var x = x0;
        Var logW = t.neg(model.logStartBoundary(t, x0));
        for (int n = 0; n < model.grid().steps(); n++) {
            GaussianStep fwd = model.forward(t, x, n);
            Var xi = t.constant(gaussian(rows, d, rng));
            Var next = t.add(fwd.mean(), t.mul(fwd.std(), xi));
            logW = t.add(logW, model.logIncrement(t, x, next, n, fwd));
            x = next;
        }
        logW = t.add(logW, model.logEndBoundary(t, x));
        return new TapedPaths(logW, x);
    }
}
