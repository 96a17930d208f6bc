package org.girsanov.autodiff.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.GradCheck;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.TestData;
import org.girsanov.autodiff.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NnTest {
    static Parameter[] params(Module m) {
        return m.parameters().toArray(new Parameter[0]);
    }

    /** Gives zero-initialised biases random values so their gradients are exercised at a generic point. */
    static void randomiseBiases(Module m, UniformRandomProvider rng) {
        for (Parameter p : m.parameters()) {
            if (p.name().endsWith(".b")) {
                for (int i = 0; i < p.size(); i++) {
                    p.value().data[i] = 0.3 * (2 * rng.nextDouble() - 1);
                }
            }
        }
    }

    @Test
    void linearGradientsMatchFiniteDifferences() {
        UniformRandomProvider rng = TestData.rng(1000);
        Linear lin = new Linear("l", 3, 4, Init.XAVIER_NORMAL, rng);
        randomiseBiases(lin, rng);
        DMatrixRMaj xm = TestData.uniform(rng, 5, 3, -1, 1);
        DMatrixRMaj r = TestData.uniform(rng, 5, 4, -1, 1);
        GradCheck.Result res = GradCheck.parameters(t -> t.sum(t.mul(t.sin(lin.apply(t, t.constant(xm))), t.constant(r))),
                1e-6, params(lin));
        assertTrue(res.maxRelativeError() < 1e-7, res.toString());
        GradCheck.Result rx = GradCheck.inputs(v -> v[0].tape().sum(v[0].tape().square(lin.apply(v[0].tape(), v[0]))), 1e-6, xm);
        assertTrue(rx.maxRelativeError() < 1e-7, rx.toString());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void mlpGradientsMatchFiniteDifferences(Activation act) {
        UniformRandomProvider rng = TestData.rng(1100 + act.ordinal());
        Mlp mlp = new Mlp("control", new int[] {3, 8, 8, 2}, act, rng, false);
        randomiseBiases(mlp, rng);
        DMatrixRMaj xm = TestData.uniform(rng, 6, 3, -1, 1);
        DMatrixRMaj r = TestData.uniform(rng, 6, 2, -1, 1);
        GradCheck.Result res = GradCheck.parameters(t -> t.sum(t.mul(mlp.apply(t, t.constant(xm)), t.constant(r))),
                1e-6, params(mlp));
        assertTrue(res.maxRelativeError() < 1e-6, act + ": " + res);
        GradCheck.Result rx = GradCheck.inputs(v -> v[0].tape().sum(v[0].tape().mul(mlp.apply(v[0].tape(), v[0]),
                v[0].tape().constant(r))), 1e-6, xm);
        assertTrue(rx.maxRelativeError() < 1e-6, act + ": " + rx);
    }

    @Test
    void mlpNamesShapesAndZeroLastLayer() {
        Mlp mlp = new Mlp("control", new int[] {2, 5, 7, 3}, Activation.GELU, TestData.rng(1200), true);
        assertEquals(List.of("control.layer0.W", "control.layer0.b", "control.layer1.W", "control.layer1.b",
                "control.layer2.W", "control.layer2.b"), List.copyOf(mlp.namedParameters().keySet()));
        assertEquals(2 * 5 + 5 + 5 * 7 + 7 + 7 * 3 + 3, mlp.parameterCount());
        assertEquals(0.0, TestData.maxAbs(mlp.layers().get(2).weight().value()));
        assertTrue(TestData.maxAbs(mlp.layers().get(1).weight().value()) > 0);
        Tape t = Tape.noGrad();
        Var y = mlp.apply(t, t.constant(TestData.uniform(TestData.rng(1), 4, 2, -1, 1)));
        assertEquals("4x3", y.shape());
        assertEquals(0.0, TestData.maxAbs(y.value()));
        assertThrows(IllegalArgumentException.class, () -> mlp.apply(t, t.constant(new DMatrixRMaj(4, 3))));
    }

    @Test
    void mlpIsReproducibleFromItsSeed() {
        Mlp a = new Mlp("m", new int[] {2, 4, 1}, Activation.TANH, TestData.rng(7), false);
        Mlp b = new Mlp("m", new int[] {2, 4, 1}, Activation.TANH, TestData.rng(7), false);
        Mlp c = new Mlp("m", new int[] {2, 4, 1}, Activation.TANH, TestData.rng(8), false);
        assertArrayEquals(a.parameters().get(0).value().data, b.parameters().get(0).value().data);
        assertTrue(TestData.maxAbsDiff(a.parameters().get(0).value(), c.parameters().get(0).value()) > 0);
    }

    @Test
    void fourierTimeEmbeddingValuesAndGradients() {
        UniformRandomProvider rng = TestData.rng(1300);
        FourierTimeEmbedding emb = new FourierTimeEmbedding("time", 5, rng);
        DMatrixRMaj freq = emb.frequencies();
        assertEquals(0.1, freq.data[0], 1e-15);
        assertEquals(100.0, freq.data[4], 1e-12);
        assertEquals(0.1 + 99.9 / 4, freq.data[1], 1e-12);
        DMatrixRMaj tm = TestData.uniform(rng, 4, 1, 0, 1);
        Tape t = Tape.noGrad();
        Var e = emb.apply(t, t.constant(tm));
        assertEquals("4x10", e.shape());
        double[] phi = emb.phase().value().data;
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 5; k++) {
                double arg = freq.data[k] * tm.data[i] + phi[k];
                assertEquals(Math.sin(arg), e.get(i, k), 1e-12);
                assertEquals(Math.cos(arg), e.get(i, 5 + k), 1e-12);
            }
        }
        DMatrixRMaj r = TestData.uniform(rng, 4, 10, -1, 1);
        GradCheck.Result rp = GradCheck.parameters(tp -> tp.sum(tp.mul(emb.apply(tp, tp.constant(tm)), tp.constant(r))),
                1e-7, emb.phase());
        assertTrue(rp.maxRelativeError() < 1e-6, rp.toString());
        // d/dt has ω up to 100: use a small step
        GradCheck.Result rt = GradCheck.inputs(v -> v[0].tape().sum(v[0].tape().mul(emb.apply(v[0].tape(), v[0]),
                v[0].tape().constant(r))), 1e-8, tm);
        assertTrue(rt.maxRelativeError() < 1e-5, rt.toString());
        assertEquals(List.of("time.phase"), List.copyOf(emb.namedParameters().keySet()));
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void initialisersHaveTheirStatedVariance(Init init) {
        int fanIn = 300;
        int fanOut = 200;
        DMatrixRMaj w = init.sample(fanIn, fanOut, TestData.rng(1400 + init.ordinal()));
        int n = w.getNumElements();
        double mean = 0;
        double sq = 0;
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            mean += w.data[i] / n;
            sq += w.data[i] * w.data[i] / n;
            maxAbs = Math.max(maxAbs, Math.abs(w.data[i]));
        }
        double s = init.std(fanIn, fanOut);
        double expectedVar = s * s;
        if (init == Init.ZEROS) {
            assertEquals(0.0, maxAbs);
            return;
        }
        // 60 000 draws: relative s.e. of the variance ≈ √(2/n) ≈ 0.6 % (normal), less for uniform
        assertEquals(expectedVar, sq, 0.03 * expectedVar, init.name());
        assertEquals(0.0, mean, 5 * s / Math.sqrt(n), init.name());
        if (init.name().endsWith("UNIFORM")) {
            assertTrue(maxAbs <= Math.sqrt(3) * s, init.name());
        }
        assertEquals(Math.sqrt(1.0 / fanIn), Init.LECUN_NORMAL.std(fanIn, fanOut), 0);
        assertEquals(Math.sqrt(2.0 / (fanIn + fanOut)), Init.XAVIER_UNIFORM.std(fanIn, fanOut), 0);
        assertEquals(Math.sqrt(2.0 / fanIn), Init.KAIMING_NORMAL.std(fanIn, fanOut), 0);
    }

    @Test
    void flatGradientConcatenatesInListOrderAndZeroGradsClearsAll() {
        Parameter a = new Parameter("a", 2, 2);
        Parameter b = new Parameter("b", 1, 3);
        for (int i = 0; i < 4; i++) {
            a.grad().data[i] = i + 1;
        }
        for (int i = 0; i < 3; i++) {
            b.grad().data[i] = 10 + i;
        }
        assertArrayEquals(new double[] {10, 11, 12, 1, 2, 3, 4}, Parameter.flatGradient(List.of(b, a)));
        Parameter.zeroGrads(List.of(a, b));
        assertArrayEquals(new double[7], Parameter.flatGradient(List.of(a, b)));
    }
}
