package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every op's gradient against central differences ({@link GradCheck}), over seeded random shapes and
 * values. The scalar checked is {@code Σ op(…) ⊙ R} with a fixed random weight {@code R}, so every
 * output entry's adjoint differs.
 */
class TapeOpGradientTest {
    static final int TRIALS = 6;
    static final double H = 1e-6;
    static final double TOL = 1e-6;

    /** Σ out ⊙ R with R random of out's shape (deterministic per shape via the seed). */
    static Var weighted(Var out, long seed) {
        Tape t = out.tape();
        DMatrixRMaj r = TestData.uniform(TestData.rng(seed * 31 + out.rows() * 7 + out.cols()), out.rows(), out.cols(), -1, 1);
        return t.sum(t.mul(out, t.constant(r)));
    }

    static void check(String what, long seed, Function<Var[], Var> f, double h, double tol, DMatrixRMaj... points) {
        GradCheck.Result r = GradCheck.inputs(v -> weighted(f.apply(v), seed), h, points);
        assertTrue(r.maxRelativeError() < tol, what + " (seed " + seed + "): " + r);
    }

    enum Bcast {
        FULL_FULL, FULL_ROW, ROW_FULL, FULL_COL, COL_FULL, FULL_SCALAR, SCALAR_FULL, ROW_COL, COL_ROW, SCALAR_SCALAR;

        int[] shapeA(int r, int c) {
            return shape(name().split("_")[0], r, c);
        }

        int[] shapeB(int r, int c) {
            return shape(name().split("_")[1], r, c);
        }

        static int[] shape(String k, int r, int c) {
            switch (k) {
                case "FULL": return new int[] {r, c};
                case "ROW": return new int[] {1, c};
                case "COL": return new int[] {r, 1};
                default: return new int[] {1, 1};
            }
        }
    }

    enum BinOp {
        ADD(Tape::add), SUB(Tape::sub), MUL(Tape::mul), DIV(Tape::div);

        final TriFn f;

        BinOp(TriFn f) {
            this.f = f;
        }
    }

    interface TriFn {
        Var apply(Tape t, Var a, Var b);
    }

