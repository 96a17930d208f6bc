package org.girsanov.sde.path;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.SharedLeaves;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.Workspace;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * The path engine of the samplers: simulates batches of paths of a {@link PathPair} and evaluates their
 * log-weights.
 *
 * <p>{@link #visit} runs a detached path transition by transition, each step on a fresh tape (recording or
 * not), so memory does not grow with the number of steps (DESIGN invariant 5) — all the off-policy losses
 * and the evaluation need. The forward kernel's moments are computed once per step and serve both the draw
 * {@code x_{n+1} = mean + κ std ⊙ z} and the log-density. {@link #simulateOnTape} keeps the whole path on
 * one tape, reparametrised, for the KL loss. Noise is drawn from the given stream in a fixed order (prior,
 * then step by step), so the same stream replays the same path.
 */
public final class StreamedPaths {
    private StreamedPaths() {
    }

    /**
     * Runs {@code rows} paths of {@code behaviour} through {@code visitor}: forward from prior samples, or
     * backward from {@code terminal} ({@code rows × d}) by the pair's backward kernels. Each step uses a fresh
     * tape, recording iff {@code record}. Returns the end states (forward) or the start states (backward).
     *
     * <p>The steps' tapes share one {@link Workspace}, recycled after every callback: what the visitor computes
     * on a step's tape (values, adjoints) is void once the callback returns, so a visitor copies what it keeps.
     * The states handed to it ({@code xn}, {@code xNext}, {@code x0}, {@code xN}) are the engine's own and stay
     * valid. One step's matrices are allocated per call instead of one per step, and the dense layers' transposed
     * weights once per call: no parameter value may change during a visit (the optimiser steps between passes).
     */
    public static DMatrixRMaj visit(PathPair pair, int rows, Behaviour behaviour, DMatrixRMaj terminal,
                                    UniformRandomProvider rng, boolean record, TransitionVisitor visitor) {
        return visit(pair, rows, behaviour, terminal, rng, record, null, visitor);
    }

    /**
     * As above, with the functions of time alone ({@link Tape#shared}) taken from {@code shared}, computed once for all
     * the chunks of a pass (null: each step's tape computes them).
     */
    public static DMatrixRMaj visit(PathPair pair, int rows, Behaviour behaviour, DMatrixRMaj terminal,
                                    UniformRandomProvider rng, boolean record, SharedLeaves shared,
                                    TransitionVisitor visitor) {
        return visit(pair, rows, behaviour, terminal, rng, record, new Workspace(true, shared), false, visitor);
    }

    /**
     * The same paths with the steps' tapes on {@code ws}: recycled after every callback as above, or, when {@code keep},
     * never — every step's tape, its values and what the visitor recorded on it stay valid until the caller recycles
     * {@code ws}, so the tapes of a whole recording pass can be back-propagated after it (memory grows with N; the
     * backward kernels' gradient-free draws use a {@link Workspace#sibling()}). {@code ws} must be made for fixed
     * parameters. The paths, values and recorded operations are the same either way.
     */
    public static DMatrixRMaj visit(PathPair pair, int rows, Behaviour behaviour, DMatrixRMaj terminal,
                                    UniformRandomProvider rng, boolean record, Workspace ws, boolean keep,
                                    TransitionVisitor visitor) {
        int steps = pair.grid().steps();
        int d = pair.dimension();
        NoiseSource noise = NoiseSource.of(rng);
        Runnable done = keep ? () -> { } : ws::recycle;
        if (behaviour.forward()) {
            DMatrixRMaj x = pair.prior().sample(rows, rng);
            Tape t0 = tape(record, ws);
            visitor.start(t0, t0.constant(x));
            done.run();
            for (int n = 0; n < steps; n++) {
                Tape t = tape(record, ws);
                Var xn = t.constant(x);
                GaussianMoments fwd = pair.forward().moments(t, xn, n);
                DMatrixRMaj next = fwd.sample(noise.standardNormal(n, rows, d), behaviour.noiseScale());
                visitor.transition(t, n, xn, t.constant(next), fwd);
                done.run();
                x = next;
            }
            Tape tN = tape(record, ws);
            visitor.end(tN, tN.constant(x));
            done.run();
            return x;
        }
        if (terminal == null || terminal.numRows != rows || terminal.numCols != d) {
            throw new IllegalArgumentException("StreamedPaths.visit: backward paths need " + rows + "x" + d
                    + " terminal states; got " + (terminal == null ? "null" : terminal.numRows + "x" + terminal.numCols));
        }
        DMatrixRMaj x = terminal;
        Workspace draws = keep ? ws.sibling() : ws;
        Tape tN = tape(record, ws);
        visitor.end(tN, tN.constant(x));
        done.run();
        for (int n = steps - 1; n >= 0; n--) {
            Tape free = Tape.noGrad(draws);
            DMatrixRMaj prev = pair.backward().step(free, free.constant(x), n, noise.standardNormal(n, rows, d))
                    .value().copy();
            draws.recycle();
            Tape t = tape(record, ws);
            Var xn = t.constant(prev);
            visitor.transition(t, n, xn, t.constant(x), pair.forward().moments(t, xn, n));
            done.run();
            x = prev;
        }
        Tape t0 = tape(record, ws);
        visitor.start(t0, t0.constant(x));
        done.run();
        return x;
    }

    private static Tape tape(boolean record, Workspace ws) {
        return record ? new Tape(ws) : Tape.noGrad(ws);
    }

    /** Detached paths' log-weights {@code log w} and end points ({@code x_N} forward, {@code x_0} backward). */
    public record LogWeights(double[] logWeights, DMatrixRMaj endPoints) {
    }

    /** {@code log w = B_N − B_0 + Σ_n ℓ_n} of {@code rows} detached paths, gradient-free. */
    public static LogWeights logWeights(PathPair pair, int rows, Behaviour behaviour, DMatrixRMaj terminal,
                                        UniformRandomProvider rng) {
        return logWeights(pair, rows, behaviour, terminal, rng, null);
    }

    /** As above, with the functions of time alone from {@code shared} (a values-only pass's; null: none). */
    public static LogWeights logWeights(PathPair pair, int rows, Behaviour behaviour, DMatrixRMaj terminal,
                                        UniformRandomProvider rng, SharedLeaves shared) {
        double[] s = new double[rows];
        LogWeightForm form = pair.logWeight();
        DMatrixRMaj ends = visit(pair, rows, behaviour, terminal, rng, false, shared, new TransitionVisitor() {
            @Override
            public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                add(s, form.increment(t, n, xn, xNext, fwd), 1.0);
            }

            @Override
            public void start(Tape t, Var x0) {
                add(s, form.start(t, x0), -1.0);
            }

            @Override
            public void end(Tape t, Var xN) {
                add(s, form.end(t, xN), 1.0);
            }
        });
        return new LogWeights(s, ends);
    }

    /** {@code s[i] += sign · v[i]} for a {@code rows × 1} value. */
    public static void add(double[] s, Var v, double sign) {
        DMatrixRMaj m = v.value();
        for (int i = 0; i < s.length; i++) {
            s[i] += sign * m.data[i];
        }
    }

    /** Paths kept whole on one recording tape (reparametrised), with their log-weights. */
    public record TapedPaths(Var logWeight, Var terminal) {
    }

    /**
     * Simulates {@code rows} on-policy paths on {@code t} with {@code x_{n+1} = mean + std ⊙ z_n}, so the
     * gradient flows through the solver (the reparametrisation the KL loss needs). Memory grows with N.
     */
    public static TapedPaths simulateOnTape(PathPair pair, Tape t, int rows, UniformRandomProvider rng) {
        int d = pair.dimension();
        NoiseSource noise = NoiseSource.of(rng);
        LogWeightForm form = pair.logWeight();
        Var x0 = t.constant(pair.prior().sample(rows, rng));
        Var x = x0;
        Var logW = t.neg(form.start(t, x0));
        for (int n = 0; n < pair.grid().steps(); n++) {
            GaussianMoments fwd = pair.forward().moments(t, x, n);
            Var next = fwd.step(t, noise.standardNormal(n, rows, d));
            logW = t.add(logW, form.increment(t, n, x, next, fwd));
            x = next;
        }
        logW = t.add(logW, form.end(t, x));
        return new TapedPaths(logW, x);
    }
}
