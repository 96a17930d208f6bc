package org.girsanov.samplers.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.junit.jupiter.api.Test;

class CheckedTargetTest {

    @Test
    void dimensionMismatchNamesTheTarget() {
        Target t = CheckedTarget.of(new Funnel(10));
        Tape tape = Tape.noGrad();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.logDensity(tape, tape.constant(new DMatrixRMaj(4, 3))));
        assertTrue(e.getMessage().contains("funnel10") && e.getMessage().contains("4x3")
                && e.getMessage().contains("dimension 10"), e.getMessage());
        // the targets check on their own too
        e = assertThrows(IllegalArgumentException.class, () -> GridMixture.gmm9().score(new DMatrixRMaj(1, 3)));
        assertTrue(e.getMessage().contains("gmm9"), e.getMessage());
    }

    @Test
    void nanLogDensityShowsThePoint() {
        // log ρ(x) = √x₁ − x₂²: NaN (value and gradient) for x₁ < 0
        Target t = CheckedTarget.of(new LogDensityTarget("logx", 2,
                (tape, x) -> tape.sub(tape.sqrt(tape.slice(x, 0, 1)), tape.square(tape.slice(x, 1, 2)))));
        Tape tape = Tape.noGrad();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.0, 0.0}, {-2.5, 0.25}});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> t.logDensity(tape, tape.constant(x)));
        assertTrue(e.getMessage().contains("logx") && e.getMessage().contains("row 1")
                && e.getMessage().contains("[-2.5, 0.25]"), e.getMessage());
        e = assertThrows(ArithmeticException.class, () -> t.score(x));
        assertTrue(e.getMessage().contains("[-2.5, 0.25]"), e.getMessage());
    }

    @Test
    void wrongOutputShapeOfAUserLambda() {
        Target t = new LogDensityTarget("wide", 2, (tape, x) -> x);
        Tape tape = Tape.noGrad();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.logDensity(tape, tape.constant(new DMatrixRMaj(3, 2))));
        assertTrue(e.getMessage().contains("wide") && e.getMessage().contains("3x1"), e.getMessage());
    }

    @Test
    void userLambdaScoreComesFromAutodiff() {
        // banana: log ρ = −x₁²/2 − (x₂ − x₁²)²/2
        Target banana = new LogDensityTarget("banana", 2, (t, x) -> {
            Var x1 = t.slice(x, 0, 1);
            Var x2 = t.slice(x, 1, 2);
            return t.neg(t.add(t.scale(t.square(x1), 0.5), t.scale(t.square(t.sub(x2, t.square(x1))), 0.5)));
        });
        DMatrixRMaj g = CheckedTarget.of(banana).score(new DMatrixRMaj(new double[][] {{1.0, 3.0}}));
        // ∂₁ = −x₁ + 2 x₁ (x₂ − x₁²) = −1 + 4 = 3,  ∂₂ = −(x₂ − x₁²) = −2
        assertEquals(3.0, g.get(0, 0), 1e-12);
        assertEquals(-2.0, g.get(0, 1), 1e-12);
    }

    @Test
    void decoratorsForwardWhatTheyDoNotDecorate() {
        Target inner = new Funnel(4);
        for (Target t : new Target[] {CheckedTarget.of(inner), new CountingTarget(inner)}) {
            assertEquals("funnel4", t.name());
            assertEquals(4, t.dimension());
            assertEquals(0.0, t.logZ().getAsDouble());
            assertTrue(t.hasExactSampler() && t.hasClosedFormScore());
            DMatrixRMaj a = t.sample(3, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
            DMatrixRMaj b = inner.sample(3, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
            assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(a, b, 0.0));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CountingTarget(null));
        assertTrue(e.getMessage().contains("wrapped target is null"), e.getMessage());
    }
}
