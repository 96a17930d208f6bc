package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** Hessian–vector products and gradients of gradients, against finite differences and Hipparchus. */
class SecondOrderTest {

    /** f(x, W) = Σ softplus(x W) ⊙ sin(x) + logSumExp(tanh(x W)) — x: n×d, W: d×d. */
    static Var f(Tape t, Var x, Var w) {
        Var xw = t.matmul(x, w);
        return t.add(t.sum(t.mul(t.softplus(xw), t.sin(x))), t.sum(t.logSumExp(t.tanh(xw))));
    }

    static DMatrixRMaj gradX(DMatrixRMaj xm, DMatrixRMaj wm) {
        Tape t = new Tape();
        Var x = t.input(xm);
        return t.grad(f(t, x, t.constant(wm)), false, x)[0].value();
    }

    @Test
    void hessianVectorProductMatchesFiniteDifferencesOfGradients() {
        UniformRandomProvider rng = TestData.rng(700);
        for (int trial = 0; trial < 5; trial++) {
            int n = TestData.between(rng, 1, 4);
            int d = TestData.between(rng, 2, 4);
            DMatrixRMaj xm = TestData.uniform(rng, n, d, -1, 1);
            DMatrixRMaj wm = TestData.uniform(rng, d, d, -1, 1);
            DMatrixRMaj vm = TestData.uniform(rng, n, d, -1, 1);
            Tape t = new Tape();
            Var x = t.input(xm);
            Var g = t.grad(f(t, x, t.constant(wm)), true, x)[0];
            Var hv = t.grad(t.sum(t.mul(g, t.constant(vm))), false, x)[0];
            Var jv = t.jvp(g, x, t.constant(vm));
            // (∇f(x + h v) − ∇f(x − h v)) / 2h
            double h = 1e-5;
            DMatrixRMaj xp = xm.copy();
            DMatrixRMaj xn = xm.copy();
            for (int i = 0; i < xm.getNumElements(); i++) {
                xp.data[i] += h * vm.data[i];
                xn.data[i] -= h * vm.data[i];
            }
            DMatrixRMaj gp = gradX(xp, wm);
            DMatrixRMaj gn = gradX(xn, wm);
            DMatrixRMaj fd = new DMatrixRMaj(n, d);
            for (int i = 0; i < fd.getNumElements(); i++) {
                fd.data[i] = (gp.data[i] - gn.data[i]) / (2 * h);
            }
            double scale = Math.max(1, TestData.maxAbs(fd));
            assertTrue(TestData.maxAbsDiff(hv.value(), fd) < 1e-7 * scale, "Hv trial " + trial);
            assertTrue(TestData.maxAbsDiff(jv.value(), fd) < 1e-7 * scale, "jvp trial " + trial);
        }
    }

    /** The gradient (w.r.t. W) of ‖∇_x f(x, W)‖² against central differences of that norm in W. */
    @Test
    void gradientOfGradientNormMatchesFiniteDifferences() {
        UniformRandomProvider rng = TestData.rng(701);
        for (int trial = 0; trial < 4; trial++) {
            DMatrixRMaj xm = TestData.uniform(rng, 3, 3, -1, 1);
            DMatrixRMaj wm = TestData.uniform(rng, 3, 3, -1, 1);
            Function<Var[], Var> gradNorm = v -> {
                Tape t = v[0].tape();
                Var x = t.input(xm);
                Var g = t.grad(f(t, x, v[0]), true, x)[0];
                return t.sum(t.square(g));
            };
            GradCheck.Result r = GradCheck.inputs(gradNorm, 1e-6, wm);
            assertTrue(r.maxRelativeError() < 1e-6, "trial " + trial + ": " + r);
        }
    }

    // ---- Hipparchus DerivativeStructure as an independent oracle ----

    interface Scalar2 {
        Var tape(Tape t, Var x, Var w);

        DerivativeStructure ds(DerivativeStructure x, DerivativeStructure w);
    }

    static final Scalar2 TANH_XW_SIN_X = new Scalar2() {
        public Var tape(Tape t, Var x, Var w) {
            return t.mul(t.tanh(t.mul(x, w)), t.sin(x));
        }

        public DerivativeStructure ds(DerivativeStructure x, DerivativeStructure w) {
            return x.multiply(w).tanh().multiply(x.sin());
        }
    };

