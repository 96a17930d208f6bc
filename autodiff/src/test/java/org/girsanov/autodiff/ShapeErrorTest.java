package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Wrong shapes fail with an IllegalArgumentException naming the op and both shapes. */
class ShapeErrorTest {
    final Tape t = new Tape();

    Var v(int r, int c) {
        return t.input(new DMatrixRMaj(r, c));
    }

    void expect(String op, String shapeA, String shapeB, Supplier<Var> call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get, op);
        String msg = e.getMessage();
        assertTrue(msg.contains(op) && msg.contains(shapeA) && msg.contains(shapeB),
                "message should name " + op + ", " + shapeA + " and " + shapeB + ": " + msg);
    }

    @Test
    void broadcastingOps() {
        expect("add", "3x2", "4x3", () -> t.add(v(3, 2), v(4, 3)));
        expect("sub", "3x2", "2x2", () -> t.sub(v(3, 2), v(2, 2)));
        expect("mul", "3x2", "3x3", () -> t.mul(v(3, 2), v(3, 3)));
        expect("div", "1x3", "3x2", () -> t.div(v(1, 3), v(3, 2)));
        expect("mul", "2x1", "3x1", () -> t.mul(v(2, 1), v(3, 1)));
    }

    @Test
    void matrixOps() {
        expect("matmul", "3x2", "3x2", () -> t.matmul(v(3, 2), v(3, 2)));
        expect("matmulTN", "3x2", "4x2", () -> t.matmulTN(v(3, 2), v(4, 2)));
        expect("matmulNT", "3x2", "3x3", () -> t.matmulNT(v(3, 2), v(3, 3)));
        expect("addBias", "3x2", "1x3", () -> t.addBias(v(3, 2), v(1, 3)));
        expect("addBias", "3x2", "2x2", () -> t.addBias(v(3, 2), v(2, 2)));
        expect("linear", "3x2", "3x4", () -> t.linear(v(3, 2), v(3, 4), v(1, 4)));
        expect("linear", "2x4", "1x3", () -> t.linear(v(3, 2), v(2, 4), v(1, 3)));
    }

    @Test
    void structureOps() {
        expect("concat", "3x2", "4x2", () -> t.concat(v(3, 2), v(4, 2)));
        expect("broadcastTo", "3x2", "4x2", () -> t.broadcastTo(v(3, 2), 4, 2));
        expect("reduceTo", "3x2", "2x2", () -> t.reduceTo(v(3, 2), 2, 2));
        expect("slice", "3x2", "[1, 3)", () -> t.slice(v(3, 2), 1, 3));
        expect("padColumns", "3x2", "1", () -> t.padColumns(v(3, 2), 1, 2));
        expect("vjp", "3x2", "2x2", () -> t.vjp(v(3, 2), v(2, 2), false, v(3, 2))[0]);
        expect("jvp", "3x2", "3x3", () -> t.jvp(v(3, 2), v(3, 2), v(3, 3)));
        expect("divergence", "3x2", "3x3", () -> Divergence.exact(t, v(3, 2), v(3, 3)));
        expect("hutchinsonDivergence", "3x2", "4x2", () -> Divergence.hutchinson(t, v(3, 2), v(4, 2), new DMatrixRMaj(4, 2)));
        expect("laplacian", "3x2", "3x3", () -> Divergence.laplacian(t, v(3, 2), v(3, 3)));
    }

    @Test
    void scalarOfNonScalar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v(2, 3).scalar());
        assertTrue(e.getMessage().contains("2x3"));
    }
}
