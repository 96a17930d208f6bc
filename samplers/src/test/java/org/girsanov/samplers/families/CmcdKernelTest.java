package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;
import org.girsanov.sde.rnd.LogWeightForm;
import org.junit.jupiter.api.Test;

/**
 * CMCD's kernels and log-weight against formulas written out here in plain arithmetic, path by path, on random
 * instances (Gaussian-mixture targets, d = 1..3, uniform / jittered / power / shifted-start grids, constant or time-varying σ,
 * linear or power schedules). With {@code f = 0} the log-weight must be the unadjusted annealed importance weight
 * of ULA kernels:
 * <pre>
 *   log w = log ρ(x_N) − log N(x_0; 0, s²I)
 *         + Σ_n [ log N(x_n; x_{n+1} + ε'_n g_{n+1}(x_{n+1}), 2ε'_n I) − log N(x_{n+1}; x_n + ε_n g_n(x_n), 2ε_n I) ],
 *   g_n = β_n ∇log ρ + (1 − β_n) ∇log N(0, s²I),   ε_n = σ(t_n)² Δt_n,   ε'_n = σ(t_{n+1})² Δt_n,
 * </pre>
 * and with a known drift {@code f} the forward mean gains {@code + f(x_n, t_n) Δt_n} and the backward mean
 * {@code − f(x_{n+1}, t_{n+1}) Δt_n}.
 */
class CmcdKernelTest {
    static final int TRIALS = 12;

    /** One random instance. */
    record Instance(Target target, TimeGrid grid, DiffusionSchedule sigma, double priorStd, double exponent) {
        AnnealingSchedule schedule() {
            return AnnealingSchedule.power(exponent);
        }

        double beta(int n) {
            return Math.pow((grid.time(n) - grid.start()) / (grid.end() - grid.start()), exponent);
        }
    }

