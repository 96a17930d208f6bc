package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
import org.girsanov.samplers.targets.TargetReference;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;

/**
 * Evaluates a trained sampler with every metric of docs/targets-and-metrics.md that the target allows:
 * <ul>
 *   <li>from {@code K} forward paths: {@code logZ_lb = mean log w}, {@code logZ_is = logsumexp log w − log K},
 *       {@code ess}, and with a known {@code log Z} the errors {@code delta_logZ_lb}, {@code delta_logZ_is};</li>
 *   <li>with an exact sampler: {@code eubo} (mean log w of backward paths started at exact samples),
 *       {@code sinkhorn} (entropic OT at ε = 1e-3, run to convergence) against exact samples, on at most
 *       {@code sampleMetricK} points each, and {@code mmd} (Gaussian kernel, median heuristic);</li>
 *   <li>{@code delta_std} of all K samples against the target's true standard deviations
 *       ({@link Target#marginalStd()}: closed forms, quadrature), else its {@link Target#reference() reference}'s,
 *       else those of the exact samples;</li>
 *   <li>for mixtures: {@code mode_coverage}, the fraction of components holding at least 1% of their
 *       expected share of the K samples, and {@code mode_weight_error}, {@code Σ_c |ŵ_c − w_c|} with {@code ŵ_c} the
 *       share of the (unweighted) samples nearest component {@code c}.</li>
 * </ul>
 * Random numbers come from their own streams (purposes 21–23), so evaluating never changes training.
 */
public final class Evaluator {
    static final long FORWARD_STREAM = 21;
    static final long EXACT_STREAM = 22;
    static final long BACKWARD_STREAM = 23;
    /** The momenta of a phase-space sampler's backward starts ({@link Sampler#lift}). */
    static final long LIFT_STREAM = 24;

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
        weightMetrics(m, lw, target);
        Double eubo = null;
        if (target.hasExactSampler()) {
            int k = Math.min(sampleMetricK, paths);
            DMatrixRMaj backStart = model.lift(firstRows(exactSamples(target, streams, k, paths, sampleMetricK), k),
                    streams.stream(0, 0, LIFT_STREAM));
            PathBatch back = PathBatch.simulate(model, k,
                    Behaviour.backwardFrom(backStart), backStart, streams, 0, BACKWARD_STREAM, chunkSize, trainer.executor());
            eubo = LogWeights.logZLowerBound(Metrics.finite(back.logWeights()));
        }
        sampleMetrics(m, counts, flags, fwd.endPoints(), target, streams, sampleMetricK, sinkhorn, eubo);
        counts.put("target_evaluations", trainer.evaluations().total());
        return new Evaluation(m, counts, flags, fwd.endPoints(), lw);
    }

    /** {@code logZ_lb}, {@code logZ_is}, {@code ess} of the log-weights, and their errors when {@code log Z} is known. */
    static void weightMetrics(Map<String, Double> m, double[] lw, Target target) {
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
    }

    /** The exact samples the sample metrics compare with (stream {@value #EXACT_STREAM}). */
    private static DMatrixRMaj exactSamples(Target target, RandomStreams streams, int k, int paths, int sampleMetricK) {
        return target.sample(Math.max(k, Math.min(paths, 4 * sampleMetricK)), streams.stream(0, 0, EXACT_STREAM));
    }

    /**
     * The metrics of unweighted samples: {@code delta_std}, {@code mmd} and {@code sinkhorn} against exact samples
     * (or {@code delta_std} against a reference's standard deviations), and {@code mode_coverage} for mixtures;
     * {@code eubo}, when not null, goes after {@code delta_std} (the key order of every earlier metrics.json).
     */
    static void sampleMetrics(Map<String, Double> m, Map<String, Long> counts, Map<String, Boolean> flags,
                              DMatrixRMaj samples, Target target, RandomStreams streams,
                              int sampleMetricK, boolean sinkhorn, Double eubo) {
        int paths = samples.numRows;
        if (target.hasExactSampler()) {
            int k = Math.min(sampleMetricK, paths);
            DMatrixRMaj exact = exactSamples(target, streams, k, paths, sampleMetricK);
            DMatrixRMaj modelK = firstRows(samples, k);
            DMatrixRMaj exactK = firstRows(exact, k);
            m.put("delta_std", deltaStd(samples, target, exact));
            if (eubo != null) {
                m.put("eubo", eubo);
            }
            m.put("mmd", Mmd.unbiased(modelK, exactK));
            if (sinkhorn) {
                SinkhornResult s = Sinkhorn.cost(modelK, exactK);
                m.put("sinkhorn", s.cost());
                counts.put("sinkhorn_k", (long) k);
                counts.put("sinkhorn_iterations", (long) s.iterations());
                flags.put("sinkhorn_converged", s.converged());
            }
        } else if (target.marginalStd().isPresent() || target.reference().isPresent()) {
            m.put("delta_std", deltaStd(samples, target, null));
        }
        if (target instanceof MixtureTarget mix) {
            ModeCoverage.Result r = ModeCoverage.compute(mix.means(), mix.weights(), samples);
            m.put("mode_coverage", r.fraction());
            m.put("mode_weight_error", r.weightError(mix.weights()));
        }
    }

    /**
     * {@code Δstd} of the samples against the target's true standard deviations ({@link Target#marginalStd()}) when
     * known, else against its reference's, else against those of the exact samples {@code exact}.
     *
     * @param exact the samples to fall back on; may be null when the target has true or reference standard deviations
     */
    public static double deltaStd(DMatrixRMaj samples, Target target, DMatrixRMaj exact) {
        Optional<double[]> std = target.marginalStd().or(() -> target.reference().map(TargetReference::std));
        return std.isPresent() ? DeltaStd.compute(samples, std.get()) : DeltaStd.compute(samples, exact);
    }

    static DMatrixRMaj firstRows(DMatrixRMaj m, int k) {
        DMatrixRMaj out = new DMatrixRMaj(k, m.numCols);
        System.arraycopy(m.data, 0, out.data, 0, k * m.numCols);
        return out;
    }
}
