package org.girsanov.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.TestData;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.junit.jupiter.api.Test;

class OptimTest {
    /** f(θ) = ½ (θ − c) A (θ − c)ᵀ for a row θ, A = BᵀB + I (SPD); minimiser c. */
    static final class Quadratic {
        final DMatrixRMaj a;
        final DMatrixRMaj c;

        Quadratic(UniformRandomProvider rng, int d) {
            DMatrixRMaj b = TestData.uniform(rng, d, d, -1, 1);
            a = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(b, b, a);
            for (int i = 0; i < d; i++) {
                a.add(i, i, 1.0);
            }
            c = TestData.uniform(rng, 1, d, -2, 2);
        }

        void gradient(Parameter p) {
            p.zeroGrad();
            Tape t = new Tape();
            Var diff = t.sub(t.param(p), t.constant(c));
            t.backward(t.scale(t.sum(t.mul(t.matmul(diff, t.constant(a)), diff)), 0.5));
        }
    }

    @Test
    void adamReachesTheMinimiserOfAConvexQuadratic() {
        UniformRandomProvider rng = TestData.rng(1500);
        Quadratic q = new Quadratic(rng, 5);
        Parameter p = new Parameter("theta", 1, 5);
        Adam adam = new Adam(List.of(p), LearningRateSchedule.exponential(5e-2, 1e-4, 3000));
        for (int s = 0; s < 4000; s++) {
            q.gradient(p);
            adam.step();
        }
        assertTrue(TestData.maxAbsDiff(p.value(), q.c) < 1e-4, "theta " + p.value() + " vs " + q.c);
        assertEquals(4000, adam.stepCount());
    }

