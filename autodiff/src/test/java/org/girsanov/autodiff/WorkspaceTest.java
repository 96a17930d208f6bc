package org.girsanov.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * A loop of per-step tapes on one {@link Workspace} computes bitwise what fresh tapes compute (also when it keeps the
 * parameters' transposes), allocates one step's matrices, and reuses storage after {@link Workspace#recycle()} (the
 * contract its users rely on).
 */
class WorkspaceTest {
    private static final int ROWS = 37;
    private static final int D = 3;
    private static final int STEPS = 6;

    /** What one run of the loop leaves: the carried states, the parameter gradients and input gradients. */
    private record Run(List<double[]> states, List<double[]> gradients, List<double[]> inputGradients) {
    }

    private static Run loop(Workspace ws, boolean createGraphGradient) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        Mlp net = new Mlp("f", new int[] {D, 64, 64, D}, Activation.GELU, rng, false);
        DMatrixRMaj x = new DMatrixRMaj(ROWS, D);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextDouble() * 2 - 1;
        }
        DMatrixRMaj row = new DMatrixRMaj(1, D, true, 0.5, -1.0, 2.0);
        Gradients sink = new Gradients();
        List<double[]> states = new ArrayList<>();
        List<double[]> inputGradients = new ArrayList<>();
        for (int n = 0; n < STEPS; n++) {
            Tape t = ws == null ? new Tape() : new Tape(ws);
            Var xn = t.input(x);
            Var out = net.apply(t, xn);
            Var h = t.mul(t.tanh(out), t.constant(row));
            Var loss = t.sum(t.add(t.square(h), t.sigmoid(t.scale(out, 0.3))));
            Var gx = t.grad(loss, createGraphGradient, xn)[0];
            inputGradients.add(gx.value().data.clone());
            t.backward(loss, sink);
            DMatrixRMaj next = new DMatrixRMaj(ROWS, D);
            for (int i = 0; i < next.data.length; i++) {
                next.data[i] = x.data[i] + 0.1 * out.value().data[i];
            }
            if (ws != null) {
                ws.recycle();
            }
            x = next;
            states.add(x.data.clone());
        }
        List<double[]> gradients = new ArrayList<>();
        for (Parameter p : net.namedParameters().values()) {
            gradients.add(sink.get(p).data.clone());
        }
        return new Run(states, gradients, inputGradients);
    }

    @Test
    void aLoopOnOneWorkspaceGivesTheSameBitsAsFreshTapes() {
        for (boolean createGraph : new boolean[] {false, true}) {
            Run fresh = loop(null, createGraph);
            for (Workspace ws : new Workspace[] {new Workspace(), new Workspace(true)}) {
                assertSameRun(fresh, loop(ws, createGraph));
            }
        }
    }

    private static void assertSameRun(Run fresh, Run reused) {
        for (int n = 0; n < STEPS; n++) {
            assertArrayEquals(fresh.states().get(n), reused.states().get(n), "state " + n);
            assertArrayEquals(fresh.inputGradients().get(n), reused.inputGradients().get(n), "input gradient " + n);
        }
        assertEquals(fresh.gradients().size(), reused.gradients().size());
        for (int k = 0; k < fresh.gradients().size(); k++) {
            assertArrayEquals(fresh.gradients().get(k), reused.gradients().get(k), "parameter gradient " + k);
        }
    }

    @Test
    void afterTheFirstStepNothingIsAllocatedFresh() {
        Workspace ws = new Workspace();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        Mlp net = new Mlp("f", new int[] {D, 64, 64, D}, Activation.GELU, rng, false);
        DMatrixRMaj x = new DMatrixRMaj(ROWS, D);
        long afterFirst = -1;
        for (int n = 0; n < STEPS; n++) {
            Tape t = new Tape(ws);
            Var xn = t.input(x);
            t.backward(t.sum(t.square(net.apply(t, xn))), new Gradients());
            ws.recycle();
            if (n == 0) {
                afterFirst = ws.freshDoubles();
            }
        }
        assertTrue(afterFirst >= 2L * ROWS * 64, "the first step draws its matrices fresh: " + afterFirst);
        assertEquals(afterFirst, ws.freshDoubles(), "later steps are served from the pools");
    }

    @Test
    void recycledStorageIsHandedOutAgain() {
        Workspace ws = new Workspace();
        Tape t1 = Tape.noGrad(ws);
        Var a = t1.tanh(t1.constant(new DMatrixRMaj(4, 5)));
        double[] first = a.value().data;
        ws.recycle();
        Tape t2 = Tape.noGrad(ws);
        Var b = t2.exp(t2.constant(new DMatrixRMaj(4, 5)));
        assertSame(first, b.value().data, "a value is void after recycle: its array serves the next step");
        assertEquals(1.0, a.value().data[0], 0.0, "and now holds the next step's exp(0)");
    }
}