    @ParameterizedTest
    @EnumSource(BinOp.class)
    void binaryOpsInEveryBroadcastCase(BinOp op) {
        UniformRandomProvider rng = TestData.rng(100 + op.ordinal());
        for (Bcast bc : Bcast.values()) {
            for (int trial = 0; trial < TRIALS; trial++) {
                int r = TestData.between(rng, 2, 5);
                int c = TestData.between(rng, 2, 4);
                int[] sa = bc.shapeA(r, c);
                int[] sb = bc.shapeB(r, c);
                DMatrixRMaj a = TestData.uniform(rng, sa[0], sa[1], -2, 2);
                // divisors bounded away from 0
                DMatrixRMaj b = op == BinOp.DIV ? TestData.signedAway(rng, sb[0], sb[1], 0.5, 2)
                        : TestData.uniform(rng, sb[0], sb[1], -2, 2);
                Var probe = op.f.apply(Tape.noGrad(), Tape.noGrad().constant(a), Tape.noGrad().constant(b));
                int[] expected = {Math.max(sa[0], sb[0]), Math.max(sa[1], sb[1])};
                assertTrue(probe.rows() == expected[0] && probe.cols() == expected[1],
                        op + " " + bc + ": shape " + probe.shape());
                check(op + " " + bc + " " + r + "x" + c, trial, v -> op.f.apply(v[0].tape(), v[0], v[1]), H, TOL, a, b);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BinOp.class)
    void binaryOpsWithTheSameOperandTwice(BinOp op) {
        UniformRandomProvider rng = TestData.rng(150 + op.ordinal());
        DMatrixRMaj a = TestData.signedAway(rng, 3, 4, 0.5, 2);
        check(op + "(a, a)", 1, v -> op.f.apply(v[0].tape(), v[0], v[0]), H, TOL, a);
    }

    /** Unary ops on their natural domains. */
    enum UnOp {
        NEG(Tape::neg, -3, 3),
        SCALE((t, a) -> t.scale(a, -1.7), -3, 3),
        ADD_SCALAR((t, a) -> t.addScalar(a, 0.3), -3, 3),
        EXP(Tape::exp, -3, 3),
        LOG(Tape::log, 0.05, 4),
        LOG1P(Tape::log1p, -0.9, 4),
        SQRT(Tape::sqrt, 0.05, 4),
        SQUARE(Tape::square, -3, 3),
        POW_INT3((t, a) -> t.pow(a, 3.0), -2, 2),
        POW_2_5((t, a) -> t.pow(a, 2.5), 0.05, 3),
        POW_0_5((t, a) -> t.pow(a, 0.5), 0.05, 3),
        POW_NEG_1_5((t, a) -> t.pow(a, -1.5), 0.2, 3),
        POW_1((t, a) -> t.pow(a, 1.0), -3, 3),
        TANH(Tape::tanh, -3, 3),
        SIGMOID(Tape::sigmoid, -6, 6),
        SOFTPLUS(Tape::softplus, -6, 6),
        LOG_NORMAL_CDF(Tape::logNormalCdf, -8, 6),
        D_LOG_NORMAL_CDF(Tape::dLogNormalCdf, -8, 6),
        GELU(Tape::gelu, -3, 3),
        SILU(Tape::silu, -3, 3),
        SIN(Tape::sin, -4, 4),
        COS(Tape::cos, -4, 4),
        SUM(Tape::sum, -3, 3),
        SUM_ROWS(Tape::sumRows, -3, 3),
        SUM_COLS(Tape::sumCols, -3, 3),
        MEAN(Tape::mean, -3, 3),
        MEAN_ROWS(Tape::meanRows, -3, 3),
        LOG_SUM_EXP(Tape::logSumExp, -5, 5);

        final BiFunction<Tape, Var, Var> f;
        final double lo;
        final double hi;

        UnOp(BiFunction<Tape, Var, Var> f, double lo, double hi) {
            this.f = f;
            this.lo = lo;
            this.hi = hi;
        }
    }

    @ParameterizedTest
    @EnumSource(UnOp.class)
    void unaryOpsOverRandomShapes(UnOp op) {
        UniformRandomProvider rng = TestData.rng(200 + op.ordinal());
        for (int trial = 0; trial < TRIALS; trial++) {
            int r = TestData.between(rng, 1, 5);
            int c = TestData.between(rng, 1, 4);
            DMatrixRMaj a = TestData.uniform(rng, r, c, op.lo, op.hi);
            check(op + " " + r + "x" + c, trial, v -> op.f.apply(v[0].tape(), v[0]), H, TOL, a);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1e-2})
    void logAndSqrtNearSmallPositives(double scale) {
        UniformRandomProvider rng = TestData.rng(300);
        DMatrixRMaj a = TestData.uniform(rng, 3, 3, scale, 5 * scale);
        // h must be well below the distance to the singularity: h = scale/1e4
        double h = scale * 1e-4;
        check("log near " + scale, 1, v -> v[0].tape().log(v[0]), h, 1e-5, a);
        check("sqrt near " + scale, 2, v -> v[0].tape().sqrt(v[0]), h, 1e-5, a);
        check("pow(.,1.3) near " + scale, 3, v -> v[0].tape().pow(v[0], 1.3), h, 1e-5, a);
    }

    @org.junit.jupiter.api.Test
    void reluAwayFromZero() {
        UniformRandomProvider rng = TestData.rng(301);
        for (int trial = 0; trial < TRIALS; trial++) {
            DMatrixRMaj a = TestData.signedAway(rng, 4, 3, 0.1, 3);
            check("relu", trial, v -> v[0].tape().relu(v[0]), H, TOL, a);
        }
    }

    @org.junit.jupiter.api.Test
    void logSumExpIsStableForLargeInputs() {
        UniformRandomProvider rng = TestData.rng(302);
        DMatrixRMaj a = TestData.uniform(rng, 3, 4, 700, 710);
        check("logSumExp large", 1, v -> v[0].tape().logSumExp(v[0]), 1e-5, 1e-6, a);
    }

    @org.junit.jupiter.api.Test
    void matrixProductsOverRandomShapes() {
        UniformRandomProvider rng = TestData.rng(400);
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = TestData.between(rng, 1, 5);
            int k = TestData.between(rng, 1, 4);
            int m = TestData.between(rng, 1, 4);
            DMatrixRMaj a = TestData.uniform(rng, n, k, -2, 2);
            DMatrixRMaj b = TestData.uniform(rng, k, m, -2, 2);
            check("matmul", trial, v -> v[0].tape().matmul(v[0], v[1]), H, TOL, a, b);
            DMatrixRMaj at = TestData.uniform(rng, k, n, -2, 2);
            check("matmulTN", trial, v -> v[0].tape().matmulTN(v[0], v[1]), H, TOL, at, b);
            DMatrixRMaj bt = TestData.uniform(rng, m, k, -2, 2);
            check("matmulNT", trial, v -> v[0].tape().matmulNT(v[0], v[1]), H, TOL, a, bt);
            DMatrixRMaj bias = TestData.uniform(rng, 1, m, -2, 2);
            check("linear", trial, v -> v[0].tape().linear(v[0], v[1], v[2]), H, TOL, a, b, bias);
            DMatrixRMaj x = TestData.uniform(rng, n, m, -2, 2);
            check("addBias", trial, v -> v[0].tape().addBias(v[0], v[1]), H, TOL, x, bias);
        }
    }

    @org.junit.jupiter.api.Test
    void linearEqualsMatmulPlusBias() {
        UniformRandomProvider rng = TestData.rng(401);
        DMatrixRMaj x = TestData.uniform(rng, 5, 3, -2, 2);
        DMatrixRMaj w = TestData.uniform(rng, 3, 4, -2, 2);
        DMatrixRMaj b = TestData.uniform(rng, 1, 4, -2, 2);
        Tape t = Tape.noGrad();
        Var fused = t.linear(t.constant(x), t.constant(w), t.constant(b));
        Var plain = t.addBias(t.matmul(t.constant(x), t.constant(w)), t.constant(b));
        assertTrue(TestData.maxAbsDiff(fused.value(), plain.value()) == 0.0);
    }

    @org.junit.jupiter.api.Test
    void columnStructureOps() {
        UniformRandomProvider rng = TestData.rng(500);
        for (int trial = 0; trial < TRIALS; trial++) {
            int r = TestData.between(rng, 1, 4);
            int c = TestData.between(rng, 2, 6);
            int from = rng.nextInt(c - 1);
            int to = TestData.between(rng, from + 1, c);
            DMatrixRMaj a = TestData.uniform(rng, r, c, -2, 2);
            check("slice", trial, v -> v[0].tape().slice(v[0], from, to), H, TOL, a);
            int total = c + TestData.between(rng, 0, 3);
            int off = rng.nextInt(total - c + 1);
            check("padColumns", trial, v -> v[0].tape().padColumns(v[0], off, total), H, TOL, a);
            DMatrixRMaj b = TestData.uniform(rng, r, TestData.between(rng, 1, 3), -2, 2);
            DMatrixRMaj d = TestData.uniform(rng, r, 1, -2, 2);
            check("concat", trial, v -> v[0].tape().concat(v[0], v[1], v[2]), H, TOL, a, b, d);
            check("concat(a, a)", trial, v -> v[0].tape().concat(v[0], v[0]), H, TOL, a);
            DMatrixRMaj row = TestData.uniform(rng, 1, c, -2, 2);
            DMatrixRMaj col = TestData.uniform(rng, r, 1, -2, 2);
            DMatrixRMaj sc = TestData.uniform(rng, 1, 1, -2, 2);
            int rr = r + 1;
            check("broadcastTo row", trial, v -> v[0].tape().broadcastTo(v[0], rr, c), H, TOL, row);
            check("broadcastTo col", trial, v -> v[0].tape().broadcastTo(v[0], r, c), H, TOL, col);
            check("broadcastTo scalar", trial, v -> v[0].tape().broadcastTo(v[0], r, c), H, TOL, sc);
            check("reduceTo row", trial, v -> v[0].tape().reduceTo(v[0], 1, c), H, TOL, a);
            check("reduceTo col", trial, v -> v[0].tape().reduceTo(v[0], r, 1), H, TOL, a);
            check("reduceTo scalar", trial, v -> v[0].tape().reduceTo(v[0], 1, 1), H, TOL, a);
        }
    }

    @org.junit.jupiter.api.Test
    void composedExpressionSharingSubterms() {
        UniformRandomProvider rng = TestData.rng(600);
        for (int trial = 0; trial < TRIALS; trial++) {
            DMatrixRMaj x = TestData.uniform(rng, 4, 3, -1, 1);
            DMatrixRMaj w = TestData.uniform(rng, 3, 3, -1, 1);
            check("composed", trial, v -> {
                Tape t = v[0].tape();
                Var h = t.tanh(t.matmul(v[0], v[1]));
                Var s = t.add(t.mul(h, t.softplus(v[0])), t.logSumExp(h));
                return t.div(s, t.addScalar(t.square(h), 1.0));
            }, H, TOL, x, w);
        }
    }
}
