package org.girsanov.tour;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.ConstantSchedule;
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
import org.girsanov.sde.rnd.LogWeight;

/** Chapter 3 (docs/tour/03-path-weights.md): the log-weight of a path, E[w] = Z and ELBO ≤ log Z ≤ EUBO. */
public final class Chapter3 {
    static final double[] M = {1.0, -0.5};
    static final double LOG_Z = 1.3;
    static final GaussianTarget TARGET = GaussianTarget.isotropic("rho", M, 0.5, LOG_Z);   // ρ = Z · N(m, ½ I)
    static final IsotropicGaussian PRIOR = IsotropicGaussian.centred(2, 1.0);             // N(0, I)
    static final TimeGrid GRID = TimeGrid.uniform(1.0, 8);
    static final int K = 20000;

    /** log w of every path: forward paths from the prior, or backward paths from exact target samples. */
    static double[] logWeights(Drift forward, Drift backward, boolean fromTarget, long seed, PrintStream out) {
        Tape t = Tape.noGrad();
        EulerMaruyamaForward fwd = new EulerMaruyamaForward(new Sde(forward, new ConstantSchedule(1.0)), GRID);
        EulerMaruyamaBackward bwd = new EulerMaruyamaBackward(new Sde(backward, new ConstantSchedule(1.0)), GRID);
        UniformRandomProvider rng = RandomStreams.philox(seed, 0, 0);
        Path p = fromTarget
                ? PathSimulator.backward(t, bwd, t.constant(TARGET.sample(K, rng)), NoiseSource.of(rng))
                : PathSimulator.forward(t, fwd, t.constant(PRIOR.sample(K, rng)), NoiseSource.of(rng));
        if (out != null) {   // the four parts of log w for the first path
            double fSum = 0;
            double bSum = 0;
            for (int n = 0; n < GRID.steps(); n++) {
                fSum += fwd.logDensity(t, p.state(n + 1), p.state(n), n).get(0, 0);
                bSum += bwd.logDensity(t, p.state(n), p.state(n + 1), n).get(0, 0);
            }
            double end = TARGET.logDensity(t, p.state(GRID.steps())).get(0, 0);
            double start = PRIOR.apply(t, p.state(0)).get(0, 0);
            out.printf(Locale.ROOT, "  path 1: log rho(x_N) = %.4f, log p_prior(x_0) = %.4f, sum log p<- = %.4f, sum log p-> = %.4f%n",
                    end, start, bSum, fSum);
            out.printf(Locale.ROOT, "          log w = %.4f - (%.4f) + (%.4f) - (%.4f) = %.4f%n", end, start, bSum, fSum,
                    end - start + bSum - fSum);
        }
        return LogWeight.of(t, p, fwd, bwd, PRIOR, TARGET::logDensity).value().data;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v / a.length;
        }
        return s;
    }

    static void report(PrintStream out, String name, Drift forward, Drift backward) {
        out.println(name);
        double[] lw = logWeights(forward, backward, false, 1, out);
        double[] lwBack = logWeights(forward, backward, true, 2, null);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lw) {
            max = Math.max(max, v);
        }
        double[] w = new double[K];   // w / Z
        double sumW = 0;
        double sumW2 = 0;
        for (int i = 0; i < K; i++) {
            w[i] = Math.exp(lw[i] - LOG_Z);
            sumW += Math.exp(lw[i] - max);
            sumW2 += Math.exp(2 * (lw[i] - max));
        }
        double meanW = mean(w);
        double se = 0;
        for (double v : w) {
            se += (v - meanW) * (v - meanW) / ((double) K * (K - 1));
        }
        double elbo = mean(lw);
        double eubo = mean(lwBack);
        out.printf(Locale.ROOT, "  E[w]/Z      %8.4f +- %.4f (one standard error)%n", meanW, Math.sqrt(se));
        out.printf(Locale.ROOT, "  ELBO        %8.4f   = log Z - KL(P->|P<-), KL = %.4f%n", elbo, LOG_Z - elbo);
        out.printf(Locale.ROOT, "  log Z       %8.4f   importance estimate log(mean w) = %.4f%n", LOG_Z, max + Math.log(sumW / K));
        out.printf(Locale.ROOT, "  EUBO        %8.4f   = log Z + KL(P<-|P->), KL = %.4f%n", eubo, eubo - LOG_Z);
        out.printf(Locale.ROOT, "  ESS/K       %8.4f%n", sumW * sumW / (K * sumW2));
    }

    public static void run(PrintStream out) {
        out.printf(Locale.ROOT, "target rho = Z N(m, 0.5 I), m = (1, -0.5), log Z = %.1f; prior N(0, I); %d steps on [0, 1]; %d paths%n%n",
                LOG_Z, GRID.steps(), K);
        report(out, "Brownian motion both ways (mu-> = mu<- = 0)", Drift.zero(), Drift.zero());
        // dX = (m − X) dt + dW has stationary law N(m, ½ I); from N(0, I) its marginal at t is N(m_t, v_t I) with
        // m_t = (1 − e^{−t}) m, v_t = ½ + ½ e^{−2t}, so its time reversal has μ← = μ→ − σ² ∇log p_t = (m − x) + (x − m_t)/v_t.
        Drift ou = (t, x, time) -> t.sub(t.constant(row(M, 1)), x);
        Drift reversal = (t, x, time) -> {
            double vt = 0.5 + 0.5 * Math.exp(-2 * time);
            Var towardsMt = t.scale(t.sub(x, t.constant(row(M, 1 - Math.exp(-time)))), 1 / vt);
            return t.add(ou.apply(t, x, time), towardsMt);
        };
        out.println();
        report(out, "OU towards m forward, its time reversal backward", ou, reversal);
    }

    static DMatrixRMaj row(double[] v, double scale) {
        DMatrixRMaj r = new DMatrixRMaj(1, v.length);
        for (int j = 0; j < v.length; j++) {
            r.data[j] = scale * v[j];
        }
        return r;
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
