package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;
import org.junit.jupiter.api.Test;

/** Stop-gradient at first and second order (DESIGN invariant 3). */
class DetachTest {
    final DMatrixRMaj xm = TestData.uniform(TestData.rng(900), 2, 3, -2, 2);
    final DMatrixRMaj vm = TestData.uniform(TestData.rng(901), 2, 3, -1, 1);

    @Test
    void firstOrder() {
        // f = Σ x ⊙ detach(x): ∇f = detach(x) = x, not 2x
        Tape t = new Tape();
        Var x = t.input(xm);
        Var d = t.detach(x);
        assertFalse(d.requiresGrad());
        Var g = t.grad(t.sum(t.mul(x, d)), false, x)[0];
        for (int i = 0; i < 6; i++) {
            assertEquals(xm.data[i], g.value().data[i], 0.0);
        }
        // a fully detached expression has zero gradient
        Var z = t.grad(t.sum(t.exp(t.detach(t.square(x)))), false, x)[0];
        assertEquals(0.0, TestData.maxAbs(z.value()), 0.0);
    }

    @Test
    void secondOrder() {
        // f = Σ x² ⊙ detach(x): ∇f = 2 x ⊙ d, H v = 2 d ⊙ v  (without detach: 6 x ⊙ v)
        Tape t = new Tape();
        Var x = t.input(xm);
        Var g = t.grad(t.sum(t.mul(t.square(x), t.detach(x))), true, x)[0];
        Var hv = t.grad(t.sum(t.mul(g, t.constant(vm))), false, x)[0];
        for (int i = 0; i < 6; i++) {
            assertEquals(2 * xm.data[i] * vm.data[i], hv.value().data[i], 1e-12);
        }
    }

    @Test
    void detachingAGradientCutsItsDependenceOnX() {
        // g = ∇ Σ x³ = 3x²; ψ = Σ detach(g) ⊙ x: ∇ψ = 3x² (no 6x ⊙ x term)
        Tape t = new Tape();
        Var x = t.input(xm);
        Var g = t.grad(t.sum(t.pow(x, 3)), true, x)[0];
        Var psi = t.sum(t.mul(t.detach(g), x));
        Var gp = t.grad(psi, false, x)[0];
        for (int i = 0; i < 6; i++) {
            assertEquals(3 * xm.data[i] * xm.data[i], gp.value().data[i], 1e-12);
        }
    }

    @Test
    void detachedParameterPathLeavesParameterGradientUntouched() {
        Parameter p = new Parameter("p", xm);
        Tape t = new Tape();
        Var w = t.param(p);
        t.backward(t.add(t.sum(t.square(t.detach(w))), t.sum(w)));
        for (int i = 0; i < 6; i++) {
            assertEquals(1.0, p.grad().data[i], 0.0);
        }
    }
}
