package org.girsanov.samplers.metrics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;

/**
 * Timing of {@link Sinkhorn} at K = 5 000 (a {@code main}, not a test): for gmm9 (d = 2), a
 * Gaussian in d = 10 and Many-Well in d = 50, "model" samples are an independent exact draw, so the
 * cost is the finite-sample W_γ between two exact draws. Prints iterations, time and cost.
 *
 * <pre>
 *   mvn -B -q -pl samplers -am test-compile -Denforcer.skip
 *   java -cp samplers/target/classes:samplers/target/test-classes:$(cat cp.txt) \
 *        org.girsanov.samplers.metrics.SinkhornTiming [K] [threads] [spec ...]
 * </pre>
 */
public final class SinkhornTiming {
    private SinkhornTiming() {}

    public static void main(String[] args) {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Target[] targets = {org.girsanov.samplers.targets.GridMixture.gmm9(),
            org.girsanov.samplers.targets.GaussianTarget.isotropic("gaussian10", new double[10], 1.0, 0.0),
            new org.girsanov.samplers.targets.ManyWell(50, 5, 2.0)};
        for (Target t : targets) {
            String spec = t.name();
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240L);
            DMatrixRMaj model = t.sample(k, rng);
            DMatrixRMaj exact = t.sample(k, rng);
            long t0 = System.nanoTime();
            SinkhornResult r = new Sinkhorn().withThreads(threads).compute(model, exact);
            double sec = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("%-28s K=%d d=%d threads=%d  iterations=%d  time=%.1f s  cost=%.6f  "
                            + "marginalError=%.2e  converged=%s%n",
                    spec, k, model.numCols, threads, r.iterations(), sec, r.cost(), r.marginalError(),
                    r.converged());
        }
    }
}