    /** softplus(x w + log1p(x²)) · exp(−x²/2) / sqrt(1 + w²) — softplus written as log1p(exp(·)) for Hipparchus. */
    static final Scalar2 SOFTPLUS_MIX = new Scalar2() {
        public Var tape(Tape t, Var x, Var w) {
            Var z = t.add(t.mul(x, w), t.log1p(t.square(x)));
            return t.div(t.mul(t.softplus(z), t.exp(t.scale(t.square(x), -0.5))), t.sqrt(t.addScalar(t.square(w), 1.0)));
        }

        public DerivativeStructure ds(DerivativeStructure x, DerivativeStructure w) {
            DerivativeStructure z = x.multiply(w).add(x.multiply(x).log1p());
            return z.exp().log1p().multiply(x.multiply(x).multiply(-0.5).exp()).divide(w.multiply(w).add(1).sqrt());
        }
    };

    /** gelu(x·w) + sigmoid(x)·cos(w) + x^2.5 (x > 0). */
    static final Scalar2 GELU_SIGMOID_POW = new Scalar2() {
        public Var tape(Tape t, Var x, Var w) {
            return t.add(t.add(t.gelu(t.mul(x, w)), t.mul(t.sigmoid(x), t.cos(w))), t.pow(x, 2.5));
        }

        public DerivativeStructure ds(DerivativeStructure x, DerivativeStructure w) {
            DerivativeStructure a = x.multiply(w);
            double c = Math.sqrt(2 / Math.PI);
            DerivativeStructure gelu = a.multiply(0.5).multiply(a.add(a.pow(3).multiply(0.044715)).multiply(c).tanh().add(1));
            DerivativeStructure sig = x.negate().exp().add(1).reciprocal();
            return gelu.add(sig.multiply(w.cos())).add(x.pow(2.5));
        }
    };

    @Test
    void derivativesUpToThirdOrderMatchHipparchus() {
        DSFactory factory = new DSFactory(2, 3);
        UniformRandomProvider rng = TestData.rng(702);
        Scalar2[] fs = {TANH_XW_SIN_X, SOFTPLUS_MIX, GELU_SIGMOID_POW};
        for (int k = 0; k < fs.length; k++) {
            for (int trial = 0; trial < 5; trial++) {
                double xv = 0.2 + 1.3 * rng.nextDouble();
                double wv = -1.5 + 3 * rng.nextDouble();
                DerivativeStructure ref = fs[k].ds(factory.variable(0, xv), factory.variable(1, wv));
                Tape t = new Tape();
                Var x = t.input(new DMatrixRMaj(1, 1, true, xv));
                Var w = t.input(new DMatrixRMaj(1, 1, true, wv));
                Var y = fs[k].tape(t, x, w);
                Var[] g1 = t.grad(y, true, x, w);
                Var[] gx2 = t.grad(g1[0], true, x, w);      // f_xx, f_xw
                Var[] gw2 = t.grad(g1[1], true, x, w);      // f_wx, f_ww
                Var[] gxx3 = t.grad(gx2[0], false, x, w);   // f_xxx, f_xxw
                Var[] gx2Plain = t.grad(g1[0], false, x, w); // f_xx, f_xw by a plain backward (GELU's gelu'' loop)
                String ctx = "function " + k + " at x=" + xv + ", w=" + wv;
                assertEquals(ref.getValue(), y.scalar(), 1e-13, ctx);
                assertClose(ref.getPartialDerivative(1, 0), g1[0].scalar(), ctx + " f_x");
                assertClose(ref.getPartialDerivative(0, 1), g1[1].scalar(), ctx + " f_w");
                assertClose(ref.getPartialDerivative(2, 0), gx2[0].scalar(), ctx + " f_xx");
                assertClose(ref.getPartialDerivative(2, 0), gx2Plain[0].scalar(), ctx + " f_xx, plain backward");
                assertClose(ref.getPartialDerivative(1, 1), gx2Plain[1].scalar(), ctx + " f_xw, plain backward");
                assertClose(ref.getPartialDerivative(1, 1), gx2[1].scalar(), ctx + " f_xw");
                assertClose(ref.getPartialDerivative(1, 1), gw2[0].scalar(), ctx + " f_wx");
                assertClose(ref.getPartialDerivative(0, 2), gw2[1].scalar(), ctx + " f_ww");
                assertClose(ref.getPartialDerivative(3, 0), gxx3[0].scalar(), ctx + " f_xxx");
                assertClose(ref.getPartialDerivative(2, 1), gxx3[1].scalar(), ctx + " f_xxw");
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-11 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void batchedSecondDerivativesArePerSample() {
        // s_i = Σ_j x_ij³: per-sample grad 3x², Laplacian Σ_j 6 x_ij
        DMatrixRMaj xm = TestData.uniform(TestData.rng(703), 4, 3, -1, 1);
        Tape t = new Tape();
        Var x = t.input(xm);
        Var s = t.sumCols(t.pow(x, 3));
        Var lap = Divergence.laplacian(t, s, x);
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < 3; j++) {
                e += 6 * xm.get(i, j);
            }
            assertEquals(e, lap.get(i, 0), 1e-12);
        }
    }
}
