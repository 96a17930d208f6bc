package org.girsanov.samplers.schrodinger;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * IPF between {@code N(−1, 1)} and {@code N(1, 4)} ({@code σ = 1.5}, {@code N = 20}, the settings of
 * {@link SchrodingerIpfTest}, 6 rounds) with learned and with fixed kernel variances (a {@code main}, not a test):
 * after every round, the forward process's {@code E X1}, {@code std X1} and {@code Cov(X0, X1)} and the backward
 * process's {@code E X0}, {@code std X0} on 20 000 paths, beside the closed form ({@link GaussianBridge}); at the end,
 * the learned forward drift against the closed-form drift at {@code μ_t} and {@code μ_t ± σ_t} for six grid times.
 *
 * <pre>
 *   mvn -B -q -pl samplers -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Denforcer.skip
 *   java -cp samplers/target/classes:samplers/target/test-classes:$(cat samplers/cp.txt) \
 *        org.girsanov.samplers.schrodinger.IpfVarianceAblation
 * </pre>
 */
public final class IpfVarianceAblation {
    private IpfVarianceAblation() {}

    public static void main(String[] args) {
        GaussianBridge exact = GaussianBridge.isotropic(new double[] {-1}, 1, new double[] {1}, 2, SchrodingerIpfTest.SIGMA);
        System.out.printf("closed form: E X1 1, std X1 2, Cov(X0, X1) %.3f, E X0 -1, std X0 1%n", exact.crossCovariance().get(0, 0));
        for (boolean learned : new boolean[] {true, false}) {
            IpfConfig c = SchrodingerIpfTest.config().withRounds(6).withLearnedVariance(learned);
            try (SchrodingerIpf ipf = new SchrodingerIpf(SchrodingerIpfTest.gaussian(-1, 1), SchrodingerIpfTest.gaussian(1, 2), c)) {
                long t0 = System.nanoTime();
                ipf.run(r -> {
                    List<DMatrixRMaj> x = ipf.simulateForward(20000, RandomSource.XO_RO_SHI_RO_128_PP.create(5));
                    List<DMatrixRMaj> y = ipf.simulateBackward(20000, RandomSource.XO_RO_SHI_RO_128_PP.create(6));
                    DMatrixRMaj x0 = x.get(0);
                    DMatrixRMaj x1 = x.get(x.size() - 1);
                    DMatrixRMaj y0 = y.get(0);
                    System.out.printf("learnedVariance=%s round %d  forward: E X1 %.3f std X1 %.3f Cov(X0,X1) %.3f   "
                                    + "backward: E X0 %.3f std X0 %.3f%n", learned, r.round(), GaussianBridgeTest.mean(x1, 0),
                            Math.sqrt(GaussianBridgeTest.covariance(x1, 0, x1, 0)), GaussianBridgeTest.covariance(x0, 0, x1, 0),
                            GaussianBridgeTest.mean(y0, 0), Math.sqrt(GaussianBridgeTest.covariance(y0, 0, y0, 0)));
                });
                System.out.printf("learnedVariance=%s: %.1f s%n", learned, (System.nanoTime() - t0) / 1e9);
                for (int n : new int[] {0, 2, 5, 10, 15, 19}) {
                    double t = ipf.grid().time(n);
                    double m = exact.mean(t)[0];
                    double sd = Math.sqrt(exact.covariance(t).get(0, 0));
                    StringBuilder b = new StringBuilder(String.format("learnedVariance=%s drift at t = %.2f:", learned, t));
                    for (double z : new double[] {-1, 0, 1}) {
                        DMatrixRMaj x = new DMatrixRMaj(1, 1, true, m + z * sd);
                        b.append(String.format("  x = %.2f learned %.3f exact %.3f", m + z * sd, ipf.forwardDrift(x, t).get(0, 0),
                                exact.drift(x, t).get(0, 0)));
                    }
                    System.out.println(b);
                }
            }
        }
    }
}
