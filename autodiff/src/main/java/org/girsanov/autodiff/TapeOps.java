package org.girsanov.autodiff;

/**
 * The ops of a {@link Tape}, each forwarding to the file of its family, where its formula, its derivative and its
 * kernel sit side by side ({@link Broadcasting}, {@link MatrixProducts}, {@link Pointwise}, {@link Gelu},
 * {@link GeluStack32}, {@link Reductions}, {@link Columns}). Split from {@code Tape} only to keep that file to the
 * recording and the reverse sweep; {@code Tape} is the only subclass.
 */
abstract class TapeOps {
    TapeOps() {
    }

    private Tape tape() {
        return (Tape) this;
    }

    /** Sums {@code g} down to {@code rows × cols}, the adjoint of broadcasting: {@link Broadcasting#reduceTo}. */
    public Var reduceTo(Var g, int rows, int cols) { return Broadcasting.reduceTo(tape(), g, rows, cols); }
    /** A row, column or scalar repeated to {@code rows × cols}: {@link Broadcasting#broadcastTo}. */
    public Var broadcastTo(Var a, int rows, int cols) { return Broadcasting.broadcastTo(tape(), a, rows, cols); }
    /** Elementwise sum with broadcasting: {@link Broadcasting#add}. */
    public Var add(Var a, Var b) { return Broadcasting.add(tape(), a, b); }
    /** Elementwise difference with broadcasting: {@link Broadcasting#sub}. */
    public Var sub(Var a, Var b) { return Broadcasting.sub(tape(), a, b); }
    /** Elementwise (Hadamard) product with broadcasting: {@link Broadcasting#mul}. */
    public Var mul(Var a, Var b) { return Broadcasting.mul(tape(), a, b); }
    /** Elementwise quotient with broadcasting: {@link Broadcasting#div}. */
    public Var div(Var a, Var b) { return Broadcasting.div(tape(), a, b); }

    /** Matrix product: {@link MatrixProducts#matmul}. */
    public Var matmul(Var a, Var b) { return MatrixProducts.matmul(tape(), a, b); }
    /** Matrix product with the left factor transposed: {@link MatrixProducts#matmulTN}. */
    public Var matmulTN(Var a, Var b) { return MatrixProducts.matmulTN(tape(), a, b); }
    /** Matrix product with the right factor transposed: {@link MatrixProducts#matmulNT}. */
    public Var matmulNT(Var a, Var b) { return MatrixProducts.matmulNT(tape(), a, b); }
    /** Adds a 1×C bias row to every row: {@link MatrixProducts#addBias}. */
    public Var addBias(Var x, Var bias) { return MatrixProducts.addBias(tape(), x, bias); }
    /** The fused affine map of a dense layer: {@link MatrixProducts#linear}. */
    public Var linear(Var x, Var w, Var bias) { return MatrixProducts.linear(tape(), x, w, bias); }

