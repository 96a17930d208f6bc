package org.girsanov.samplers.mcmc;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;

/**
 * Parallel tempering / replica exchange (Swendsen &amp; Wang, PRL 1986; Geyer 1991; Earl &amp; Deem, PCCP
 * 2005). {@code K} replicas of each of {@code n} chains run at inverse temperatures on a geometric ladder
 * {@code β_k = β_min^{k/(K−1)}}, {@code k = 0..K−1} ({@code β_0 = 1}), targeting
 * {@code π_k ∝ p_ref^{1−β_k} ρ^{β_k}} ({@link TemperedDensity}; plain {@code ρ^{β_k}} without a reference).
 * Each round moves every replica with the kernel (MALA by default), then proposes swapping the states of
 * neighbours {@code (k, k+1)} for all even {@code k} on even rounds and odd {@code k} on odd rounds
 * (deterministic even–odd scheme, Lingenheil et al. 2009), accepted with
 * <pre>
 *   α = min(1, π_k(x_{k+1}) π_{k+1}(x_k) / (π_k(x_k) π_{k+1}(x_{k+1})))
 *     = min(1, exp((β_k − β_{k+1}) [(log ρ − log p_ref)(x_{k+1}) − (log ρ − log p_ref)(x_k)])).
 * </pre>
 * Samples are the β = 1 replicas after warm-up. Step sizes are adapted per replica during warm-up and
 * stay with their temperature slot.
 */
public final class ParallelTempering {
    private final McmcKernel kernel;
    private final double[] betas;
    private final IsotropicGaussian reference;
    private final double initialStepSize;
    private final int warmup;
    private final int rounds;
    private final int thin;

    /**
     * @param kernel       the move at each temperature
     * @param temperatures number K of rungs (≥ 2)
     * @param minBeta      β of the hottest rung, in (0, 1)
     * @param reference    a base {@code N(0, σ²I)} for the path, or {@code null} for pure tempering {@code ρ^β}
     */
    public ParallelTempering(McmcKernel kernel, int temperatures, double minBeta, IsotropicGaussian reference,
                             double initialStepSize, int warmup, int rounds, int thin) {
        if (temperatures < 2) {
            throw new IllegalArgumentException("parallel tempering: need at least 2 temperatures, got " + temperatures);
        }
        if (!(minBeta > 0 && minBeta < 1)) {
            throw new IllegalArgumentException("parallel tempering: minBeta must be in (0, 1), got " + minBeta);
        }
        if (warmup < 0 || rounds < 1 || thin < 1) {
            throw new IllegalArgumentException("parallel tempering: need warmup >= 0, rounds >= 1, thin >= 1");
        }
        this.kernel = kernel;
        this.betas = geometricLadder(temperatures, minBeta);
        this.reference = reference;
        this.initialStepSize = initialStepSize;
        this.warmup = warmup;
        this.rounds = rounds;
        this.thin = thin;
    }

    /** {@code β_k = β_min^{k/(K−1)}}, decreasing from 1 to β_min. */
    public static double[] geometricLadder(int k, double minBeta) {
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = Math.pow(minBeta, i / (double) (k - 1));
        }
        b[0] = 1.0;
        return b;
    }

    public double[] betas() {
        return betas.clone();
    }

    /**
     * Runs {@code x0.numRows} chains; every replica of chain {@code c} starts at row {@code c} of {@code x0}.
     */
    public McmcResult run(Target target, DMatrixRMaj x0, UniformRandomProvider rng) {
        EvaluationCounter counter = new EvaluationCounter();
        TemperedDensity density = new TemperedDensity(target, reference, counter);
        int n = x0.numRows;
        int k = betas.length;
        int d = target.dimension();
        // row r = rung * n + chain
        DMatrixRMaj start = new DMatrixRMaj(k * n, d);
        double[] beta = new double[k * n];
        for (int r = 0; r < k; r++) {
            System.arraycopy(x0.data, 0, start.data, r * n * d, n * d);
            Arrays.fill(beta, r * n, (r + 1) * n, betas[r]);
        }
        StepSizeAdapter adapter = new StepSizeAdapter(k * n, initialStepSize,
                kernel.adjusted() ? kernel.targetAcceptance() : 0.5, true);
        double[] eps = adapter.stepSizes();
        double[] acc = new double[k * n];
        long[] swapsTried = new long[k - 1];
        long[] swapsDone = new long[k - 1];
        ChainState s = density.evaluate(start);
        SampleCollector out = new SampleCollector((rounds / thin) * n, d);
        double accSum = 0;
        for (int t = 0; t < warmup + rounds; t++) {
            s = kernel.step(density, s, beta, eps, rng, acc);
            boolean sampling = t >= warmup;
            if (!sampling && kernel.adjusted()) {
                adapter.update(acc);
                eps = adapter.stepSizes();
            }
            if (sampling) {
                for (int c = 0; c < n; c++) {
                    accSum += acc[c];
                }
            }
            for (int r = t % 2; r + 1 < k; r += 2) {
                double db = betas[r] - betas[r + 1];
                for (int c = 0; c < n; c++) {
                    int i = r * n + c;
                    int j = (r + 1) * n + c;
                    double logAlpha = db * ((s.logTarget(j) - s.logReference(j)) - (s.logTarget(i) - s.logReference(i)));
                    if (sampling) {
                        swapsTried[r]++;
                    }
                    if (Math.log(rng.nextDouble()) < logAlpha) {
                        s.swapRows(i, j);
                        if (sampling) {
                            swapsDone[r]++;
                        }
                    }
                }
            }
            if (sampling && (t - warmup + 1) % thin == 0) {
                out.add(s.points(), 0, n);
            }
        }
        double[] rates = new double[k - 1];
        for (int r = 0; r < k - 1; r++) {
            rates[r] = swapsTried[r] == 0 ? 0 : swapsDone[r] / (double) swapsTried[r];
        }
        int[] cold = new int[n];
        for (int c = 0; c < n; c++) {
            cold[c] = c;
        }
        return new McmcResult(out.result(), s.select(cold), accSum / ((double) rounds * n),
                Arrays.copyOf(eps, n), rates, counter);
    }
}
