package org.girsanov.autodiff;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A reverse-mode autodiff tape over batched EJML matrices.
 *
 * <p>Every op computes its value eagerly and, when one of its inputs needs a gradient, appends a node
 * to the tape. Because nodes are appended in the order they are computed, the tape order is a
 * topological order, and a backward pass is a single reverse sweep (micrograd's recipe, batched):
 * <pre>
 *   adj[out] = seed;   for node in reverse(tape): for parent p of node: adj[p] += vjp_node(adj[node])_p
 * </pre>
 * Each op's local vector–Jacobian product ({@link BackwardRule}) sits right beside its forward
 * computation and is itself written in tape ops, so with {@code createGraph} the backward pass is
 * recorded and can be differentiated again (Hessian–vector products, gradients of divergences).
 *
 * <p>Shapes: values are {@code rows × cols} with rows = batch (DESIGN invariant 1). Binary
 * elementwise ops broadcast a {@code 1×C} row, an {@code R×1} column or a {@code 1×1} scalar; the
 * backward pass sums the gradient back to the operand's shape.
 *
 * <p>The ops, each with its forward, its plain (fused) backward and its recorded backward side by side, live
 * in one file per family: {@link Broadcasting} (elementwise binary ops), {@link MatrixProducts},
 * {@link Pointwise} (unary elementwise ops and activations), {@link Gelu}, {@link Reductions} and
 * {@link Columns}; the methods of {@link TapeOps}, which this class extends, only forward to them. This class is the
 * recording and the reverse sweep.
 *
 * <p>A tape is used by one thread. There is no global tape (DESIGN invariant 2): parallel batch
 * chunks each use their own tape and their own {@link Gradients}.
 */
public final class Tape extends TapeOps {
    /** Whether ops on this tape record nodes (read by the ops' backward rules to pick the fused path). */
    final boolean recording;
    private final List<Var> nodes = new ArrayList<>();
    private final Map<Parameter, Var> parameterLeaves = new IdentityHashMap<>();
    /**
     * During a plain parameter backward ({@link #backward}: no createGraph, no inputs) the weight and bias
     * gradients of {@link #linear} go straight into the gradient buffers (C += XᵀG) instead of through
     * a fresh adjoint matrix per parameter use; {@code directSink} is where they go (null: the parameters'
     * own buffers).
     */
    private boolean direct;
    private Gradients directSink;
    /** Where the products', activations' and elementwise ops' values come from; null: fresh matrices. */
    private final Workspace workspace;
    /** The kernels' scratch: the workspace's, or this tape's own (made on first use). */
    private Kernels.Scratch scratch;

    /** A recording tape. */
    public Tape() {
        this(true, null);
    }

    /**
     * A recording tape whose op values and adjoints come from {@code workspace}: they are void after the
     * workspace's {@link Workspace#recycle()} (see there for what to copy first).
     */
    public Tape(Workspace workspace) {
        this(true, java.util.Objects.requireNonNull(workspace, "workspace"));
    }

    private Tape(boolean recording, Workspace workspace) {
        this.recording = recording;
        this.workspace = workspace;
        this.scratch = workspace == null ? null : workspace.scratch;
    }

    /**
     * A tape that records nothing: every op just computes its value, and no value requires a gradient.
     * Used for gradient-free simulation (detached paths) and for plain backward passes.
     */
    public static Tape noGrad() {
        return new Tape(false, null);
    }

    /** As {@link #noGrad()}, with op values from {@code workspace} (void after its {@link Workspace#recycle()}). */
    public static Tape noGrad(Workspace workspace) {
        return new Tape(false, java.util.Objects.requireNonNull(workspace, "workspace"));
    }

    /** Storage for an op's value or adjoint: from the workspace if any (contents arbitrary), else fresh; the op writes all. */
    DMatrixRMaj newValue(int rows, int cols) {
        return workspace == null ? new DMatrixRMaj(rows, cols) : workspace.matrix(rows, cols);
    }

    /**
     * Scratch storage for a computation beside the tape (a closed-form score, say): {@code length} doubles from this
     * tape's workspace, void after its {@link Workspace#recycle()} and with arbitrary contents, or a fresh zeroed
     * array when the tape has no workspace. Nothing is recorded. The caller writes every element it reads.
     */
    public double[] lend(int length) {
        return workspace == null ? new double[length] : workspace.matrix(1, length).data;
    }

    /** {@code length} floats from the workspace (void after its recycle; contents arbitrary), or fresh. */
    float[] lendFloats(int length) {
        return workspace == null ? new float[length] : workspace.floats(length);
    }

    /**
     * The value of {@code b} (n × p) rounded to float, transposed if asked: kept by a workspace made for fixed
     * parameters when {@code b} is a parameter leaf ({@link Workspace#parameterFloats}), else converted now.
     */
    float[] parameterFloats(Var b, boolean transpose) {
        return workspace == null || b.parameter == null || b.rule != null
                ? Workspace.toFloats(b.value.data, b.rows(), b.cols(), transpose)
                : workspace.parameterFloats(b.value.data, b.rows(), b.cols(), transpose);
    }

    /** {@code Bᵀ} of a parameter value {@code b} (n × p) kept by the workspace, or null: {@link Workspace#parameterTranspose}. */
    double[] parameterTranspose(Var b) {
        return workspace == null || b.parameter == null || b.rule != null ? null
                : workspace.parameterTranspose(b.value.data, b.rows(), b.cols());
    }

    /** The kernels' scratch of this tape (one thread uses a tape, so one scratch suffices). */
    Kernels.Scratch scratch() {
        if (scratch == null) {
            scratch = new Kernels.Scratch();
        }
        return scratch;
    }

    /** Whether this tape records nodes. */
    public boolean isRecording() {
        return recording;
    }

    /** Number of recorded nodes (a measure of memory held by the tape). */
    public int size() {
        return nodes.size();
    }

    // ------------------------------------------------------------------------------------------
    // Leaves
    // ------------------------------------------------------------------------------------------

    /** A constant (no gradient). The matrix is used as is, not copied: do not modify it afterwards. */
    public Var constant(DMatrixRMaj value) {
        return new Var(this, value, "constant", null, null, false, null);
    }

    /** A 1×1 constant. */
    public Var scalar(double c) {
        DMatrixRMaj m = new DMatrixRMaj(1, 1);
        m.data[0] = c;
        return constant(m);
    }

    /** A constant filled with {@code c}. */
    public Var full(int rows, int cols, double c) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(m, c);
        return constant(m);
    }

    /**
     * A leaf that gradients can be taken with respect to ({@link #grad}). The matrix is used as is, not
     * copied. On a non-recording tape this is a constant.
     */
    public Var input(DMatrixRMaj value) {
        return leaf(value, "input", null);
    }

    /**
     * The leaf of a parameter on this tape (one per parameter per tape). Its value is the parameter's
     * live value; {@link #backward} adds its adjoint to the parameter's gradient.
     */
    public Var param(Parameter p) {
        Var v = parameterLeaves.get(p);
        if (v == null) {
            v = leaf(p.value(), "param:" + p.name(), p);
            parameterLeaves.put(p, v);
        }
        return v;
    }

    /**
     * {@code f(time)}, a function of time alone named {@code name}: the leaf of its value computed once for the whole
     * pass when this tape's workspace carries {@link SharedLeaves} (its adjoint goes where a parameter's goes), else
     * {@code f} recorded on this tape.
     */
    public Var shared(String name, double time, SharedLeaves.TimeFunction f) {
        SharedLeaves s = workspace == null ? null : workspace.shared();
        if (s == null) {
            return f.apply(this, time);
        }
        if (recording && !s.recording()) {
            throw new IllegalStateException("Tape.shared('" + name + "'): a recording tape on a workspace whose shared"
                    + " values were computed without a gradient");
        }
        Parameter leaf = s.leaf(name, time, f);
        return leaf == null ? f.apply(this, time) : param(leaf);
    }

    private Var leaf(DMatrixRMaj value, String op, Parameter p) {
        Var v = new Var(this, value, op, null, null, recording, p);
        if (recording) {
            v.index = nodes.size();
            nodes.add(v);
        }
        return v;
    }

    /**
     * Records the result of an op. The node needs a gradient iff this tape records and some parent
     * needs one; otherwise the value is returned as a constant and nothing is kept.
     */
    Var node(DMatrixRMaj value, String op, BackwardRule rule, Var... parents) {
        boolean needs = false;
        if (recording) {
            for (Var p : parents) {
                if (p.requiresGrad) {
                    if (p.tape != this) {
                        throw new IllegalArgumentException(op + ": operand " + p
                                + " belongs to another tape; detach it or make it a constant of this tape");
                    }
                    needs = true;
                }
            }
        }
        if (!needs) {
            return new Var(this, value, op, null, null, false, null);
        }
        Var v = new Var(this, value, op, parents, rule, true, null);
        v.index = nodes.size();
        nodes.add(v);
        return v;
    }

    /**
     * Stop-gradient: the same value, cut from the graph at every order (DESIGN invariant 3).
     * {@code d detach(x) / dx = 0}.
     */
    public Var detach(Var a) {
        return new Var(this, a.value, "detach", null, null, false, null);
    }

    // ------------------------------------------------------------------------------------------
    // Backward passes
    // ------------------------------------------------------------------------------------------

    /**
     * Adds {@code ∂(Σ loss)/∂θ} to the gradient buffer of every parameter θ used on this tape. For a
     * 1×1 loss this is the ordinary gradient.
     */
    public void backward(Var loss) {
        sweep(loss, ones(loss), false, new Var[0], null);
    }

    /**
     * As {@link #backward(Var, Gradients)}, with the sweep's adjoints and scratch from {@code adjoints} instead of this
     * tape's workspace (void after its {@link Workspace#recycle()}): a kept tape's values stay, its adjoints need not.
     */
    public void backward(Var loss, Gradients sink, Workspace adjoints) {
        Tape g = new Tape(false, java.util.Objects.requireNonNull(adjoints, "adjoints"));
        sweep(loss, ones(loss), false, new Var[0], sink, g);
    }

    /** Adds {@code ∂⟨seed, output⟩/∂θ} to the parameters' gradient buffers ({@code seed} shaped like {@code output}). */
    void backwardSeeded(Var output, DMatrixRMaj seed) {
        sweep(output, constant(seed), false, new Var[0], null);
    }

    /** As {@link #backward(Var)}, but adds the parameter gradients into {@code sink} instead. */
    public void backward(Var loss, Gradients sink) {
        sweep(loss, ones(loss), false, new Var[0], sink);
    }

    /**
     * Gradient of {@code Σ_ij output_ij} with respect to each input: for a 1×1 output the gradient; for a
     * batch of per-sample scalars (R×1) the per-sample gradients. Inputs the output does not depend on
     * get zeros. With {@code createGraph} the result is recorded and can be differentiated again.
     */
    public Var[] grad(Var output, boolean createGraph, Var... inputs) {
        return sweep(output, ones(output), createGraph, inputs, null);
    }

    /**
     * Vector–Jacobian product {@code vᵀ ∂output/∂input} for each input, where {@code v} has the shape of
     * {@code output}.
     */
    public Var[] vjp(Var output, Var v, boolean createGraph, Var... inputs) {
        checkSameShape("vjp", output, v);
        return sweep(output, v, createGraph, inputs, null);
    }

    /**
     * Jacobian–vector product {@code (∂output/∂input) v}, {@code v} shaped like {@code input}, by the
     * double-VJP trick: {@code u ↦ uᵀJ} is linear in {@code u}, and {@code J v = ∂(uᵀ J v)/∂u}. The
     * result is recorded (it can be differentiated again with respect to earlier leaves).
     */
    public Var jvp(Var output, Var input, Var v) {
        checkSameShape("jvp", input, v);
        requireRecording("jvp");
        Var u = input(new DMatrixRMaj(output.rows(), output.cols()));
        Var uJ = vjp(output, u, true, input)[0];
        return grad(sum(mul(uJ, v)), true, u)[0];
    }

    private Var ones(Var output) {
        return full(output.rows(), output.cols(), 1.0);
    }

    private Var[] sweep(Var output, Var seed, boolean createGraph, Var[] inputs, Gradients sink) {
        return sweep(output, seed, createGraph, inputs, sink, null);
    }

    private Var[] sweep(Var output, Var seed, boolean createGraph, Var[] inputs, Gradients sink, Tape backwardTape) {
        if (output.tape != this) {
            throw new IllegalArgumentException("backward: output " + output + " belongs to another tape");
        }
        if (createGraph) {
            requireRecording("grad(createGraph=true)");
        }
        Var[] result = new Var[inputs.length];
        if (!output.requiresGrad) {
            for (int i = 0; i < inputs.length; i++) {
                result[i] = constant(new DMatrixRMaj(inputs[i].rows(), inputs[i].cols()));
            }
            return result;
        }
        final Tape g = createGraph ? this : backwardTape != null ? backwardTape : backwardTape();
        direct = !createGraph && inputs.length == 0;
        directSink = sink;
        try {
            return ReverseSweep.run(this, nodes, output, seed, g, inputs, sink, result);
        } finally {
            direct = false;
            directSink = null;
        }
    }

    /** The non-recording tape of a plain backward sweep: this tape's workspace and scratch. */
    private Tape backwardTape() {
        Tape g = new Tape(false, workspace);
        g.scratch = scratch();
        return g;
    }

    /** If {@code p} is a parameter leaf of this tape and a plain parameter backward runs, its gradient buffer. */
    DMatrixRMaj directBuffer(Var p) {
        if (!direct || p.rule != null || p.parameter == null || p.tape != this) {
            return null;
        }
        return directSink == null ? p.parameter.grad() : directSink.bufferFor(p.parameter);
    }

    private void requireRecording(String what) {
        if (!recording) {
            throw new IllegalStateException(what + " needs a recording tape; this tape is Tape.noGrad()");
        }
    }


    static IllegalArgumentException shapeError(String op, Var a, Var b, String expected) {
        return new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape()
                + " are not " + expected);
    }

    private static void checkSameShape(String op, Var a, Var b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw shapeError(op, a, b, "equal");
        }
    }
}
