package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * A function of time shared by the tapes of a pass ({@link SharedLeaves}): the gradient through its leaves, summed
 * over the chunks' sinks and back-propagated once, equals the gradient with the function recorded on every tape; it
 * is evaluated once per time; misuse is refused.
 */
class SharedLeavesTest {
    private static final double[] TIMES = {0.0, 0.25, 0.5, 0.75};
    private static final int CHUNKS = 3;

    private final Mlp f = new Mlp("f", new int[] {1, 8, 3}, Activation.GELU, RandomSource.XO_RO_SHI_RO_128_PP.create(5L), false);
    private final Parameter w = new Parameter("w", TestData.uniform(RandomSource.XO_RO_SHI_RO_128_PP.create(6L), 4, 3, -1, 1));
    private final SharedLeaves.TimeFunction time = (t, s) -> f.apply(t, t.scalar(s));

    /** {@code Σ_c Σ_n sum((x_c W) ⊙ f(t_n)²)}, chunk {@code c}'s steps on tapes of one workspace, into {@code sink}. */
    private void chunk(int c, Workspace ws, Gradients sink) {
        for (double s : TIMES) {
            Tape t = new Tape(ws);
            Var x = t.constant(TestData.uniform(RandomSource.XO_RO_SHI_RO_128_PP.create(10L + c), 5, 4, -1, 1));
            Var y = t.mul(t.matmul(x, t.param(w)), t.square(t.shared("f", s, time)));
            t.backward(t.sum(y), sink);
            ws.recycle();
        }
    }

    private double[] gradient(boolean share) {
        List<Parameter> ps = new java.util.ArrayList<>(f.parameters());
        ps.add(w);
        Parameter.zeroGrads(ps);
        SharedLeaves shared = share ? new SharedLeaves(true) : null;
        Gradients[] sinks = new Gradients[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            sinks[c] = new Gradients();
            chunk(c, new Workspace(true, shared), sinks[c]);
        }
        for (Gradients g : sinks) {
            g.addToParameters();
        }
        if (share) {
            assertEquals(TIMES.length, shared.size(), "one evaluation per time, whatever the number of chunks");
            shared.backpropagate();
        }
        return Parameter.flatGradient(ps);
    }

    @Test
    void sharedGradientEqualsTheGradientRecordedOnEveryTape() {
        double[] each = gradient(false);
        double[] once = gradient(true);
        double scale = 0;
        for (double v : each) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 1e-3);
        for (int i = 0; i < each.length; i++) {
            assertEquals(each[i], once[i], 1e-12 * scale, "component " + i);
        }
    }

    @Test
    void aTapeWithoutSharedLeavesRecordsTheFunction() {
        Tape t = new Tape(new Workspace(true));
        Var v = t.shared("f", 0.5, time);
        assertTrue(t.size() > 2, "recorded on the tape itself");
        DMatrixRMaj direct = f.apply(Tape.noGrad(), Tape.noGrad().scalar(0.5)).value();
        for (int i = 0; i < 3; i++) {
            assertEquals(direct.data[i], v.value().data[i], 0.0);
        }
    }

    @Test
    void misuseIsRefused() {
        SharedLeaves values = new SharedLeaves(false);
        Tape recording = new Tape(new Workspace(true, values));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> recording.shared("f", 0.0, time));
        assertTrue(e.getMessage().contains("without a gradient"), e.getMessage());
        assertThrows(IllegalStateException.class, values::backpropagate);

        SharedLeaves shared = new SharedLeaves(true);
        Tape t = new Tape(new Workspace(true, shared));
        t.shared("f", 0.0, time);
        SharedLeaves.TimeFunction other = (tt, s) -> f.apply(tt, tt.scalar(s));
        e = assertThrows(IllegalStateException.class, () -> t.shared("f", 0.0, other));
        assertTrue(e.getMessage().contains("'f'"), e.getMessage());
    }

    @Test
    void aNonFiniteValueIsRecordedOnTheTapeInstead() {
        SharedLeaves shared = new SharedLeaves(true);
        SharedLeaves.TimeFunction bad = (t, s) -> t.scale(f.apply(t, t.scalar(s)), Double.POSITIVE_INFINITY);
        Tape t = new Tape(new Workspace(true, shared));
        int before = t.size();
        Var v = t.shared("bad", 0.5, bad);
        assertTrue(t.size() > before + 2, "fell back to the tape");
        assertTrue(Double.isInfinite(v.value().data[0]) || Double.isNaN(v.value().data[0]));
    }
}
