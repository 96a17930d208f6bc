package org.girsanov.samplers.schrodinger;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * IPF with the Ornstein–Uhlenbeck reference {@code dX = −αX dt + σ dW} between {@code N(−1, 1)} and {@code N(1, 4)}
 * ({@code σ = 1.5}, the other settings of {@link SchrodingerIpfTest}, 10 rounds), for {@code α = 1} and {@code 2} at
 * {@code N = 20}, {@code α = 2} at {@code N = 80}, and {@code α = 2} with 600 Adam steps per half-bridge at width 16
 * and 64 (a {@code main}, not a test; arguments: the indices of the cases to run, default all): after every round the forward
 * process's {@code std X1}, half-way std and {@code Cov(X0, X1)} on 20 000 paths, beside the closed form
 * ({@link GaussianBridge}) and the Brownian bridge's values.
 *
 * <pre>
 *   mvn -B -q -pl samplers -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Denforcer.skip
 *   java -cp samplers/target/classes:samplers/target/test-classes:$(cat samplers/cp.txt) \
 *        org.girsanov.samplers.schrodinger.IpfOuReference
 * </pre>
 */
public final class IpfOuReference {
    private IpfOuReference() {}

    public static void main(String[] args) {
        DMatrixRMaj c0 = new DMatrixRMaj(1, 1, true, 1.0);
        DMatrixRMaj c1 = new DMatrixRMaj(1, 1, true, 4.0);
        double sigma = SchrodingerIpfTest.SIGMA;
        GaussianBridge brownian = new GaussianBridge(new double[] {-1}, c0, new double[] {1}, c1, sigma);
        System.out.printf("Brownian bridge: half-way std %.3f, Cov(X0, X1) %.3f%n",
                Math.sqrt(brownian.covariance(0.5).get(0, 0)), brownian.crossCovariance().get(0, 0));
        // alpha, N, Adam steps per half-bridge, width, learned variance (1) or fixed (0), IPF (0) or IMF (1)
        double[][] cases = {{1, 20, 150, 16, 1, 0}, {2, 20, 150, 16, 1, 0}, {2, 80, 150, 16, 1, 0}, {2, 20, 600, 16, 1, 0},
            {2, 20, 600, 64, 1, 0}, {2, 20, 150, 16, 0, 0}, {2, 20, 150, 16, 1, 1}, {1, 20, 150, 16, 1, 1},
            {0, 20, 150, 16, 1, 0}, {0, 20, 150, 16, 1, 1}};
        List<String> chosen = List.of(args);
        for (int k = 0; k < cases.length; k++) {
            if (!chosen.isEmpty() && !chosen.contains(Integer.toString(k))) {
                continue;
            }
            double[] c = cases[k];
            double alpha = c[0];
            int steps = (int) c[1];
            int iterations = (int) c[2];
            int width = (int) c[3];
            boolean learned = c[4] == 1;
            boolean imf = c[5] == 1;
            GaussianBridge exact = new GaussianBridge(new double[] {-1}, c0, new double[] {1}, c1, sigma, alpha);
            System.out.printf("alpha %.0f, N = %d, %d iterations per half-bridge, width %d, %s variance, %s: closed form half-way"
                    + " std %.3f, Cov(X0, X1) %.3f%n", alpha, steps, iterations, width, learned ? "learned" : "fixed",
                    imf ? "IMF" : "IPF",
                    Math.sqrt(exact.covariance(0.5).get(0, 0)), exact.crossCovariance().get(0, 0));
            IpfConfig config = SchrodingerIpfTest.config().withAlpha(alpha).withSteps(steps).withRounds(10)
                    .withIterations(iterations).withNetwork(width, 1).withLearnedVariance(learned)
                    .withReciprocalProjection(imf);
            OuReference q = new OuReference(sigma, alpha);
            long t0 = System.nanoTime();
            try (SchrodingerIpf ipf = new SchrodingerIpf(SchrodingerIpfTest.gaussian(-1, 1), SchrodingerIpfTest.gaussian(1, 2), config)) {
                ipf.run(r -> {
                    List<DMatrixRMaj> x = ipf.simulateForward(20000, RandomSource.XO_RO_SHI_RO_128_PP.create(9));
                    DMatrixRMaj x1 = x.get(x.size() - 1);
                    DMatrixRMaj half = x.get(x.size() / 2);
                    System.out.printf("alpha %.0f N %d it %d w %d round %2d  std X1 %.3f  half-way std %.3f  Cov(X0, X1) %.3f%n", alpha,
                            steps, iterations, width, r.round(), Math.sqrt(GaussianBridgeTest.covariance(x1, 0, x1, 0)),
                            Math.sqrt(GaussianBridgeTest.covariance(half, 0, half, 0)), GaussianBridgeTest.covariance(x.get(0), 0, x1, 0));
                    // the reciprocal check: is the learned process still a mixture of Q's bridges (at t = 1/4, 1/2, 3/4)?
                    List<ReciprocalCheck.Pinned> pinned = ReciprocalCheck.of(q, x, ipf.grid());
                    StringBuilder line = new StringBuilder("    pinned given (X0, X1):");
                    for (int m : new int[] {steps / 4, steps / 2, 3 * steps / 4}) {
                        ReciprocalCheck.Pinned p = pinned.get(m - 1);
                        line.append(String.format("  t %.2f: A %.3f (%.3f) B %.3f (%.3f) var/s_t^2 %.3f", p.time(), p.startWeight(),
                                p.referenceStartWeight(), p.endWeight(), p.referenceEndWeight(), p.varianceRatio()));
                    }
                    System.out.println(line);
                });
            }
            System.out.printf("alpha %.0f N %d it %d w %d: %.1f s%n", alpha, steps, iterations, width, (System.nanoTime() - t0) / 1e9);
        }
    }
}