    /** Negation: {@link Pointwise#neg}. */
    public Var neg(Var a) { return Pointwise.neg(tape(), a); }
    /** Multiplication by a constant: {@link Pointwise#scale}. */
    public Var scale(Var a, double c) { return Pointwise.scale(tape(), a, c); }
    /** Addition of a constant: {@link Pointwise#addScalar}. */
    public Var addScalar(Var a, double c) { return Pointwise.addScalar(tape(), a, c); }
    /** Exponential: {@link Pointwise#exp}. */
    public Var exp(Var a) { return Pointwise.exp(tape(), a); }
    /** Natural logarithm: {@link Pointwise#log}. */
    public Var log(Var a) { return Pointwise.log(tape(), a); }
    /** Logarithm of one plus the argument: {@link Pointwise#log1p}. */
    public Var log1p(Var a) { return Pointwise.log1p(tape(), a); }
    /** Square root: {@link Pointwise#sqrt}. */
    public Var sqrt(Var a) { return Pointwise.sqrt(tape(), a); }
    /** Square: {@link Pointwise#square}. */
    public Var square(Var a) { return Pointwise.square(tape(), a); }
    /** Power with a constant exponent: {@link Pointwise#pow}. */
    public Var pow(Var a, double p) { return Pointwise.pow(tape(), a, p); }
    /** Hyperbolic tangent: {@link Pointwise#tanh}. */
    public Var tanh(Var a) { return Pointwise.tanh(tape(), a); }
    /** Logistic sigmoid: {@link Pointwise#sigmoid}. */
    public Var sigmoid(Var a) { return Pointwise.sigmoid(tape(), a); }
    /** Softplus: {@link Pointwise#softplus}. */
    public Var softplus(Var a) { return Pointwise.softplus(tape(), a); }
    /** {@code log Φ(a)}, the log standard normal distribution function: {@link Pointwise#logNormalCdf}. */
    public Var logNormalCdf(Var a) { return Pointwise.logNormalCdf(tape(), a); }
    /** {@code φ(a)/Φ(a)}, the derivative of {@code log Φ}: {@link Pointwise#dLogNormalCdf}. */
    public Var dLogNormalCdf(Var a) { return Pointwise.dLogNormalCdf(tape(), a); }
    /** Rectifier: {@link Pointwise#relu}. */
    public Var relu(Var a) { return Pointwise.relu(tape(), a); }
    /** GELU, tanh form: {@link Gelu#gelu}. */
    public Var gelu(Var a) { return Gelu.gelu(tape(), a); }

    /**
     * {@code h_m}, {@code h_{l+1} = GELU(h_l W_l + 1 b_lᵀ)}, {@code h_0 = x}: dense GELU layers ({@code W_0} {@code d × w},
     * the others {@code w × w}) in float32, one op ({@link GeluStack32}); no recorded backward.
     */
    public Var geluStack32(Var x, Var[] w, Var[] b) { return GeluStack32.apply(tape(), x, w, b); }
    /** SiLU (swish): {@link Pointwise#silu}. */
    public Var silu(Var a) { return Pointwise.silu(tape(), a); }
    /** Sine: {@link Pointwise#sin}. */
    public Var sin(Var a) { return Pointwise.sin(tape(), a); }
    /** Cosine: {@link Pointwise#cos}. */
    public Var cos(Var a) { return Pointwise.cos(tape(), a); }

    /** Sum of all entries, 1×1: {@link Reductions#sum}. */
    public Var sum(Var a) { return Reductions.sum(tape(), a); }
    /** Sum over rows (over the batch), 1×C: {@link Reductions#sumRows}. */
    public Var sumRows(Var a) { return Reductions.sumRows(tape(), a); }
    /** Sum over columns (per sample), R×1: {@link Reductions#sumCols}. */
    public Var sumCols(Var a) { return Reductions.sumCols(tape(), a); }
    /** Mean of all entries, 1×1: {@link Reductions#mean}. */
    public Var mean(Var a) { return Reductions.mean(tape(), a); }
    /** Mean over rows (over the batch), 1×C: {@link Reductions#meanRows}. */
    public Var meanRows(Var a) { return Reductions.meanRows(tape(), a); }
    /** Row-wise log-sum-exp, R×1: {@link Reductions#logSumExp}. */
    public Var logSumExp(Var a) { return Reductions.logSumExp(tape(), a); }

    /** Columns {@code [from, to)}: {@link Columns#slice}. */
    public Var slice(Var a, int from, int to) { return Columns.slice(tape(), a, from, to); }
    /** {@code a} placed at columns {@code [offset, offset + a.cols)} of zeros: {@link Columns#padColumns}. */
    public Var padColumns(Var a, int offset, int total) { return Columns.padColumns(tape(), a, offset, total); }
    /** Columns of the parts side by side: {@link Columns#concat}. */
    public Var concat(Var... parts) { return Columns.concat(tape(), parts); }
}
