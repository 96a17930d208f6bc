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
 * <p>A tape is used by one thread. There is no global tape (DESIGN invariant 2): parallel batch
 * chunks each use their own tape and their own {@link Gradients}.
 */
public final class Tape {
    private final boolean recording;
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

    /** A recording tape. */
    public Tape() {
        this(true);
    }

    private Tape(boolean recording) {
        this.recording = recording;
    }

    /**
     * A tape that records nothing: every op just computes its value, and no value requires a gradient.
     * Used for gradient-free simulation (detached paths) and for plain backward passes.
     */
    public static Tape noGrad() {
        return new Tape(false);
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
        final Tape g = createGraph ? this : noGrad();
        direct = !createGraph && inputs.length == 0;
        directSink = sink;
        try {
            return sweepNodes(output, seed, g, inputs, sink, result);
        } finally {
            direct = false;
            directSink = null;
        }
    }

    /** If {@code p} is a parameter leaf of this tape and a plain parameter backward runs, its gradient buffer. */
    private DMatrixRMaj directBuffer(Var p) {
        if (!direct || p.rule != null || p.parameter == null || p.tape != this) {
            return null;
        }
        return directSink == null ? p.parameter.grad() : directSink.bufferFor(p.parameter);
    }

    private Var[] sweepNodes(Var output, Var seed, Tape g, Var[] inputs, Gradients sink, Var[] result) {
        final int top = output.index;
        final Var[] adj = new Var[top + 1];
        adj[top] = seed;
        final boolean[] keep = new boolean[top + 1];
        for (Var in : inputs) {
            if (in.tape == this && in.requiresGrad && in.index <= top && in.index >= 0) {
                keep[in.index] = true;
            }
        }
        for (int i = top; i >= 0; i--) {
            Var gi = adj[i];
            if (gi == null) {
                continue;
            }
            Var node = nodes.get(i);
            if (node.rule == null) {
                if (node.parameter != null && inputs.length == 0) {
                    DMatrixRMaj buf = sink == null ? node.parameter.grad() : sink.bufferFor(node.parameter);
                    Gradients.addInto(buf, gi.value);
                }
                continue;
            }
            Var[] pg = node.rule.backward(g, node, gi);
            Var[] ps = node.parents;
            for (int j = 0; j < ps.length; j++) {
                Var p = ps[j];
                if (pg[j] == null || !p.requiresGrad) {
                    continue;
                }
                if (pg[j].rows() != p.rows() || pg[j].cols() != p.cols()) {
                    throw new IllegalStateException("backward of " + node.op + ": gradient for parent " + j
                            + " has shape " + pg[j].shape() + " but the parent is " + p.shape());
                }
                adj[p.index] = adj[p.index] == null ? pg[j] : g.add(adj[p.index], pg[j]);
            }
            if (!keep[i]) {
                adj[i] = null;
            }
        }
        for (int k = 0; k < inputs.length; k++) {
            Var in = inputs[k];
            Var a = (in.tape == this && in.requiresGrad && in.index >= 0 && in.index <= top) ? adj[in.index] : null;
            result[k] = a != null ? a : constant(new DMatrixRMaj(in.rows(), in.cols()));
        }
        return result;
    }

