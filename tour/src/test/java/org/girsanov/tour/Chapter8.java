package org.girsanov.tour;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.schrodinger.BridgeEnd;
import org.girsanov.samplers.schrodinger.GaussianBridge;
import org.girsanov.samplers.schrodinger.IpfConfig;
import org.girsanov.samplers.schrodinger.OuReference;
import org.girsanov.samplers.schrodinger.ReciprocalCheck;
import org.girsanov.samplers.schrodinger.SchrodingerIpf;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;

/**
 * Chapter 8 (docs/tour/08-schrodinger.md): the Schrödinger bridge between two Gaussians for an Ornstein–Uhlenbeck
 * reference, by IPF and by iterative Markovian fitting, each checked against the closed form and against the
 * reference's reciprocal class.
 */
public final class Chapter8 {
    static final double SIGMA = 1.5;
    static final double ALPHA = 2.0;
    static final int STEPS = 20;

    public static void run(PrintStream out) {
        OuReference q = new OuReference(SIGMA, ALPHA);
        GaussianBridge exact = new GaussianBridge(new double[] {-1}, new DMatrixRMaj(1, 1, true, 1.0), new double[] {1},
                new DMatrixRMaj(1, 1, true, 4.0), SIGMA, ALPHA);
        out.printf(Locale.ROOT, "N(-1, 1) -> N(1, 4), reference dX = -%.0f X dt + %.1f dW on [0, 1]%n", ALPHA, SIGMA);
        out.printf(Locale.ROOT, "closed form: Cov(X0, X1) %.3f, half-way std %.3f; Q pinned at t = 1/2: A %.3f, B %.3f, s^2 %.3f%n",
                exact.crossCovariance().get(0, 0), Math.sqrt(exact.covariance(0.5).get(0, 0)),
                q.pinnedStartWeight(0.5), q.pinnedEndWeight(0.5), q.pinnedVariance(0.5));

        // the reference's own paths are in its reciprocal class, whatever their start
        TimeGrid grid = TimeGrid.uniform(1.0, STEPS);
        ReciprocalCheck.Pinned own = ReciprocalCheck.of(q, referencePaths(q, grid), grid).get(STEPS / 2 - 1);
        out.printf(Locale.ROOT, "Q's own paths from N(-1, 1), fitted at t = 1/2: A %.3f, B %.3f, residual / s^2 %.3f%n%n",
                own.startWeight(), own.endWeight(), own.varianceRatio());

        for (boolean imf : new boolean[] {false, true}) {
            out.println(imf ? "iterative Markovian fitting (reciprocal projection before each fit)" : "IPF");
            out.println("round  std X1  half-way std  Cov(X0, X1)  fitted B(1/2)  residual / s^2");
            IpfConfig config = IpfConfig.defaults().withSteps(STEPS).withSigma(SIGMA).withAlpha(ALPHA).withRounds(6)
                    .withIterations(150).withBatch(256).withLr(5e-3).withNetwork(16, 1).withSeed(3)
                    .withReciprocalProjection(imf);
            try (SchrodingerIpf ipf = new SchrodingerIpf(gaussian(-1, 1), gaussian(1, 2), config)) {
                ipf.run(r -> {
                    List<DMatrixRMaj> x = ipf.simulateForward(10000, RandomSource.XO_RO_SHI_RO_128_PP.create(9));
                    ReciprocalCheck.Pinned p = ReciprocalCheck.of(q, x, ipf.grid()).get(STEPS / 2 - 1);
                    DMatrixRMaj x0 = x.get(0);
                    DMatrixRMaj x1 = x.get(STEPS);
                    out.printf(Locale.ROOT, "%5d  %6.3f  %12.3f  %11.3f  %13.3f  %14.3f%n", r.round(), Math.sqrt(cov(x1, x1)),
                            Math.sqrt(cov(x.get(STEPS / 2), x.get(STEPS / 2))), cov(x0, x1), p.endWeight(), p.varianceRatio());
                });
            }
            if (!imf) {
                out.println();
            }
        }
    }

    static BridgeEnd gaussian(double mean, double std) {
        return BridgeEnd.of(GaussianTarget.isotropic("N(" + mean + ", " + std * std + ")", new double[] {mean}, std * std, 0.0));
    }

    /** 10 000 paths of Q from N(−1, 1) by its exact transition. */
    static List<DMatrixRMaj> referencePaths(OuReference q, TimeGrid grid) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x = new DMatrixRMaj(10000, 1);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = -1 + z.sample();
        }
        List<DMatrixRMaj> path = new ArrayList<>();
        path.add(x.copy());
        for (int n = 0; n < grid.steps(); n++) {
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = q.decay(grid.dt(n)) * x.data[i] + Math.sqrt(q.variance(grid.dt(n))) * z.sample();
            }
            path.add(x.copy());
        }
        return path;
    }

    /** The sample covariance of two one-column matrices. */
    static double cov(DMatrixRMaj a, DMatrixRMaj b) {
        int n = a.numRows;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a.data[i] / n;
            mb += b.data[i] / n;
        }
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += (a.data[i] - ma) * (b.data[i] - mb);
        }
        return c / (n - 1);
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