    @Test
    void adamLearningRateScaleMultipliesTheStepOfItsParameterOnly() {
        UniformRandomProvider rng = TestData.rng(1501);
        Quadratic q = new Quadratic(rng, 4);
        Parameter plain = new Parameter("plain", 1, 4);
        Parameter scaled = new Parameter("scaled", 1, 4);
        Parameter reference = new Parameter("reference", 1, 4);
        Adam adam = new Adam(List.of(plain, scaled), LearningRateSchedule.constant(0.01), new double[] {1.0, 3.0});
        Adam single = new Adam(List.of(reference), 0.01);
        for (int s = 0; s < 5; s++) {
            q.gradient(plain);
            q.gradient(reference);
            DMatrixRMaj before = scaled.value().copy();
            q.gradient(scaled);
            // the same moments as `plain` would have; only the step is three times as long
            adam.step();
            single.step();
            assertArrayEquals(reference.value().data, plain.value().data, 0.0, "scale 1 is bitwise plain Adam");
            if (s == 0) {
                // first step: m̂/(√v̂+ε) = g/(|g|+ε), so the displacement is lr·s·sign(g) up to ε
                for (int i = 0; i < 4; i++) {
                    assertEquals(0.03, Math.abs(scaled.value().data[i] - before.data[i]), 1e-8);
                    assertEquals(0.01, Math.abs(plain.value().data[i]), 1e-8);
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(List.of(plain), LearningRateSchedule.constant(0.01), new double[] {0.0}));
        assertTrue(e.getMessage().contains("lrScale[0] (plain)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(List.of(plain), LearningRateSchedule.constant(0.01), new double[] {1, 2}));
        assertTrue(e.getMessage().contains("2 entries for 1 parameters"), e.getMessage());
    }

    @Test
    void adamFirstStepsFollowTheFormula() {
        for (boolean decoupled : new boolean[] {false, true}) {
            double lr = 0.1;
            double b1 = 0.8;
            double b2 = 0.95;
            double eps = 1e-6;
            double wd = 0.05;
            Parameter p = new Parameter("p", new DMatrixRMaj(1, 1, true, 1.5));
            Adam adam = new Adam(List.of(p), LearningRateSchedule.constant(lr), b1, b2, eps, wd, decoupled);
            double th = 1.5;
            double m = 0;
            double v = 0;
            double[] grads = {0.7, -0.2, 1.3};
            for (int t = 1; t <= grads.length; t++) {
                p.grad().data[0] = grads[t - 1];
                adam.step();
                double g = grads[t - 1] + (decoupled ? 0 : wd * th);
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                double upd = (m / (1 - Math.pow(b1, t))) / (Math.sqrt(v / (1 - Math.pow(b2, t))) + eps);
                th -= lr * (upd + (decoupled ? wd * th : 0));
                assertEquals(th, p.value().data[0], 1e-15, "decoupled=" + decoupled + " step " + t);
            }
        }
    }

    @Test
    void adamStateRestoresBitwise() {
        UniformRandomProvider rng = TestData.rng(1501);
        Quadratic q = new Quadratic(rng, 4);
        Parameter p = new Parameter("theta", 1, 4);
        Adam adam = new Adam(List.of(p), LearningRateSchedule.exponential(5e-3, 1e-4, 50));
        for (int s = 0; s < 10; s++) {
            q.gradient(p);
            adam.step();
        }
        DMatrixRMaj savedValue = p.value().copy();
        Map<String, DMatrixRMaj> state = adam.state();
        long step = adam.stepCount();
        assertEquals(List.of("m/theta", "v/theta"), List.copyOf(state.keySet()));
        for (int s = 0; s < 10; s++) {
            q.gradient(p);
            adam.step();
        }
        DMatrixRMaj uninterrupted = p.value().copy();
        Parameter p2 = new Parameter("theta", savedValue);
        Adam resumed = new Adam(List.of(p2), LearningRateSchedule.exponential(5e-3, 1e-4, 50));
        resumed.loadState(step, state);
        for (int s = 0; s < 10; s++) {
            q.gradient(p2);
            resumed.step();
        }
        assertArrayEquals(uninterrupted.data, p2.value().data);
        assertThrows(IllegalArgumentException.class, () -> resumed.loadState(1, Map.of("m/theta", new DMatrixRMaj(1, 4))));
        assertThrows(IllegalArgumentException.class, () -> resumed.loadState(1,
                Map.of("m/theta", new DMatrixRMaj(1, 3), "v/theta", new DMatrixRMaj(1, 4))));
    }

    @Test
    void sgdWithMomentum() {
        Parameter p = new Parameter("p", new DMatrixRMaj(1, 1, true, 2.0));
        Sgd sgd = new Sgd(List.of(p), LearningRateSchedule.constant(0.1), 0.9);
        p.grad().data[0] = 1.0;
        sgd.step(); // u = 1, θ = 2 − 0.1
        assertEquals(1.9, p.value().data[0], 1e-15);
        sgd.step(); // u = 1.9, θ = 1.9 − 0.19
        assertEquals(1.71, p.value().data[0], 1e-15);
        assertEquals(1.9, sgd.velocity(0).data[0], 1e-15);
    }

    @Test
    void clippingBoundsTheGlobalNorm() {
        UniformRandomProvider rng = TestData.rng(1502);
        Parameter a = new Parameter("a", 3, 4);
        Parameter b = new Parameter("b", 1, 5);
        for (Parameter p : List.of(a, b)) {
            for (int i = 0; i < p.size(); i++) {
                p.grad().data[i] = 4 * rng.nextDouble() - 2;
            }
        }
        double before = GradClip.globalNorm(List.of(a, b));
        DMatrixRMaj ga = a.grad().copy();
        assertEquals(before, GradClip.clipGlobalNorm(List.of(a, b), 1.0), 0);
        assertEquals(1.0, GradClip.globalNorm(List.of(a, b)), 1e-12);
        // direction preserved
        for (int i = 0; i < a.size(); i++) {
            assertEquals(ga.data[i] / before, a.grad().data[i], 1e-12);
        }
        DMatrixRMaj same = a.grad().copy();
        assertEquals(1.0, GradClip.clipGlobalNorm(List.of(a, b), 10.0), 1e-12);
        assertArrayEquals(same.data, a.grad().data);
    }

    @Test
    void schedulesGiveTheirValues() {
        assertEquals(0.01, LearningRateSchedule.constant(0.01).at(12345));
        LearningRateSchedule sd = LearningRateSchedule.stepDecay(1.0, 0.5, 10);
        assertEquals(1.0, sd.at(0));
        assertEquals(1.0, sd.at(9));
        assertEquals(0.5, sd.at(10));
        assertEquals(0.125, sd.at(35));
        LearningRateSchedule ex = LearningRateSchedule.exponential(5e-3, 1e-4, 1000);
        assertEquals(5e-3, ex.at(0), 1e-18);
        assertEquals(Math.sqrt(5e-3 * 1e-4), ex.at(500), 1e-15);
        assertEquals(1e-4, ex.at(1000), 1e-18);
        assertEquals(1e-4, ex.at(5000), 1e-18);
        LearningRateSchedule cs = LearningRateSchedule.cosine(1.0, 0.0, 100);
        assertEquals(1.0, cs.at(0), 1e-15);
        assertEquals(0.5, cs.at(50), 1e-15);
        assertEquals(0.0, cs.at(100), 1e-15);
        assertEquals(0.0, cs.at(200), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1));
    }

    @Test
    void emaMathSwapCopyAndRestore() {
        double beta = 0.9;
        Parameter p = new Parameter("p", new DMatrixRMaj(1, 2, true, 1.0, -1.0));
        Ema ema = new Ema(List.of(p), beta);
        double[] expected = {1.0, -1.0};
        double[][] path = {{2.0, 0.0}, {3.0, 1.0}, {-1.0, 5.0}};
        for (double[] th : path) {
            p.value().data[0] = th[0];
            p.value().data[1] = th[1];
            ema.update();
            for (int i = 0; i < 2; i++) {
                expected[i] = beta * expected[i] + (1 - beta) * th[i];
            }
        }
        assertEquals(expected[0], ema.shadow(0).data[0], 1e-15);
        assertEquals(expected[1], ema.shadow(0).data[1], 1e-15);
        ema.swap();
        assertEquals(expected[0], p.value().data[0], 1e-15);
        ema.swap();
        assertEquals(-1.0, p.value().data[0], 0);
        assertEquals(5.0, p.value().data[1], 0);
        Parameter target = new Parameter("copy", 1, 2);
        ema.copyTo(List.of(target));
        assertEquals(expected[1], target.value().data[1], 1e-15);
        Ema other = new Ema(List.of(p), beta);
        other.loadState(ema.updateCount(), ema.state());
        assertArrayEquals(ema.shadow(0).data, other.shadow(0).data);
        assertEquals(3, other.updateCount());
        assertThrows(IllegalArgumentException.class, () -> ema.copyTo(List.of(new Parameter("x", 2, 1))));
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(List.of(new Parameter("a", 1, 1), new Parameter("a", 1, 1)), 0.1));
    }
}
