package org.girsanov.verification.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.Cmcd;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;
import org.girsanov.sde.rnd.LogWeightForm;
import org.girsanov.verification.Statistics;
import org.junit.jupiter.api.Test;

/**
 * CMCD on the annealing path between Gaussians, where everything is in closed form ({@link AnnealedGaussians}):
 * the Jarzynski identity at every intermediate time, {@code E[w_{0:n}] = Z_{t_n}}, with the exact {@code log Z_t};
 * and the transport drift {@code f*} as the continuous-time optimum ({@code Var log w → 0} as {@code Δt → 0}, while
 * {@code f = 0}, unadjusted Langevin annealing, keeps its variance).
 */
class CmcdGaussianPathTest {
    static final AnnealedGaussians PATH = new AnnealedGaussians(1.2, new double[] {1.0, -0.6}, 0.5, 0.7, 1.0);

    /** Per path, {@code log w_{0:n} = log π̃_{t_n}(x_n) − log p_prior(x_0) + Σ_{k<n} ℓ_k} at every {@code n}. */
    static double[][] partialLogWeights(Cmcd m, AnnealedGaussians g, int rows, long seed) {
        int steps = m.grid().steps();
        double[][] lw = new double[steps + 1][rows];
        double[] running = new double[rows];
        LogWeightForm form = m.logWeight();
        StreamedPaths.visit(m, rows, Behaviour.onPolicy(), null, RandomSource.XO_RO_SHI_RO_128_PP.create(seed), false,
                new TransitionVisitor() {
                    @Override
                    public void start(Tape t, Var x0) {
                        StreamedPaths.add(running, form.start(t, x0), -1.0);
                        endAt(0, x0.value());
                    }

                    @Override
                    public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                        StreamedPaths.add(running, form.increment(t, n, xn, xNext, fwd), 1.0);
                        endAt(n + 1, xNext.value());
                    }

                    private void endAt(int n, DMatrixRMaj x) {
                        double b = g.beta(m.grid().time(n));
                        for (int i = 0; i < rows; i++) {
                            double[] xi = row(x, i);
                            double lp = logNormal(xi, new double[xi.length], g.priorStd() * g.priorStd());
                            double lr = g.logZ() + logNormal(xi, g.mean(), g.variance());
                            lw[n][i] = running[i] + (1 - b) * lp + b * lr;
                        }
                    }
                });
        return lw;
    }

    static double mean(double[] x) {
        return Statistics.mean(x);
    }

    /** {@code |mean(w/Z_t) − 1| ≤ 4 SE} at a quarter, half, three quarters and the end of the path. */
    static void assertJarzynski(Cmcd m, String what) {
        int rows = 4000;
        double[][] lw = partialLogWeights(m, PATH, rows, 31);
        int steps = m.grid().steps();
        for (int n : new int[] {steps / 4, steps / 2, 3 * steps / 4, steps}) {
            double logZt = PATH.logZ(m.grid().time(n));
            double[] r = new double[rows];
            for (int i = 0; i < rows; i++) {
                r[i] = Math.exp(lw[n][i] - logZt);
            }
            double mu = mean(r);
            double se = Statistics.standardError(r);
            String msg = String.format(Locale.ROOT, "%s, n = %d: mean w/Z_t = %.4f ± %.4f (log Z_t = %.4f)", what, n, mu,
                    se, logZt);
            System.out.println(msg);
            assertTrue(Math.abs(mu - 1) <= 4 * se && se < 0.1, msg);
        }
    }

    @Test
    void closedFormLogZtHasTheRightEnds() {
        assertEquals(0.0, PATH.logZ(0.0), 1e-12);
        assertEquals(PATH.logZ(), PATH.logZ(1.0), 1e-12);
    }

    @Test
    void jarzynskiHoldsAtEveryIntermediateTimeWithTheExactLogZt() {
        int d = PATH.mean().length;
        TimeGrid grid = TimeGrid.uniform(PATH.horizon(), 24);
        assertJarzynski(new Cmcd(PATH.target(), grid, ZERO, 1.0, PATH.priorStd()), "f = 0");
        FourierMlp net = new FourierMlp("f", d, d, 8, 1, GaussianCase.rng(3));
        GaussianCase.perturb(net.parameters(), 0.1, 4);
        assertJarzynski(new Cmcd(PATH.target(), grid, net, 1.0, PATH.priorStd()), "perturbed f");
    }

    /** {@code Var[log w]} and {@code mean log w − log Z} of {@code rows} forward paths. */
    static double[] logWeightStats(Cmcd m, int rows, long seed) {
        double[] lw = StreamedPaths.logWeights(m, rows, Behaviour.onPolicy(), null,
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed)).logWeights();
        double se = Statistics.standardError(lw);
        return new double[] {se * se * lw.length, mean(lw) - PATH.logZ()};
    }

    @Test
    void theTransportDriftIsTheOptimumAsTheStepShrinks() {
        int d = PATH.mean().length;
        double[] previous = null;
        for (int steps : new int[] {25, 50, 100, 200}) {
            TimeGrid grid = TimeGrid.uniform(PATH.horizon(), steps);
            double[] opt = logWeightStats(new Cmcd(PATH.target(), grid, PATH.transport(), 1.0, PATH.priorStd()), 2000, 5);
            double[] ula = logWeightStats(new Cmcd(PATH.target(), grid, ZERO, 1.0, PATH.priorStd()), 2000, 5);
            System.out.printf(Locale.ROOT, "N = %d: f* Var log w = %.5f, bias %.5f; f = 0 Var log w = %.5f, bias %.5f%n",
                    steps, opt[0], opt[1], ula[0], ula[1]);
            if (previous != null) {
                assertTrue(opt[0] < 0.7 * previous[0], "Var log w must fall with Δt: " + opt[0] + " after " + previous[0]);
            }
            assertTrue(opt[0] < 0.02 * ula[0], "f* must beat f = 0 by far: " + opt[0] + " vs " + ula[0]);
            assertTrue(Math.abs(opt[1]) < 0.05 && ula[1] < -0.5, "bias of the ELBO: f* " + opt[1] + ", f = 0 " + ula[1]);
            previous = opt;
        }
    }

    /** The zero drift. */
    static final Control ZERO = new Control() {
        @Override
        public Var apply(Tape t, Var x, double time) {
            return t.full(x.rows(), x.cols(), 0.0);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }
    };

    static double[] row(DMatrixRMaj m, int i) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, i * m.numCols, r, 0, m.numCols);
        return r;
    }

    static double logNormal(double[] x, double[] mean, double var) {
        double q = 0;
        for (int j = 0; j < x.length; j++) {
            q += (x[j] - mean[j]) * (x[j] - mean[j]);
        }
        return -0.5 * q / var - 0.5 * x.length * Math.log(2 * Math.PI * var);
    }
}
