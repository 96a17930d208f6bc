package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.metrics.DeltaStd;
import org.girsanov.samplers.metrics.LogWeights;
import org.girsanov.samplers.metrics.Mmd;
import org.girsanov.samplers.metrics.ModeCoverage;
import org.girsanov.samplers.metrics.Sinkhorn;
import org.girsanov.samplers.metrics.SinkhornResult;
import org.girsanov.samplers.targets.MixtureTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;

/**
 * Evaluates a trained sampler with every metric of docs/targets-and-metrics.md that the target allows:
 * <ul>
 *   <li>from {@code K} forward paths: {@code logZ_lb = mean log w}, {@code logZ_is = logsumexp log w − log K},
 *       {@code ess}, and with a known {@code log Z} the errors {@code delta_logZ_lb}, {@code delta_logZ_is};</li>
 *   <li>with an exact sampler: {@code eubo} (mean log w of backward paths started at exact samples),
 *       {@code delta_std} and {@code sinkhorn} (entropic OT at ε = 1e-3, run to convergence) against exact
 *       samples, on at most {@code sampleMetricK} points each, and {@code mmd} (Gaussian kernel, median
 *       heuristic); without one but with a {@link Target#reference() reference}, {@code delta_std} against
 *       its standard deviations;</li>
 *   <li>for mixtures: {@code mode_coverage}, the fraction of components holding at least 1% of their
 *       expected share of the K samples.</li>
 * </ul>
 * Random numbers come from their own streams (purposes 21–23), so evaluating never changes training.
 */
public final class Evaluator {
    static final long FORWARD_STREAM = 21;
    static final long EXACT_STREAM = 22;
    static final long BACKWARD_STREAM = 23;

    private final int paths;
    private final int sampleMetricK;
    private final boolean sinkhorn;
    private final int refinements;

    /**
     * @param paths         K forward paths
     * @param sampleMetricK points used by the sample metrics (Sinkhorn is O(K²) per iteration)
     * @param sinkhorn      whether to compute the Sinkhorn cost
     */
    public Evaluator(int paths, int sampleMetricK, boolean sinkhorn) {
        this(paths, sampleMetricK, sinkhorn, 0);
    }

    /**
     * As above, sampling on the training grid refined {@code refinements} times (every step halved each
     * time): a sampler trained on one grid, evaluated on a finer one.
     */
    public Evaluator(int paths, int sampleMetricK, boolean sinkhorn, int refinements) {
        if (refinements < 0 || refinements > 10) {
            throw new IllegalArgumentException("Evaluator: refinements = " + refinements + "; must be in [0, 10]");
        }
        this.refinements = refinements;
        if (paths < 2 || sampleMetricK < 2) {
            throw new IllegalArgumentException("Evaluator: paths = " + paths + ", sampleMetricK = " + sampleMetricK
                    + "; both must be >= 2");
        }
        this.paths = paths;
        this.sampleMetricK = sampleMetricK;
        this.sinkhorn = sinkhorn;
    }

    /** Evaluates the trainer's sampler with its EMA weights. */
    public Evaluation evaluate(Trainer trainer) {
        Sampler model = trainer.model();
        for (int r = 0; r < refinements; r++) {
            model = model.withGrid(model.grid().refine());
        }
        final Sampler evaluated = model;
        return trainer.withWeights(true, () -> evaluate(evaluated, trainer.target(), trainer.streams(),
                trainer.config().run().chunkSize(), trainer));
    }

    private Evaluation evaluate(Sampler model, Target target, RandomStreams streams, int chunkSize, Trainer trainer) {
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        PathBatch fwd = PathBatch.simulate(model, paths, Behaviour.onPolicy(), null, streams, 0, FORWARD_STREAM,
                chunkSize, trainer.executor());
        double[] lw = fwd.logWeights();
        double[] finite = Metrics.finite(lw);
        counts.put("paths", (long) paths);
        counts.put("eval_steps", (long) model.grid().steps());
        counts.put("nonfinite_paths", (long) (lw.length - finite.length));
        double lb = Metrics.logZLowerBound(lw);
        double is = Metrics.logZImportance(lw);
        m.put("logZ_lb", lb);
        m.put("logZ_is", is);
        m.put("ess", Metrics.ess(lw));
        if (target.logZ().isPresent()) {
            double z = target.logZ().getAsDouble();
            m.put("logZ_true", z);
            m.put("delta_logZ_lb", Math.abs(lb - z));
            m.put("delta_logZ_is", Math.abs(is - z));
        }
        if (target.hasExactSampler()) {
            int k = Math.min(sampleMetricK, paths);
            DMatrixRMaj exact = target.sample(Math.max(k, Math.min(paths, 4 * sampleMetricK)), streams.stream(0, 0, EXACT_STREAM));
            DMatrixRMaj modelK = firstRows(fwd.endPoints(), k);
            DMatrixRMaj exactK = firstRows(exact, k);
            m.put("delta_std", DeltaStd.compute(fwd.endPoints(), exact));
            DMatrixRMaj backStart = exactK;
            PathBatch back = PathBatch.simulate(model, k,
                    Behaviour.backwardFrom(backStart), backStart, streams, 0, BACKWARD_STREAM, chunkSize, trainer.executor());
            m.put("eubo", LogWeights.logZLowerBound(Metrics.finite(back.logWeights())));
            m.put("mmd", Mmd.unbiased(modelK, exactK));
            if (sinkhorn) {
                SinkhornResult s = Sinkhorn.cost(modelK, exactK);
                m.put("sinkhorn", s.cost());
                counts.put("sinkhorn_k", (long) k);
                counts.put("sinkhorn_iterations", (long) s.iterations());
                flags.put("sinkhorn_converged", s.converged());
            }
        } else if (target.reference().isPresent()) {
            m.put("delta_std", DeltaStd.compute(fwd.endPoints(), target.reference().get().std()));
        }
        if (target instanceof MixtureTarget mix) {
            ModeCoverage.Result r = ModeCoverage.compute(mix.means(), mix.weights(), fwd.endPoints());
            m.put("mode_coverage", r.fraction());
        }
        counts.put("target_evaluations", trainer.evaluations().total());
        return new Evaluation(m, counts, flags, fwd.endPoints(), lw);
    }

    static DMatrixRMaj firstRows(DMatrixRMaj m, int k) {
        DMatrixRMaj out = new DMatrixRMaj(k, m.numCols);
        System.arraycopy(m.data, 0, out.data, 0, k * m.numCols);
        return out;
    }
}
