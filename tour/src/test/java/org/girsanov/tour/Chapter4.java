package org.girsanov.tour;

import java.io.PrintStream;
import java.util.Locale;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.ConstantSchedule;
import org.girsanov.sde.DiffusionSchedule;
import org.girsanov.sde.Drift;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.Sde;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.rnd.BackwardItoRnd;
import org.girsanov.sde.rnd.LogWeight;

/** Chapter 4 (docs/tour/04-girsanov.md): the Euler–Maruyama kernel ratio is the discretised Girsanov RND, exactly. */
public final class Chapter4 {
    static final GaussianTarget TARGET = GaussianTarget.isotropic("rho", new double[] {1.0, -0.5}, 0.5, 1.3);
    static final IsotropicGaussian PRIOR = IsotropicGaussian.centred(2, 1.0);
    /** Any drifts will do: nonlinear, time-dependent, unrelated to each other. */
    static final Drift FORWARD = (t, x, time) -> t.sub(t.scale(x.tanh(), 1 - time), x);
    static final Drift BACKWARD = (t, x, time) -> t.add(t.scale(x.sin(), time), t.scale(x, 0.5));

    /** σ(t) = 0.5 + t: a diffusion that changes in time. */
    static final DiffusionSchedule GROWING = new DiffusionSchedule() {
        @Override
        public double sigma(double t) {
            return 0.5 + t;
        }

        @Override
        public double sigmaSquaredIntegral(double s, double t) {
            return (Math.pow(0.5 + t, 3) - Math.pow(0.5 + s, 3)) / 3;
        }
    };

    /** {@code rows} forward paths on {@code grid}, with their log w (kernel ratio) and −RND (backward-Itô Girsanov). */
    static double[][] both(DiffusionSchedule sigma, TimeGrid grid, int rows, PrintStream steps) {
        Tape t = Tape.noGrad();
        Sde fwdSde = new Sde(FORWARD, sigma);
        Sde bwdSde = new Sde(BACKWARD, sigma);
        EulerMaruyamaForward fwd = new EulerMaruyamaForward(fwdSde, grid);
        EulerMaruyamaBackward bwd = new EulerMaruyamaBackward(bwdSde, grid);
        Var x0 = t.constant(PRIOR.sample(rows, RandomStreams.philox(4, 0, 0)));
        Path p = PathSimulator.forward(t, fwd, x0, NoiseSource.of(RandomStreams.philox(4, 0, 1)));
        if (steps != null) {
            for (int n = 0; n < 3; n++) {
                double kernels = LogWeight.stepTerm(t, n, p.state(n), p.state(n + 1), fwd, bwd).get(0, 0);
                double girsanov = BackwardItoRnd.stepTerm(t, p, n, fwdSde, bwdSde).get(0, 0);
                steps.printf(Locale.ROOT, "  step %d: log p<- - log p-> = %16.12f   -(Girsanov step) = %16.12f%n", n, kernels, -girsanov);
            }
        }
        double[] lw = LogWeight.of(t, p, fwd, bwd, PRIOR, TARGET::logDensity).value().data;
        double[] rnd = BackwardItoRnd.of(t, p, fwdSde, bwdSde, PRIOR, TARGET::logDensity).value().data;
        return new double[][] {lw, rnd};
    }

    public static void run(PrintStream out) {
        TimeGrid grid = TimeGrid.uniform(1.0, 10);
        out.println("constant sigma = 0.8, 10 steps; path 1 step by step:");
        double[][] r = both(new ConstantSchedule(0.8), grid, 5, out);
        out.printf(Locale.ROOT, "%6s %18s %18s%n", "path", "log w (kernels)", "-RND (Girsanov)");
        double worst = 0;
        for (int i = 0; i < 5; i++) {
            out.printf(Locale.ROOT, "%6d %18.12f %18.12f%n", i + 1, r[0][i], -r[1][i]);
            worst = Math.max(worst, Math.abs(r[0][i] + r[1][i]));
        }
        out.printf(Locale.ROOT, "equal up to rounding (|difference| < 1e-12 on every path): %b%n", worst < 1e-12);

        out.println("\nsigma(t) = 0.5 + t: the kernels' variances differ, the identity holds only as dt -> 0");
        out.printf(Locale.ROOT, "%6s %22s%n", "steps", "mean |log w + RND|");
        for (int steps : new int[] {10, 40, 160, 640}) {
            double[][] s = both(GROWING, TimeGrid.uniform(1.0, steps), 400, null);
            double mean = 0;
            for (int i = 0; i < 400; i++) {
                mean += Math.abs(s[0][i] + s[1][i]) / 400;
            }
            out.printf(Locale.ROOT, "%6d %22.6f%n", steps, mean);
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
