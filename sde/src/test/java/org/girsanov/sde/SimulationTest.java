package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.kernel.LearnedGaussianKernel;
import org.girsanov.sde.path.LinearEulerMaruyama;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;
import org.girsanov.sde.rnd.LogWeight;
import org.junit.jupiter.api.Test;

/** Path simulation: streaming, gradients, backward runs, behaviour ≠ model, the allocation-free linear loop. */
class SimulationTest {
    private static final VpLinearSchedule VP = new VpLinearSchedule(1.0, 0.5, 2.0, 1.0);

    @Test
    void linearLoopEqualsTapeEulerMaruyama() {
        int rows = 32;
        int d = 3;
        TimeGrid grid = TimeGrid.power(1.0, 25, 1.3);
        VpOrnsteinUhlenbeck ou = new VpOrnsteinUhlenbeck(VP, IsotropicGaussian.centred(d, 1.0));
        DMatrixRMaj x0 = ou.initial().sample(rows, TestSupport.rng(3));
        Tape t = Tape.noGrad();
        Var viaTape = PathSimulator.streamForward(t, new EulerMaruyamaForward(ou.sde(), grid), t.constant(x0),
                NoiseSource.of(TestSupport.rng(4)), (n, tn, a, b) -> { });
        DMatrixRMaj minusI = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(-1, minusI);
        LinearEulerMaruyama lin = new LinearEulerMaruyama(minusI, new double[d], VP::beta, VP, rows);
        DMatrixRMaj x = x0.copy();
        lin.simulateLinear(x, grid, ZigguratSampler.NormalizedGaussian.of(TestSupport.rng(4)));
        assertArrayEquals(viaTape.value().data, x.data, 1e-12);
    }

    @Test
    void streamedStepTermsSumToTheLogWeight() {
        TimeGrid grid = TimeGrid.uniform(1.0, 10);
        Sde fwd = new Sde(TestSupport.tanhDrift(1.0, 0.3, 0.0), VP);
        Sde bwd = new Sde(TestSupport.tanhDrift(-1.0, 0.2, 0.0), VP);
        var kf = new EulerMaruyamaForward(fwd, grid);
        var kb = new EulerMaruyamaBackward(bwd, grid);
        IsotropicGaussian prior = IsotropicGaussian.centred(2, 1.0);
        Tape t = Tape.noGrad();
        DMatrixRMaj x0 = prior.sample(16, TestSupport.rng(8));
        double[] acc = new double[16];
        Var xN = PathSimulator.streamForward(t, kf, t.constant(x0), NoiseSource.of(TestSupport.rng(9)), (n, tn, a, b) -> {
            Tape step = Tape.noGrad(); // a fresh tape per step: nothing accumulates
            Var term = LogWeight.stepTerm(step, n, step.constant(a.value()), step.constant(b.value()), kf, kb);
            for (int i = 0; i < 16; i++) {
                acc[i] += term.get(i, 0);
            }
        });
        Path p = PathSimulator.forward(t, kf, t.constant(x0), NoiseSource.of(TestSupport.rng(9)));
        assertArrayEquals(p.value(10).data, xN.value().data, 0.0);
        Var lw = LogWeight.of(t, p, kf, kb, prior, prior);
        for (int i = 0; i < 16; i++) {
            double ends = prior.apply(t, t.constant(rowOf(p.value(10), i))).get(0, 0)
                    - prior.apply(t, t.constant(rowOf(x0, i))).get(0, 0);
            assertEquals(lw.get(i, 0), acc[i] + ends, 1e-10);
        }
    }

    private static DMatrixRMaj rowOf(DMatrixRMaj m, int i) {
        return CommonOps_DDRM.extractRow(m, i, null);
    }

    @Test
    void gradientFlowsThroughTheSolverOnlyOnARecordingTape() {
        TimeGrid grid = TimeGrid.uniform(1.0, 5);
        var kf = new EulerMaruyamaForward(new Sde(TestSupport.tanhDrift(1.0, 0.3, 0.0), VP), grid);
        DMatrixRMaj x0 = IsotropicGaussian.centred(2, 1.0).sample(4, TestSupport.rng(1));
        Tape rec = new Tape();
        Var in = rec.input(x0);
        Path p = PathSimulator.forward(rec, kf, in, NoiseSource.of(TestSupport.rng(2)));
        Var g = rec.grad(rec.sum(p.state(5)), false, in)[0];
        assertTrue(TestSupport.maxAbs(g) > 0.1);
        Tape none = Tape.noGrad();
        Path q = PathSimulator.forward(none, kf, none.input(x0), NoiseSource.of(TestSupport.rng(2)));
        assertTrue(!q.state(5).requiresGrad());
        assertArrayEquals(p.value(5).data, q.value(5).data, 0.0);
    }

    @Test
    void backwardSimulationRunsFromTerminalStatesAndKeepsTimeOrder() {
        VpOrnsteinUhlenbeck ou = new VpOrnsteinUhlenbeck(VP, new IsotropicGaussian(new double[] {2.0}, 0.1));
        TimeGrid grid = TimeGrid.uniform(1.0, 200);
        Tape t = Tape.noGrad();
        int k = 20000;
        DMatrixRMaj xT = ou.marginal(1.0).sample(k, TestSupport.rng(5));
        Path p = PathSimulator.backward(t, new EulerMaruyamaBackward(ou.reversal(), grid), t.constant(xT),
                NoiseSource.of(TestSupport.rng(6)));
        assertArrayEquals(xT.data, p.value(200).data, 0.0);
        double mean = CommonOps_DDRM.elementSum(p.value(0)) / k;
        // The exact reversal brings N(m_T, v_T) back to N(2, 0.1): within 5 SE plus O(Δt) bias.
        assertEquals(2.0, mean, 5 * Math.sqrt(0.1 / k) + 0.02);
    }

    @Test
    void learnedKernelMatchesItsClosedForm() {
        TimeGrid grid = TimeGrid.uniform(1.0, 3);
        LearnedGaussianKernel k = new LearnedGaussianKernel((tape, x, n) -> tape.scale(x, 0.5),
                (tape, x, n) -> tape.full(x.rows(), 1, Math.log(0.2 * (n + 1))), grid, Direction.FORWARD);
        Tape t = Tape.noGrad();
        DMatrixRMaj prev = new DMatrixRMaj(new double[][] {{1.0, -2.0}});
        DMatrixRMaj next = new DMatrixRMaj(new double[][] {{0.3, 0.1}});
        double v = 0.4;
        double expected = -(Math.pow(0.3 - 0.5, 2) + Math.pow(0.1 + 1.0, 2)) / (2 * v) - Math.log(2 * Math.PI * v);
        assertEquals(expected, k.logDensity(t, t.constant(next), t.constant(prev), 1).get(0, 0), 1e-12);
        DMatrixRMaj s = k.sample(prev, 1, TestSupport.rng(1));
        assertEquals(1, s.numRows);
    }
}
