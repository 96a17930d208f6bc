package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.marginal.RdmcResult;
import org.girsanov.samplers.marginal.ReverseDiffusionMonteCarlo;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * Runs and evaluates {@link SamplerKind#RDMC}, which learns nothing: {@code paths} particles of
 * {@link SamplerFactory#rdmc} in chunks of the config's chunk size, chunk {@code c} on the stream
 * {@code (seed; 0, c, }{@value #STREAM}{@code )}, so the result does not depend on the thread count. The metrics are
 * those of {@link Evaluator} with the same keys — {@code logZ_lb}, {@code logZ_is}, {@code ess} from the
 * extended-space importance weights of {@link ReverseDiffusionMonteCarlo}, the sample metrics of the particles —
 * except {@code eubo} (there is no backward process to start at target samples), plus the cost:
 * {@code target_evaluations} (log-densities and scores, the estimator's {@code K} per particle and step included) and
 * {@code score_draws}.
 */
public final class RdmcEvaluation {
    /** Random-stream purpose of the RDMC particles. */
    static final long STREAM = 47;

    private RdmcEvaluation() {
    }

    /** Runs {@code paths} particles of {@code c}'s RDMC on {@code target} and evaluates them. */
    public static Evaluation run(TrainingConfig c, Target target, int paths, int sampleMetricK, boolean sinkhorn) {
        ReverseDiffusionMonteCarlo rdmc = SamplerFactory.rdmc(c);
        RandomStreams streams = new RandomStreams(c.run().seed());
        int chunk = c.run().chunkSize();
        int chunks = (paths + chunk - 1) / chunk;
        List<RdmcResult> parts;
        try (ChunkedExecutor ex = new ChunkedExecutor(c.run().threads())) {
            parts = ex.map(chunks, k -> rdmc.run(target, Math.min(chunk, paths - k * chunk), streams.stream(0, k, STREAM)));
        }
        int d = target.dimension();
        DMatrixRMaj samples = new DMatrixRMaj(paths, d);
        double[] lw = new double[paths];
        long evaluations = 0;
        for (int k = 0; k < parts.size(); k++) {
            RdmcResult r = parts.get(k);
            System.arraycopy(r.logWeights(), 0, lw, k * chunk, r.logWeights().length);
            System.arraycopy(r.samples().data, 0, samples.data, k * chunk * d, r.logWeights().length * d);
            evaluations += r.targetEvaluations();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        counts.put("paths", (long) paths);
        counts.put("eval_steps", (long) rdmc.grid().steps());
        counts.put("nonfinite_paths", (long) (lw.length - Metrics.finite(lw).length));
        Evaluator.weightMetrics(m, lw, target);
        Evaluator.sampleMetrics(m, counts, flags, samples, target, streams, sampleMetricK, sinkhorn, null);
        counts.put("target_evaluations", evaluations);
        counts.put("score_draws", (long) c.marginal().scoreDraws());
        return new Evaluation(m, counts, flags, samples, lw);
    }
}
