package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TapeSmokeTest {
    @Test
    void composedFunctionMatchesCentralDifferences() {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        DMatrixRMaj x = new DMatrixRMaj(4, 3);
        DMatrixRMaj w = new DMatrixRMaj(3, 2);
        DMatrixRMaj b = new DMatrixRMaj(1, 2);
        for (DMatrixRMaj m : new DMatrixRMaj[] {x, w, b}) {
            for (int i = 0; i < m.getNumElements(); i++) {
                m.data[i] = rng.nextDouble() * 2 - 1;
            }
        }
        GradCheck.Result r = GradCheck.inputs(v -> {
            Tape t = v[0].tape();
            Var h = t.tanh(t.add(t.matmul(v[0], v[1]), v[2]));
            return t.sum(t.logSumExp(t.mul(h, h.sin())));
        }, 1e-6, x, w, b);
        assertTrue(r.maxRelativeError() < 1e-7, r.toString());
    }

    @Test
    void hessianVectorProductOfCubicIsExact() {
        // f(x) = Σ x_i³ ; ∇f = 3x² ; H v = 6 x ⊙ v
        Tape t = new Tape();
        DMatrixRMaj xm = new DMatrixRMaj(1, 3, true, 1.0, -2.0, 0.5);
        DMatrixRMaj vm = new DMatrixRMaj(1, 3, true, 0.3, 0.7, -1.1);
        Var x = t.input(xm);
        Var f = t.sum(t.pow(x, 3));
        Var g = t.grad(f, true, x)[0];
        Var hv = t.grad(t.sum(t.mul(g, t.constant(vm))), false, x)[0];
        for (int i = 0; i < 3; i++) {
            assertEquals(6 * xm.data[i] * vm.data[i], hv.value().data[i], 1e-12);
        }
        Var jv = t.jvp(g, x, t.constant(vm));
        for (int i = 0; i < 3; i++) {
            assertEquals(6 * xm.data[i] * vm.data[i], jv.value().data[i], 1e-12);
        }
    }
}
