package org.girsanov.samplers.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.control.LangevinControl;
import org.girsanov.samplers.control.TimeNet;
import org.girsanov.samplers.families.FollmerControl;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.families.TestPaths;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;
import org.junit.jupiter.api.Test;

/**
 * DESIGN invariant 5: the streamed two-pass gradients of LV, TB, DB and sub-TB equal the gradients of the same
 * loss written on one tape holding the whole path; and DB / sub-TB are small at the known optimum.
 */
class StreamedGradientsTest {
    static final GaussianTarget TARGET = TestPaths.gaussian(new double[] {1.0, -0.5}, 0.5, 1.3);
    static final int BATCH = 24;
    static final int STEPS = 6;
    static final long SEED = 31;
    static final long ITERATION = 4;

    /** The states x_0 … x_N of the batch's (single-chunk) paths, replayed from the loss's random stream. */
    static List<DMatrixRMaj> states(Sampler m, Behaviour behaviour) {
        return states(m, behaviour, BATCH);
    }

    /** The same for a batch cut into chunks of {@code chunk} rows, each from its own stream, stacked in chunk order. */
    static List<DMatrixRMaj> states(Sampler m, Behaviour behaviour, int chunk) {
        int d = m.dimension();
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int n = 0; n <= m.grid().steps(); n++) {
            xs.add(new DMatrixRMaj(BATCH, d));
        }
        for (int c = 0; c * chunk < BATCH; c++) {
            final int start = c * chunk;
            int rows = Math.min(chunk, BATCH - start);
            DMatrixRMaj terminal = null;
            if (!behaviour.forward()) {
                terminal = new DMatrixRMaj(rows, d);
                System.arraycopy(behaviour.terminalStates().data, start * d, terminal.data, 0, rows * d);
            }
            StreamedPaths.visit(m, rows, behaviour, terminal, new RandomStreams(SEED).stream(ITERATION, c,
                    PathSums.PATH_STREAM), false, new TransitionVisitor() {
                        @Override
                        public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                            System.arraycopy(xn.value().data, 0, xs.get(n).data, start * d, rows * d);
                            System.arraycopy(xNext.value().data, 0, xs.get(n + 1).data, start * d, rows * d);
                        }
                    });
        }
        return xs;
    }

    /** The whole batch on one tape: log w (n × 1) and the residuals δ_n. */
    record Whole(Tape tape, Var logW, Var[] delta) {
    }

    static Whole whole(Sampler m, LogFlow flow, List<DMatrixRMaj> xs) {
        Tape t = new Tape();
        int steps = m.grid().steps();
        Var[] x = new Var[steps + 1];
        for (int n = 0; n <= steps; n++) {
            x[n] = t.constant(xs.get(n));
        }
        Var logW = t.sub(m.logWeight().end(t, x[steps]), m.logWeight().start(t, x[0]));
        Var[] delta = new Var[steps];
        for (int n = 0; n < steps; n++) {
            Var ell = m.logWeight().increment(t, n, x[n], x[n + 1], m.forward().moments(t, x[n], n));
            logW = t.add(logW, ell);
            if (flow != null) {
                delta[n] = t.sub(t.sub(flow.at(t, m, x[n], n), flow.at(t, m, x[n + 1], n + 1)), ell);
            }
        }
        return new Whole(t, logW, delta);
    }

    static void assertSameGradients(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        double scale = Fixtures.norm(expected);
        assertTrue(scale > 1e-6, what + ": gradient is trivially zero");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-10 * scale + 1e-13, what + ": component " + i);
        }
    }

    static double[] fullTape(Sampler m, Loss loss, Behaviour behaviour, java.util.function.Function<Whole, Var> lossOf) {
        List<Parameter> ps = Fixtures.all(m, loss);
        Fixtures.zero(ps);
        Whole w = whole(m, loss instanceof DetailedBalanceLoss db ? db.flow()
                : loss instanceof SubTrajectoryBalanceLoss s ? s.flow() : null, states(m, behaviour));
        w.tape().backward(lossOf.apply(w));
        return Fixtures.grads(ps);
    }

    static double[] streamed(Sampler m, Loss loss, Behaviour behaviour, int chunk) {
        Fixtures.evaluate(m, loss, BATCH, chunk, SEED, ITERATION, 1, behaviour);
        return Fixtures.grads(Fixtures.all(m, loss));
    }

    static Var meanSquareAboutMean(Tape t, Var s) {
        Var r = t.sub(s, t.mean(s));
        return t.mean(t.square(r));
    }

    static Behaviour[] behaviours() {
        return new Behaviour[] {Behaviour.onPolicy(), Behaviour.explore(1.5),
                Behaviour.backwardFrom(TARGET.sample(BATCH, Fixtures.rng(3)))};
    }

    @Test
    void logVarianceStreamedEqualsWholeTape() {
        Pis m = Fixtures.pis(TARGET, STEPS, 16, 1);
        for (Behaviour b : behaviours()) {
            Loss lv = new LogVarianceLoss();
            double[] full = fullTape(m, lv, b, w -> meanSquareAboutMean(w.tape(), w.logW()));
            assertSameGradients(full, streamed(m, lv, b, BATCH), "LV " + b);
        }
    }

    /** PIS whose control has both networks of time alone: a perturbed Fourier MLP and Langevin coefficient. */
    record LangevinPis(Pis model, TimeNet coefficient) {
    }

    static LangevinPis langevinPis(long seed) {
        FourierMlp net = new FourierMlp("u", 2, 2, 16, 1, Fixtures.rng(seed));
        TimeNet coefficient = new TimeNet("u.langevin", 2, 16, 1, 0.3, Fixtures.rng(seed + 1));
        Fixtures.perturb(net.parameters(), 0.3, seed + 2);
        Fixtures.perturb(coefficient.parameters(), 0.3, seed + 3);
        return new LangevinPis(new Pis(TARGET, org.girsanov.sde.TimeGrid.uniform(TestPaths.HORIZON, STEPS),
                new LangevinControl(net, coefficient, TARGET, 100.0), TestPaths.SIGMA), coefficient);
    }

    /**
     * With several chunks (a ragged last one) and a control with two networks of time alone — the MLP's {@code T(t)} and
     * the Langevin coefficient {@code NN₂(t)}, computed once per pass and back-propagated once after the chunks' sinks are
     * reduced ({@code SharedLeaves}) — LV and TB still equal the whole tape, and 1 and 3 threads agree bit for bit.
     */
    @Test
    void chunkedStreamedGradientsWithSharedTimeNetworksEqualWholeTape() {
        LangevinPis lp = langevinPis(41);
        Pis m = lp.model();
        TimeNet coefficient = lp.coefficient();
        TrajectoryBalanceLoss tb = new TrajectoryBalanceLoss();
        tb.logZ().value().data[0] = 0.7;
        final int chunk = 5;
        for (Behaviour b : behaviours()) {
            for (Loss loss : new Loss[] {new LogVarianceLoss(), tb}) {
                List<Parameter> ps = Fixtures.all(m, loss);
                Fixtures.zero(ps);
                Whole w = whole(m, null, states(m, b, chunk));
                Tape t = w.tape();
                t.backward(loss == tb ? t.mean(t.square(t.sub(w.logW(), t.param(tb.logZ()))))
                        : meanSquareAboutMean(t, w.logW()));
                double[] full = Fixtures.grads(ps);
                String what = loss.getClass().getSimpleName() + " " + b + ", chunks of " + chunk;
                Fixtures.evaluate(m, loss, BATCH, chunk, SEED, ITERATION, 1, b);
                double[] one = Fixtures.grads(ps);
                assertSameGradients(full, one, what);
                Fixtures.evaluate(m, loss, BATCH, chunk, SEED, ITERATION, 3, b);
                assertArrayEquals(one, Fixtures.grads(ps), what + ": 1 and 3 threads");
                double[] timeNetworks = Fixtures.grads(coefficient.parameters());
                assertTrue(Fixtures.norm(timeNetworks) > 1e-6, what + ": the Langevin coefficient gets a gradient");
            }
        }
    }

    /**
     * A kept first pass ({@link PathMemory}: pass 1 records every step's tape, pass 2 only back-propagates them) gives
     * the streamed numbers bit for bit — loss, log-weights and gradient, LV and TB, forward and backward paths, several
     * chunks, 1 and 3 threads — and a zero budget never keeps.
     */
    @Test
    void keptFirstPassEqualsTheStreamedOneBitForBit() {
        LangevinPis lp = langevinPis(51);
        Pis m = lp.model();
        TrajectoryBalanceLoss tb = new TrajectoryBalanceLoss();
        tb.logZ().value().data[0] = 0.7;
        for (Behaviour b : behaviours()) {
            for (Loss loss : new Loss[] {new LogVarianceLoss(), tb}) {
                for (int threads : new int[] {1, 3}) {
                    String what = loss.getClass().getSimpleName() + " " + b + ", " + threads + " threads";
                    List<Parameter> ps = Fixtures.all(m, loss);
                    LossValue streamed = Fixtures.evaluate(m, loss, BATCH, 5, SEED, ITERATION, threads, b);
                    double[] g = Fixtures.grads(ps);
                    PathMemory memory = new PathMemory(1L << 30);
                    assertTrue(!memory.keeps(5, STEPS), "nothing measured yet: streams");
                    LossValue first = Fixtures.evaluate(m, loss, BATCH, 5, SEED, ITERATION, threads, b, memory);
                    assertArrayEquals(g, Fixtures.grads(ps), what + ": measuring pass");
                    assertEquals(streamed.loss(), first.loss(), 0.0, what + ": measuring pass");
                    assertTrue(memory.keeps(5, STEPS), what + ": keeps after one measured pass");
                    long held = -1;
                    for (int repeat = 0; repeat < 3; repeat++) {
                        if (repeat == 2) { // the parameters move between passes, as the optimiser moves them
                            Fixtures.perturb(ps, 0.05, 60 + threads);
                            streamed = Fixtures.evaluate(m, loss, BATCH, 5, SEED, ITERATION, threads, b);
                            g = Fixtures.grads(ps);
                        }
                        LossValue kept = Fixtures.evaluate(m, loss, BATCH, 5, SEED, ITERATION, threads, b, memory);
                        assertEquals(streamed.loss(), kept.loss(), 0.0, what);
                        assertArrayEquals(streamed.logWeights(), kept.logWeights(), what + ": log-weights");
                        assertArrayEquals(g, Fixtures.grads(ps), what + ": gradient, kept pass " + repeat);
                        assertTrue(held < 0 || memory.keptDoubles() == held, what + ": a later kept pass reuses the storage");
                        held = memory.keptDoubles();
                    }
                    assertTrue(held > 0, what + ": the kept pass used its own storage");
                    memory.release();
                    assertEquals(0, memory.keptDoubles(), what + ": released");
                    Fixtures.evaluate(m, loss, BATCH, 5, SEED, ITERATION, threads, b, memory);
                    assertArrayEquals(g, Fixtures.grads(ps), what + ": a kept pass after the release");
                    assertTrue(memory.adjointDoubles() > 0 && memory.adjointDoubles() <= memory.measuredStepDoubles(),
                            what + ": the backward sweeps' adjoints hold one step (" + memory.adjointDoubles() + " <= "
                            + memory.measuredStepDoubles() + ")");
                    PathMemory none = new PathMemory(0);
                    Fixtures.evaluate(m, loss, BATCH, 5, SEED, ITERATION, threads, b, none);
                    assertTrue(!none.keeps(5, STEPS), "a zero budget streams");
                }
            }
        }
    }

    @Test
    void trajectoryBalanceStreamedEqualsWholeTape() {
        Pis m = Fixtures.pis(TARGET, STEPS, 16, 2);
        TrajectoryBalanceLoss tb = new TrajectoryBalanceLoss();
        tb.logZ().value().data[0] = 0.7;
        for (Behaviour b : behaviours()) {
            double[] full = fullTape(m, tb, b, w -> w.tape().mean(w.tape().square(
                    w.tape().sub(w.logW(), w.tape().param(tb.logZ())))));
            assertSameGradients(full, streamed(m, tb, b, BATCH), "TB " + b);
        }
    }

    @Test
    void detailedBalanceStreamedEqualsWholeTape() {
        Pis m = Fixtures.pis(TARGET, STEPS, 16, 3);
        DetailedBalanceLoss db = new DetailedBalanceLoss(Fixtures.flow(2, 16, 4));
        for (Behaviour b : behaviours()) {
            double[] full = fullTape(m, db, b, w -> {
                Tape t = w.tape();
                Var sum = t.square(w.delta()[0]);
                for (int n = 1; n < STEPS; n++) {
                    sum = t.add(sum, t.square(w.delta()[n]));
                }
                return t.mean(sum);
            });
            assertSameGradients(full, streamed(m, db, b, BATCH), "DB " + b);
        }
    }

    @Test
    void subTrajectoryBalanceStreamedEqualsWholeTapeAndTelescopes() {
        Pis m = Fixtures.pis(TARGET, STEPS, 16, 5);
        SubTrajectoryBalanceLoss sub = new SubTrajectoryBalanceLoss(Fixtures.flow(2, 16, 6), 0.8);
        double[] w = SubTrajectoryBalanceLoss.weights(STEPS, 0.8);
        for (Behaviour b : behaviours()) {
            double[] full = fullTape(m, sub, b, whole -> {
                Tape t = whole.tape();
                Var[] d = new Var[STEPS + 1];
                d[0] = t.full(BATCH, 1, 0.0);
                for (int n = 0; n < STEPS; n++) {
                    d[n + 1] = t.add(d[n], whole.delta()[n]);
                }
                Var total = null;
                for (int a = 0; a < STEPS; a++) {
                    for (int c = a + 1; c <= STEPS; c++) {
                        Var term = t.scale(t.square(t.sub(d[c], d[a])), w[c - a]);
                        total = total == null ? term : t.add(total, term);
                    }
                }
                // Σ_n δ_n = log Z_θ − log w (the TB residual).
                DMatrixRMaj tb = t.sub(t.param(sub.logZ()), whole.logW()).value();
                for (int i = 0; i < BATCH; i++) {
                    assertEquals(tb.data[i], d[STEPS].value().data[i], 1e-9);
                }
                return t.mean(total);
            });
            assertSameGradients(full, streamed(m, sub, b, BATCH), "sub-TB " + b);
        }
    }

    @Test
    void chunkingDoesNotChangeTheLossValue() {
        Pis m = Fixtures.pis(TARGET, STEPS, 16, 7);
        SubTrajectoryBalanceLoss sub = new SubTrajectoryBalanceLoss(Fixtures.flow(2, 16, 8), 0.9);
        double one = Fixtures.evaluate(m, sub, BATCH, BATCH, SEED, ITERATION, 1, Behaviour.onPolicy()).loss();
        double[] g1 = Fixtures.grads(Fixtures.all(m, sub));
        assertTrue(one > 0);
        assertEquals(SubTrajectoryBalanceLoss.weights(STEPS, 0.9).length, STEPS + 1);
        double sum = 0;
        for (int len = 1; len <= STEPS; len++) {
            sum += (STEPS + 1 - len) * SubTrajectoryBalanceLoss.weights(STEPS, 0.9)[len];
        }
        assertEquals(1.0, sum, 1e-12, "sub-path weights are normalised");
        assertTrue(Fixtures.norm(g1) > 0);
    }

    /** DB and sub-TB with the closed-form optimal control, flows log h_t and log Z_θ = log Z. */
    static double[] atOptimum(int steps) {
        FollmerControl u = new FollmerControl(TARGET.mean(), 0.5, 1.3, TestPaths.SIGMA, TestPaths.HORIZON);
        Pis m = new Pis(TARGET, org.girsanov.sde.TimeGrid.uniform(TestPaths.HORIZON, steps), u, TestPaths.SIGMA);
        LogFlow opt = new LogFlow(u.logFlow(), "opt.logZ");
        opt.logZ().value().data[0] = 1.3;
        double db = Fixtures.evaluate(m, new DetailedBalanceLoss(opt), 256, 64, 3, 0, 1, Behaviour.onPolicy()).loss();
        double sub = Fixtures.evaluate(m, new SubTrajectoryBalanceLoss(opt, 0.95), 256, 64, 3, 0, 1, Behaviour.onPolicy()).loss();
        // A wrong log Z_θ for reference: every sub-path through n = 0 is off by 1.
        opt.logZ().value().data[0] = 0.3;
        double dbOff = Fixtures.evaluate(m, new DetailedBalanceLoss(opt), 256, 64, 3, 0, 1, Behaviour.onPolicy()).loss();
        return new double[] {db, sub, dbOff};
    }

    @Test
    void detailedAndSubTrajectoryBalanceAreSmallAtTheOptimumAndShrinkWithN() {
        double[] coarse = atOptimum(10);
        double[] fine = atOptimum(40);
        String msg = "N=10: DB=" + coarse[0] + " subTB=" + coarse[1] + " DB(log Z off by 1)=" + coarse[2]
                + "; N=40: DB=" + fine[0] + " subTB=" + fine[1];
        assertTrue(fine[0] < coarse[0] && fine[1] < coarse[1], msg);
        assertTrue(fine[0] < 0.02 && fine[1] < 0.02, msg);
        assertTrue(coarse[2] > 0.9, msg);
    }
}