    private void requireRecording(String what) {
        if (!recording) {
            throw new IllegalStateException(what + " needs a recording tape; this tape is Tape.noGrad()");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Broadcasting binary ops
    // ------------------------------------------------------------------------------------------

    // Elementwise kernels are selected by an int code and run as plain loops (no DoubleUnaryOperator /
    // lambda per element: a shared loop over a megamorphic functional interface does not inline).
    private static final int B_ADD = 0;
    private static final int B_SUB = 1;
    private static final int B_MUL = 2;
    private static final int B_DIV = 3;
    private static final int B_FIRST = 4;

    private static double binary(int code, double a, double b) {
        switch (code) {
            case B_ADD: return a + b;
            case B_SUB: return a - b;
            case B_MUL: return a * b;
            case B_DIV: return a / b;
            default: return a;
        }
    }

    private static int broadcastDim(String op, Var a, Var b, int da, int db) {
        if (da == db || db == 1) {
            return da;
        }
        if (da == 1) {
            return db;
        }
        throw shapeError(op, a, b, "broadcast-compatible (equal, 1xC row, Rx1 column or 1x1 scalar)");
    }

    static IllegalArgumentException shapeError(String op, Var a, Var b, String expected) {
        return new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape()
                + " are not " + expected);
    }

    private static DMatrixRMaj broadcast(String op, Var va, Var vb, int f) {
        DMatrixRMaj a = va.value;
        DMatrixRMaj b = vb.value;
        int rows = broadcastDim(op, va, vb, a.numRows, b.numRows);
        int cols = broadcastDim(op, va, vb, a.numCols, b.numCols);
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        double[] o = out.data;
        double[] x = a.data;
        double[] y = b.data;
        if (a.numRows == b.numRows && a.numCols == b.numCols) {
            int n = rows * cols;
            switch (f) {
                case B_ADD: for (int i = 0; i < n; i++) { o[i] = x[i] + y[i]; } break;
                case B_SUB: for (int i = 0; i < n; i++) { o[i] = x[i] - y[i]; } break;
                case B_MUL: for (int i = 0; i < n; i++) { o[i] = x[i] * y[i]; } break;
                case B_DIV: for (int i = 0; i < n; i++) { o[i] = x[i] / y[i]; } break;
                default: System.arraycopy(x, 0, o, 0, n);
            }
            return out;
        }
        if (b.numRows == 1 && a.numRows == rows && a.numCols == cols && b.numCols == cols) {
            // R×C with a 1×C row (bias-like): one plain loop per row per op, no per-element dispatch
            for (int i = 0; i < rows; i++) {
                final int o0 = i * cols;
                switch (f) {
                    case B_ADD: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] + y[j]; } break;
                    case B_SUB: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] - y[j]; } break;
                    case B_MUL: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] * y[j]; } break;
                    case B_DIV: for (int j = 0; j < cols; j++) { o[o0 + j] = x[o0 + j] / y[j]; } break;
                    default: System.arraycopy(x, o0, o, o0, cols);
                }
            }
            return out;
        }
        if (a.numRows == 1 && b.numRows == rows && b.numCols == cols && a.numCols == cols) {
            for (int i = 0; i < rows; i++) {
                final int o0 = i * cols;
                switch (f) {
                    case B_ADD: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] + y[o0 + j]; } break;
                    case B_SUB: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] - y[o0 + j]; } break;
                    case B_MUL: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] * y[o0 + j]; } break;
                    case B_DIV: for (int j = 0; j < cols; j++) { o[o0 + j] = x[j] / y[o0 + j]; } break;
                    default: System.arraycopy(x, 0, o, o0, cols);
                }
            }
            return out;
        }
        int ars = a.numRows == 1 ? 0 : a.numCols;
        int acs = a.numCols == 1 ? 0 : 1;
        int brs = b.numRows == 1 ? 0 : b.numCols;
        int bcs = b.numCols == 1 ? 0 : 1;
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int ai = i * ars;
            int bi = i * brs;
            for (int j = 0; j < cols; j++) {
                o[k++] = binary(f, x[ai + j * acs], y[bi + j * bcs]);
            }
        }
        return out;
    }

    /** Sums {@code g} down to {@code rows × cols} (the adjoint of broadcasting). */
    public Var reduceTo(Var g, int rows, int cols) {
        Var r = g;
        if (rows == 1 && r.rows() != 1) {
            r = sumRows(r);
        }
        if (cols == 1 && r.cols() != 1) {
            r = sumCols(r);
        }
        if (r.rows() != rows || r.cols() != cols) {
            throw new IllegalArgumentException("reduceTo: cannot reduce " + g.shape() + " to " + rows + "x" + cols);
        }
        return r;
    }

    /** {@code a} repeated to {@code rows × cols} (a row, a column or a scalar). */
    public Var broadcastTo(Var a, int rows, int cols) {
        if (a.rows() == rows && a.cols() == cols) {
            return a;
        }
        if ((a.rows() != 1 && a.rows() != rows) || (a.cols() != 1 && a.cols() != cols)) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast " + a.shape() + " to " + rows + "x" + cols);
        }
        DMatrixRMaj out = broadcast("broadcastTo", a, new Var(this, new DMatrixRMaj(rows, cols), "", null, null, false, null),
                B_FIRST);
        return node(out, "broadcastTo", (g, o, go) -> new Var[] {g.reduceTo(go, a.rows(), a.cols())}, a);
    }

    /** Elementwise {@code a + b} with broadcasting. */
    public Var add(Var a, Var b) {
        DMatrixRMaj out = broadcast("add", a, b, B_ADD);
        return node(out, "add", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(go, a.rows(), a.cols()) : null,
            b.requiresGrad ? g.reduceTo(go, b.rows(), b.cols()) : null}, a, b);
    }

    /** Elementwise {@code a − b} with broadcasting. */
    public Var sub(Var a, Var b) {
        DMatrixRMaj out = broadcast("sub", a, b, B_SUB);
        return node(out, "sub", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(go, a.rows(), a.cols()) : null,
            b.requiresGrad ? g.neg(g.reduceTo(go, b.rows(), b.cols())) : null}, a, b);
    }

    /** Elementwise {@code a ⊙ b} with broadcasting. */
    public Var mul(Var a, Var b) {
        DMatrixRMaj out = broadcast("mul", a, b, B_MUL);
        return node(out, "mul", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(g.mul(go, b), a.rows(), a.cols()) : null,
            b.requiresGrad ? g.reduceTo(g.mul(go, a), b.rows(), b.cols()) : null}, a, b);
    }

    /** Elementwise {@code a / b} with broadcasting; {@code ∂/∂b = −a/b²}. */
    public Var div(Var a, Var b) {
        DMatrixRMaj out = broadcast("div", a, b, B_DIV);
        return node(out, "div", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.reduceTo(g.div(go, b), a.rows(), a.cols()) : null,
            b.requiresGrad ? g.reduceTo(g.neg(g.div(g.mul(go, o), b)), b.rows(), b.cols()) : null}, a, b);
    }

    // ------------------------------------------------------------------------------------------
    // Matrix products
    // ------------------------------------------------------------------------------------------

    /** {@code A B}; {@code ∂/∂A = G Bᵀ}, {@code ∂/∂B = Aᵀ G}. */
    public Var matmul(Var a, Var b) {
        if (a.cols() != b.rows()) {
            throw shapeError("matmul", a, b, "compatible for A·B (A.cols must equal B.rows)");
        }
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), b.cols());
        Kernels.multNN(a.value.data, b.value.data, null, out.data, a.rows(), a.cols(), b.cols());
        return node(out, "matmul", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.matmulNT(go, b) : null,
            b.requiresGrad ? g.matmulTN(a, go) : null}, a, b);
    }

    /** {@code Aᵀ B}; {@code ∂/∂A = B Gᵀ}, {@code ∂/∂B = A G}. */
    public Var matmulTN(Var a, Var b) {
        if (a.rows() != b.rows()) {
            throw shapeError("matmulTN", a, b, "compatible for Aᵀ·B (A.rows must equal B.rows)");
        }
        DMatrixRMaj out = new DMatrixRMaj(a.cols(), b.cols());
        Kernels.multTN(a.value.data, b.value.data, out.data, a.rows(), a.cols(), b.cols(), false);
        return node(out, "matmulTN", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.matmulNT(b, go) : null,
            b.requiresGrad ? g.matmul(a, go) : null}, a, b);
    }

    /** {@code A Bᵀ}; {@code ∂/∂A = G B}, {@code ∂/∂B = Gᵀ A}. */
    public Var matmulNT(Var a, Var b) {
        if (a.cols() != b.cols()) {
            throw shapeError("matmulNT", a, b, "compatible for A·Bᵀ (A.cols must equal B.cols)");
        }
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), b.rows());
        Kernels.multNT(a.value.data, b.value.data, out.data, a.rows(), a.cols(), b.rows());
        return node(out, "matmulNT", (g, o, go) -> new Var[] {
            a.requiresGrad ? g.matmul(go, b) : null,
            b.requiresGrad ? g.matmulTN(go, a) : null}, a, b);
    }

    /** {@code X + 1 bᵀ}: adds the 1×C row {@code bias} to every row of {@code x}. */
    public Var addBias(Var x, Var bias) {
        if (bias.rows() != 1 || bias.cols() != x.cols()) {
            throw shapeError("addBias", x, bias, "compatible (bias must be 1x" + x.cols() + ")");
        }
        return add(x, bias);
    }

    /**
     * The fused affine map {@code X W + 1 bᵀ} of a dense layer ({@code X}: n×in, {@code W}: in×out,
     * {@code b}: 1×out). Same value as {@code addBias(matmul(x, w), bias)}, one node instead of two;
     * {@code ∂/∂X = G Wᵀ}, {@code ∂/∂W = Xᵀ G}, {@code ∂/∂b = 1ᵀ G} (the column sums of {@code G}).
     */
    public Var linear(Var x, Var w, Var bias) {
        if (x.cols() != w.rows()) {
            throw shapeError("linear", x, w, "compatible for X·W (X.cols must equal W.rows)");
        }
        if (bias.rows() != 1 || bias.cols() != w.cols()) {
            throw shapeError("linear", w, bias, "compatible (bias must be 1x" + w.cols() + ")");
        }
        DMatrixRMaj out = new DMatrixRMaj(x.rows(), w.cols());
        Kernels.multNN(x.value.data, w.value.data, bias.value.data, out.data, x.rows(), x.cols(), w.cols());
        return node(out, "linear", (g, r, go) -> {
            Var gw = null;
            Var gb = null;
            DMatrixRMaj bw = w.requiresGrad && !g.recording ? directBuffer(w) : null;
            if (bw != null) {
                Kernels.multTN(x.value.data, go.value.data, bw.data, x.rows(), x.cols(), go.cols(), true);
            } else if (w.requiresGrad) {
                gw = g.matmulTN(x, go);
            }
            DMatrixRMaj bb = bias.requiresGrad && !g.recording ? directBuffer(bias) : null;
            if (bb != null) {
                final double[] d = go.value.data;
                final double[] acc = bb.data;
                final int n = go.cols();
                for (int i = 0, rows = go.rows(); i < rows; i++) {
                    for (int j = 0; j < n; j++) {
                        acc[j] += d[i * n + j];
                    }
                }
            } else if (bias.requiresGrad) {
                gb = g.sumRows(go);
            }
            return new Var[] {x.requiresGrad ? g.matmulNT(go, w) : null, gw, gb};
        }, x, w, bias);
    }

    // ------------------------------------------------------------------------------------------
    // Elementwise unary ops
    // ------------------------------------------------------------------------------------------

    private static final int NEG = 0;
    private static final int SCALE = 1;
    private static final int ADD_C = 2;
    private static final int EXP = 3;
    private static final int LOG = 4;
    private static final int LOG1P = 5;
    private static final int SQRT = 6;
    private static final int SQUARE = 7;
    private static final int POW = 8;
    private static final int TANH = 9;
    private static final int SIGMOID = 10;
    private static final int SOFTPLUS = 11;
    private static final int RELU = 12;
    private static final int STEP = 13;
    private static final int SIN = 14;
    private static final int COS = 15;

    /** {@code f(a)} elementwise for the kernel {@code code} (with constant {@code c} where it takes one). */
    private static DMatrixRMaj map(DMatrixRMaj a, int code, double c) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        final int n = a.getNumElements();
        final double[] x = a.data;
        final double[] o = out.data;
        switch (code) {
            case NEG: for (int i = 0; i < n; i++) { o[i] = -x[i]; } break;
            case SCALE: for (int i = 0; i < n; i++) { o[i] = c * x[i]; } break;
            case ADD_C: for (int i = 0; i < n; i++) { o[i] = x[i] + c; } break;
            case EXP: for (int i = 0; i < n; i++) { o[i] = Math.exp(x[i]); } break;
            case LOG: for (int i = 0; i < n; i++) { o[i] = Math.log(x[i]); } break;
            case LOG1P: for (int i = 0; i < n; i++) { o[i] = Math.log1p(x[i]); } break;
            case SQRT: for (int i = 0; i < n; i++) { o[i] = Math.sqrt(x[i]); } break;
            case SQUARE: for (int i = 0; i < n; i++) { o[i] = x[i] * x[i]; } break;
            case POW: for (int i = 0; i < n; i++) { o[i] = Math.pow(x[i], c); } break;
            case TANH: for (int i = 0; i < n; i++) { o[i] = Math.tanh(x[i]); } break;
            case SIGMOID: for (int i = 0; i < n; i++) { o[i] = sigmoidValue(x[i]); } break;
            case SOFTPLUS:
                for (int i = 0; i < n; i++) {
                    o[i] = Math.max(x[i], 0.0) + Math.log1p(Math.exp(-Math.abs(x[i])));
                }
                break;
            case RELU: for (int i = 0; i < n; i++) { o[i] = x[i] > 0 ? x[i] : 0.0; } break;
            case STEP: for (int i = 0; i < n; i++) { o[i] = x[i] > 0 ? 1.0 : 0.0; } break;
            case SIN: for (int i = 0; i < n; i++) { o[i] = Math.sin(x[i]); } break;
            case COS: for (int i = 0; i < n; i++) { o[i] = Math.cos(x[i]); } break;
            default: throw new AssertionError(code);
        }
        return out;
    }

    /**
     * Plain-numeric local derivative products for a non-recording backward pass: {@code go ⊙ f'(·)} in one
     * loop and one allocation, where the recording path composes the same formula from tape ops (kept for
     * higher order). {@code code} is the forward op; {@code a} its input, {@code o} its output.
     */
    private static Var fusedBackward(Tape g, int code, Var go, Var a, Var o) {
        DMatrixRMaj out = new DMatrixRMaj(go.rows(), go.cols());
        final int n = out.getNumElements();
        final double[] d = go.value.data;
        final double[] r = out.data;
        switch (code) {
            case TANH: {
                final double[] y = o.value.data;
                for (int i = 0; i < n; i++) { r[i] = d[i] * (1.0 - y[i] * y[i]); }
                break;
            }
            case SIGMOID: {
                final double[] y = o.value.data;
                for (int i = 0; i < n; i++) { r[i] = d[i] * (y[i] * (1.0 - y[i])); }
                break;
            }
            case SQUARE: {
                final double[] x = a.value.data;
                for (int i = 0; i < n; i++) { r[i] = d[i] * (2.0 * x[i]); }
                break;
            }
            default: throw new AssertionError(code);
        }
        return g.constant(out);
    }

    /** {@code −a}. */
    public Var neg(Var a) {
        return node(map(a.value, NEG, 0), "neg", (g, o, go) -> new Var[] {g.neg(go)}, a);
    }

    /** {@code c · a} for a constant {@code c}. */
    public Var scale(Var a, double c) {
        return node(map(a.value, SCALE, c), "scale", (g, o, go) -> new Var[] {g.scale(go, c)}, a);
    }

    /** {@code a + c} for a constant {@code c}. */
    public Var addScalar(Var a, double c) {
        return node(map(a.value, ADD_C, c), "addScalar", (g, o, go) -> new Var[] {go}, a);
    }

    /** {@code exp a}; derivative {@code exp a}. */
    public Var exp(Var a) {
        return node(map(a.value, EXP, 0), "exp", (g, o, go) -> new Var[] {g.mul(go, o)}, a);
    }

    /** {@code log a} (domain a &gt; 0); derivative {@code 1/a}. */
    public Var log(Var a) {
        return node(map(a.value, LOG, 0), "log", (g, o, go) -> new Var[] {g.div(go, a)}, a);
    }

    /** {@code log(1 + a)} (domain a &gt; −1); derivative {@code 1/(1+a)}. */
    public Var log1p(Var a) {
        return node(map(a.value, LOG1P, 0), "log1p", (g, o, go) -> new Var[] {g.div(go, g.addScalar(a, 1.0))}, a);
    }

    /** {@code √a} (domain a ≥ 0); derivative {@code 1/(2√a)}. */
    public Var sqrt(Var a) {
        return node(map(a.value, SQRT, 0), "sqrt", (g, o, go) -> new Var[] {g.div(g.scale(go, 0.5), o)}, a);
    }

    /** {@code a²}; derivative {@code 2a}. */
    public Var square(Var a) {
        return node(map(a.value, SQUARE, 0), "square", (g, o, go) -> new Var[] {g.recording ? g.mul(go, g.scale(a, 2.0))
                        : fusedBackward(g, SQUARE, go, a, o)}, a);
    }

    /** {@code a^p} for a constant exponent (non-integer p needs a &gt; 0); derivative {@code p a^(p−1)}. */
    public Var pow(Var a, double p) {
        return node(map(a.value, POW, p), "pow",
                (g, o, go) -> new Var[] {p == 1.0 ? go : g.mul(go, g.scale(g.pow(a, p - 1.0), p))}, a);
    }

    /** {@code tanh a}; derivative {@code 1 − tanh²a}. */
    public Var tanh(Var a) {
        return node(map(a.value, TANH, 0), "tanh",
                (g, o, go) -> new Var[] {g.recording ? g.mul(go, g.addScalar(g.neg(g.square(o)), 1.0))
                        : fusedBackward(g, TANH, go, a, o)}, a);
    }

    /** {@code σ(a) = 1/(1 + e^{−a})}; derivative {@code σ(1 − σ)}. */
    public Var sigmoid(Var a) {
        return node(map(a.value, SIGMOID, 0), "sigmoid",
                (g, o, go) -> new Var[] {g.recording ? g.mul(go, g.mul(o, g.addScalar(g.neg(o), 1.0)))
                        : fusedBackward(g, SIGMOID, go, a, o)}, a);
    }

    static double sigmoidValue(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@code softplus a = log(1 + e^a)}, computed stably; derivative {@code σ(a)}. */
    public Var softplus(Var a) {
        return node(map(a.value, SOFTPLUS, 0), "softplus",
                (g, o, go) -> new Var[] {g.mul(go, g.sigmoid(a))}, a);
    }

    /** {@code max(a, 0)}; derivative {@code 1{a > 0}} (second derivative 0). */
    public Var relu(Var a) {
        return node(map(a.value, RELU, 0), "relu",
                (g, o, go) -> new Var[] {g.mul(go, g.constant(map(a.value, STEP, 0)))}, a);
    }

    /**
     * GELU, tanh form: {@code ½ a (1 + tanh(√(2/π)(a + 0.044715 a³)))} (Hendrycks &amp; Gimpel 2016; PyTorch's
     * {@code approximate="tanh"}). One primitive op: the value and, in a plain backward pass, the derivative
     * product are single loops ({@code tanh} through one {@code exp}); a recorded backward
     * ({@code createGraph}) builds {@code gelu'} from tape ops, so every order of derivative is exact.
     */
    public Var gelu(Var a) {
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), a.cols());
        final int n = out.getNumElements();
        final double[] th = recording && a.requiresGrad ? new double[n] : null;
        Kernels.gelu(a.value.data, out.data, th, n);
        return node(out, "gelu", (g, o, go) -> {
            if (g.recording) {
                return new Var[] {g.mul(go, g.geluDerivative(a))};
            }
            DMatrixRMaj r = new DMatrixRMaj(go.rows(), go.cols());
            Kernels.geluBackward(go.value.data, a.value.data, th, r.data, n);
            return new Var[] {g.constant(r)};
        }, a);
    }

    /**
     * {@code gelu'(a) = ½(1 + tanh u) + ½ a (1 − tanh²u) √(2/π)(1 + 3·0.044715 a²)}, {@code u = √(2/π)(a +
     * 0.044715 a³)}, composed of tape ops (so the backward of {@link #gelu} can be recorded and differentiated).
     */
    private Var geluDerivative(Var a) {
        Var th = tanh(scale(add(a, scale(pow(a, 3.0), Kernels.GELU_K)), Kernels.GELU_C));
        Var sech2 = addScalar(neg(square(th)), 1.0);
        Var poly = addScalar(scale(square(a), 3.0 * Kernels.GELU_K), 1.0);
        return add(scale(addScalar(th, 1.0), 0.5), mul(scale(a, 0.5 * Kernels.GELU_C), mul(sech2, poly)));
    }

    /** SiLU (swish): {@code a σ(a)}, composed of tape ops. */
    public Var silu(Var a) {
        return mul(a, sigmoid(a));
    }

    /** {@code sin a}; derivative {@code cos a}. */
    public Var sin(Var a) {
        return node(map(a.value, SIN, 0), "sin", (g, o, go) -> new Var[] {g.mul(go, g.cos(a))}, a);
    }

    /** {@code cos a}; derivative {@code −sin a}. */
    public Var cos(Var a) {
        return node(map(a.value, COS, 0), "cos", (g, o, go) -> new Var[] {g.neg(g.mul(go, g.sin(a)))}, a);
    }

    // ------------------------------------------------------------------------------------------
    // Reductions
    // ------------------------------------------------------------------------------------------

    /** {@code Σ_ij a_ij} as a 1×1 value. */
    public Var sum(Var a) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        out.data[0] = CommonOps_DDRM.elementSum(a.value);
        return node(out, "sum", (g, o, go) -> new Var[] {g.broadcastTo(go, a.rows(), a.cols())}, a);
    }

    /** Sum over rows (over the batch): {@code 1 × C}. */
    public Var sumRows(Var a) {
        DMatrixRMaj out = new DMatrixRMaj(1, a.cols());
        CommonOps_DDRM.sumCols(a.value, out);
        return node(out, "sumRows", (g, o, go) -> new Var[] {g.broadcastTo(go, a.rows(), a.cols())}, a);
    }

    /** Sum over columns (per sample): {@code R × 1}. */
    public Var sumCols(Var a) {
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), 1);
        CommonOps_DDRM.sumRows(a.value, out);
        return node(out, "sumCols", (g, o, go) -> new Var[] {g.broadcastTo(go, a.rows(), a.cols())}, a);
    }

    /** Mean of all entries, 1×1. */
    public Var mean(Var a) {
        return scale(sum(a), 1.0 / ((double) a.rows() * a.cols()));
    }

    /** Mean over rows (over the batch): {@code 1 × C}. */
    public Var meanRows(Var a) {
        return scale(sumRows(a), 1.0 / a.rows());
    }

    /**
     * {@code log Σ_j exp(a_ij)} per row ({@code R × 1}), computed with the row maximum subtracted;
     * derivative {@code softmax_j(a_i·) = exp(a_ij − lse_i)}.
     */
    public Var logSumExp(Var a) {
        DMatrixRMaj v = a.value;
        int rows = v.numRows;
        int cols = v.numCols;
        DMatrixRMaj out = new DMatrixRMaj(rows, 1);
        for (int i = 0; i < rows; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, v.data[i * cols + j]);
            }
            if (m == Double.NEGATIVE_INFINITY) {
                out.data[i] = m;
                continue;
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(v.data[i * cols + j] - m);
            }
            out.data[i] = m + Math.log(s);
        }
        return node(out, "logSumExp", (g, o, go) -> new Var[] {g.mul(go, g.exp(g.sub(a, o)))}, a);
    }

    // ------------------------------------------------------------------------------------------
    // Column structure
    // ------------------------------------------------------------------------------------------

    /** Columns {@code [from, to)} of {@code a}. */
    public Var slice(Var a, int from, int to) {
        if (from < 0 || to > a.cols() || from >= to) {
            throw new IllegalArgumentException("slice: columns [" + from + ", " + to + ") of shape " + a.shape()
                    + "; need 0 <= from < to <= " + a.cols());
        }
        int rows = a.rows();
        int w = to - from;
        DMatrixRMaj out = new DMatrixRMaj(rows, w);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a.value.data, i * a.cols() + from, out.data, i * w, w);
        }
        final int total = a.cols();
        return node(out, "slice", (g, o, go) -> new Var[] {g.padColumns(go, from, total)}, a);
    }

    /** {@code a} placed at columns {@code [offset, offset + a.cols)} of a zero matrix with {@code total} columns. */
    public Var padColumns(Var a, int offset, int total) {
        if (offset < 0 || offset + a.cols() > total) {
            throw new IllegalArgumentException("padColumns: " + a.shape() + " at offset " + offset
                    + " does not fit in " + total + " columns");
        }
        int rows = a.rows();
        int w = a.cols();
        DMatrixRMaj out = new DMatrixRMaj(rows, total);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a.value.data, i * w, out.data, i * total + offset, w);
        }
        return node(out, "padColumns", (g, o, go) -> new Var[] {g.slice(go, offset, offset + w)}, a);
    }

    /** Columns of the parts side by side; all parts must have the same number of rows. */
    public Var concat(Var... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one part");
        }
        int rows = parts[0].rows();
        int total = 0;
        for (Var p : parts) {
            if (p.rows() != rows) {
                throw shapeError("concat", parts[0], p, "concatenable (equal row counts)");
            }
            total += p.cols();
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, total);
        int off = 0;
        int[] offsets = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            offsets[k] = off;
            int w = parts[k].cols();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(parts[k].value.data, i * w, out.data, i * total + off, w);
            }
            off += w;
        }
        return node(out, "concat", (g, o, go) -> {
            Var[] r = new Var[parts.length];
            for (int k = 0; k < parts.length; k++) {
                r[k] = parts[k].requiresGrad ? g.slice(go, offsets[k], offsets[k] + parts[k].cols()) : null;
            }
            return r;
        }, parts);
    }

    private static void checkSameShape(String op, Var a, Var b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw shapeError(op, a, b, "equal");
        }
    }
}
