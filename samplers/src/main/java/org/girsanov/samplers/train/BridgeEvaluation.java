package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.schrodinger.SchrodingerIpf;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;

/**
 * A learned Schrödinger bridge evaluated as a sampler of one of its ends, with the metrics of {@link Evaluator} under
 * the same keys. Of the end {@code ρ1} (paths of the forward process from {@code ρ0}) or of the start {@code ρ0}
 * (paths of the backward process from {@code ρ1}): with {@code log w} of {@link SchrodingerIpf#logWeights},
 * <pre>
 *   of ρ1:  log w_1 = log w + log Z0,     of ρ0:  log w_0 = −log w + log Z1,
 * </pre>
 * whose {@code logsumexp − log K} estimates {@code log Z} of the sampled end and whose mean is a lower bound
 * ({@code logZ_lb}, {@code logZ_is}, {@code ess}, and the errors when that {@code log Z} is known); the other end's
 * {@code log Z} must be known for these, otherwise only {@code ess} (which no constant changes) is reported.
 * {@code eubo}: the mean of the same weight on paths of the opposite process started at exact draws of the sampled end
 * (an upper bound). The sample metrics ({@code delta_std}, {@code mmd}, {@code sinkhorn}, {@code mode_coverage},
 * {@code mode_weight_error}) are of the paths' points at the sampled end.
 */
public final class BridgeEvaluation {
    private BridgeEvaluation() {
    }

    /**
     * @param ipf     the learned bridge; both its ends must have densities ({@code BridgeEnd.of} or {@code density})
     * @param paths   paths of the process towards the sampled end (states at {@code t_0, …, t_N})
     * @param ofStart whether the sampled end is {@code ρ0} (backward paths) rather than {@code ρ1} (forward paths)
     * @param sampled the sampled end's target; {@code other} the opposite end's
     */
    public static Evaluation evaluate(SchrodingerIpf ipf, List<DMatrixRMaj> paths, boolean ofStart, Target sampled,
                                      Target other, RandomStreams streams, int sampleMetricK, boolean sinkhorn) {
        int n = paths.size() - 1;
        DMatrixRMaj samples = paths.get(ofStart ? 0 : n);
        OptionalDouble otherLogZ = other.logZ();
        double[] lw = weights(ipf, paths, ofStart, otherLogZ);
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        counts.put("paths", (long) samples.numRows);
        counts.put("eval_steps", (long) n);
        counts.put("nonfinite_paths", (long) (lw.length - Metrics.finite(lw).length));
        Double eubo = null;
        if (otherLogZ.isPresent()) {
            Evaluator.weightMetrics(m, lw, sampled);
            if (sampled.hasExactSampler()) {
                int k = Math.min(sampleMetricK, samples.numRows);
                DMatrixRMaj exact = sampled.sample(k, streams.stream(0, 0, Evaluator.BACKWARD_STREAM));
                List<DMatrixRMaj> opposite = ofStart
                        ? ipf.simulateForwardFrom(exact, streams.stream(0, 1, Evaluator.BACKWARD_STREAM))
                        : ipf.simulateBackwardFrom(exact, streams.stream(0, 1, Evaluator.BACKWARD_STREAM));
                eubo = LogWeights.logZLowerBound(Metrics.finite(weights(ipf, opposite, ofStart, otherLogZ)));
            }
        } else {
            m.put("ess", Metrics.ess(lw));
        }
        Evaluator.sampleMetrics(m, counts, flags, samples, sampled, streams, sampleMetricK, sinkhorn, eubo);
        return new Evaluation(m, counts, flags, samples, lw);
    }

    /** {@code ±log w + log Z} of the other end (or {@code ±log w} when it is unknown), per path. */
    private static double[] weights(SchrodingerIpf ipf, List<DMatrixRMaj> paths, boolean ofStart, OptionalDouble otherLogZ) {
        double[] lw = ipf.logWeights(paths);
        double shift = otherLogZ.orElse(0.0);
        for (int i = 0; i < lw.length; i++) {
            lw[i] = (ofStart ? -lw[i] : lw[i]) + shift;
        }
        return lw;
    }
}