    static Instance instance(UniformRandomProvider r) {
        int d = 1 + r.nextInt(3);
        int k = 1 + r.nextInt(3);
        double[][] means = new double[k][d];
        double[][] vars = new double[k][d];
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = 0.2 + r.nextDouble();
            for (int j = 0; j < d; j++) {
                means[c][j] = -2 + 4 * r.nextDouble();
                vars[c][j] = 0.3 + r.nextDouble();
            }
        }
        Target target = GaussianMixture.diagonal("gmm", means, vars, weights);
        double horizon = 0.5 + 1.5 * r.nextDouble();
        int steps = 3 + r.nextInt(25);
        int kind = r.nextInt(4);
        TimeGrid grid = kind == 0 ? TimeGrid.uniform(horizon, steps)
                : kind == 1 ? TimeGrid.jittered(horizon, steps, r)
                : kind == 2 ? TimeGrid.power(horizon, steps, 0.5 + 1.5 * r.nextDouble()) : shifted(0.3, horizon, steps);
        DiffusionSchedule sigma = r.nextBoolean() ? new ConstantSchedule(0.3 + r.nextDouble())
                : new VpLinearSchedule(0.5 + r.nextDouble(), 0.2, 2.0, horizon);
        double exponent = r.nextBoolean() ? 1.0 : 0.5 + 2.5 * r.nextDouble();
        return new Instance(target, grid, sigma, 0.5 + 1.5 * r.nextDouble(), exponent);
    }

    /** {@code N} equal steps on {@code [t_0, t_0 + T]}: the annealing path is read relative to the grid's start. */
    static TimeGrid shifted(double start, double horizon, int steps) {
        double[] p = new double[steps + 1];
        for (int n = 0; n <= steps; n++) {
            p[n] = start + horizon * n / steps;
        }
        return TimeGrid.of(p);
    }

    /** {@code f(x, t) = a cos(t) x + c}, a known drift without parameters. */
    record Affine(double a, double[] c) implements Control {
        @Override
        public Var apply(Tape t, Var x, double time) {
            return t.add(t.scale(x, a * Math.cos(time)), t.constant(new DMatrixRMaj(1, c.length, true, c)));
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        double[] at(double[] x, double time) {
            double[] f = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                f[j] = a * Math.cos(time) * x[j] + c[j];
            }
            return f;
        }
    }

    /** The states of one batch of forward paths and the sampler's own log-weights. */
    record Paths(DMatrixRMaj[] states, double[] logW) {
    }

    /** The zero drift. */
    static Affine zero(int d) {
        return new Affine(0.0, new double[d]);
    }

    static Paths simulate(Cmcd m, int rows, long seed) {
        DMatrixRMaj[] xs = new DMatrixRMaj[m.grid().steps() + 1];
        double[] lw = new double[rows];
        LogWeightForm form = m.logWeight();
        StreamedPaths.visit(m, rows, Behaviour.onPolicy(), null, RandomSource.XO_RO_SHI_RO_128_PP.create(seed), false,
                new TransitionVisitor() {
                    @Override
                    public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                        xs[n] = xn.value().copy();
                        xs[n + 1] = xNext.value().copy();
                        StreamedPaths.add(lw, form.increment(t, n, xn, xNext, fwd), 1.0);
                    }

                    @Override
                    public void start(Tape t, Var x0) {
                        StreamedPaths.add(lw, form.start(t, x0), -1.0);
                    }

                    @Override
                    public void end(Tape t, Var xN) {
                        StreamedPaths.add(lw, form.end(t, xN), 1.0);
                    }
                });
        return new Paths(xs, lw);
    }

    /** The log-weight of row {@code i} written out: Euler–Maruyama kernels of the CMCD SDEs with drift {@code f}. */
    static double expectedLogWeight(Instance c, Affine f, DMatrixRMaj[] xs, int i) {
        TimeGrid g = c.grid();
        int steps = g.steps();
        double s2 = c.priorStd() * c.priorStd();
        Tape t = Tape.noGrad();
        double lw = c.target().logDensity(t, t.constant(row(xs[steps], i))).value().data[0]
                - logNormal(row(xs[0], i).data, new double[xs[0].numCols], s2);
        for (int n = 0; n < steps; n++) {
            double[] x = row(xs[n], i).data;
            double[] y = row(xs[n + 1], i).data;
            double dt = g.dt(n);
            double ef = c.sigma().sigmaSquared(g.time(n)) * dt;
            double eb = c.sigma().sigmaSquared(g.time(n + 1)) * dt;
            double[] gx = temperedScore(c, x, c.beta(n));
            double[] gy = temperedScore(c, y, c.beta(n + 1));
            double[] fx = f.at(x, g.time(n));
            double[] fy = f.at(y, g.time(n + 1));
            double[] mf = new double[x.length];
            double[] mb = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                mf[j] = x[j] + ef * gx[j] + fx[j] * dt;
                mb[j] = y[j] + eb * gy[j] - fy[j] * dt;
            }
            lw += logNormal(x, mb, 2 * eb) - logNormal(y, mf, 2 * ef);
        }
        return lw;
    }

    /** {@code β ∇log ρ(x) + (1 − β)(−x/s²)}. */
    static double[] temperedScore(Instance c, double[] x, double beta) {
        double[] st = c.target().score(new DMatrixRMaj(1, x.length, true, x)).data;
        double s2 = c.priorStd() * c.priorStd();
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = beta * st[j] + (1 - beta) * (-x[j] / s2);
        }
        return out;
    }

    static double logNormal(double[] x, double[] mean, double var) {
        double q = 0;
        for (int j = 0; j < x.length; j++) {
            q += (x[j] - mean[j]) * (x[j] - mean[j]);
        }
        return -0.5 * q / var - 0.5 * x.length * Math.log(2 * Math.PI * var);
    }

    static DMatrixRMaj row(DMatrixRMaj m, int i) {
        DMatrixRMaj r = new DMatrixRMaj(1, m.numCols);
        System.arraycopy(m.data, i * m.numCols, r.data, 0, m.numCols);
        return r;
    }

    static void assertPathByPath(Instance c, Affine f, String what) {
        Cmcd m = new Cmcd(c.target(), c.grid(), f, c.sigma(), c.priorStd(), c.schedule());
        Paths p = simulate(m, 32, 17);
        for (int i = 0; i < p.logW().length; i++) {
            double expected = expectedLogWeight(c, f, p.states(), i);
            assertTrue(Double.isFinite(expected), what + ": non-finite reference weight");
            assertEquals(expected, p.logW()[i], 1e-10 * Math.max(1, Math.abs(expected)),
                    what + ", path " + i + ", " + c);
        }
    }

    @Test
    void withZeroDriftTheLogWeightIsTheUnadjustedLangevinAnnealingWeightPathByPath() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);
        for (int trial = 0; trial < TRIALS; trial++) {
            Instance c = instance(r);
            assertPathByPath(c, new Affine(0.0, new double[c.target().dimension()]), "f = 0, trial " + trial);
        }
    }

    @Test
    void withAKnownDriftTheKernelsAreTheEulerMaruyamaStepsOfBothSdes() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
        for (int trial = 0; trial < TRIALS; trial++) {
            Instance c = instance(r);
            double[] shift = new double[c.target().dimension()];
            for (int j = 0; j < shift.length; j++) {
                shift[j] = -1 + 2 * r.nextDouble();
            }
            assertPathByPath(c, new Affine(-1 + 2 * r.nextDouble(), shift), "affine f, trial " + trial);
        }
    }

    @Test
    void theUntrainedNetworkIsExactlyZeroDrift() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        Instance c = instance(r);
        int d = c.target().dimension();
        Cmcd net = new Cmcd(c.target(), c.grid(), new org.girsanov.samplers.control.FourierMlp("f", d, d, 8, 1, r),
                c.sigma(), c.priorStd(), c.schedule());
        Paths p = simulate(net, 16, 3);
        for (int i = 0; i < 16; i++) {
            assertEquals(expectedLogWeight(c, new Affine(0, new double[d]), p.states(), i), p.logW()[i], 1e-10);
        }
    }

    @Test
    void invalidSchedulesNoiseAndPriorAreNamedErrors() {
        Target target = GaussianMixture.isotropic("two", new double[][] {{-1}, {1}}, 0.5, new double[] {1, 1});
        TimeGrid grid = TimeGrid.uniform(1.0, 8);
        Control zero = new Affine(0, new double[1]);
        List<String> messages = new ArrayList<>();
        AnnealingSchedule half = schedule("half", s -> s / 2);
        AnnealingSchedule plateau = schedule("plateau", s -> s == 1.0 ? 1.0 : Math.min(0.5, s));
        AnnealingSchedule down = schedule("down", s -> s == 1.0 ? 1.0 : s * (1 - s));
        for (AnnealingSchedule bad : new AnnealingSchedule[] {half, plateau, down}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Cmcd(target, grid, zero, new ConstantSchedule(1.0), 1.0, bad));
            assertTrue(e.getMessage().contains("annealing schedule " + bad.name()), e.getMessage());
            messages.add(e.getMessage());
        }
        assertTrue(messages.get(0).contains("end at 1"), messages.get(0));
        assertTrue(messages.get(1).contains("increase strictly"), messages.get(1));
        assertThrows(IllegalArgumentException.class, () -> AnnealingSchedule.power(0.0));
        DiffusionSchedule vanishing = new DiffusionSchedule() {
            @Override
            public double sigma(double t) {
                return 1 - t;
            }

            @Override
            public double sigmaSquaredIntegral(double s, double t) {
                return ((1 - s) * (1 - s) * (1 - s) - (1 - t) * (1 - t) * (1 - t)) / 3;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Cmcd(target, grid, zero, vanishing, 1.0, AnnealingSchedule.linear()));
        assertTrue(e.getMessage().contains("σ(t_8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Cmcd(target, grid, zero, 1.0, 0.0));
        assertTrue(e.getMessage().contains("prior std"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Cmcd(target, grid, zero, -1.0, 1.0));
    }

    static AnnealingSchedule schedule(String name, java.util.function.DoubleUnaryOperator beta) {
        return new AnnealingSchedule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double beta(double s) {
                return beta.applyAsDouble(s);
            }
        };
    }
}
