package org.girsanov.samplers.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The metrics of a trained sampler under the names of docs/targets-and-metrics.md, with the samples they were computed
 * from, each in its own type: real-valued estimates in {@link #metrics()} ({@code logZ_lb}, {@code logZ_is},
 * {@code logZ_true}, {@code ess}, {@code delta_std}, {@code sinkhorn}, {@code eubo}, {@code mmd}, {@code mode_coverage},
 * …), counts in {@link #counts()} ({@code paths}, {@code eval_steps}, {@code nonfinite_paths}, {@code sinkhorn_k},
 * {@code sinkhorn_iterations}, {@code target_evaluations}) and yes/no facts in {@link #flags()}
 * ({@code sinkhorn_converged}). Absent metrics are in none of the maps; a key is in at most one.
 */
public record Evaluation(Map<String, Double> metrics, Map<String, Long> counts, Map<String, Boolean> flags,
        DMatrixRMaj samples, double[] logWeights) {

    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        for (String k : counts.keySet()) {
            if (metrics.containsKey(k) || flags.containsKey(k)) {
                throw new IllegalArgumentException("Evaluation: key '" + k + "' is both a count and another metric");
            }
        }
        for (String k : flags.keySet()) {
            if (metrics.containsKey(k)) {
                throw new IllegalArgumentException("Evaluation: key '" + k + "' is both a flag and a metric");
            }
        }
    }

    /** The real-valued metric {@code key}. */
    public double get(String key) {
        Double v = metrics.get(key);
        if (v == null) {
            throw new IllegalArgumentException("metric '" + key + "' was not computed"
                    + (counts.containsKey(key) ? " as a real number; it is a count: count(\"" + key + "\")"
                            : flags.containsKey(key) ? " as a real number; it is a flag: flag(\"" + key + "\")"
                                    : "; have " + metrics.keySet()));
        }
        return v;
    }

    /** The count {@code key} (paths, steps, iterations, evaluations). */
    public long count(String key) {
        Long v = counts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("count '" + key + "' was not computed; have " + counts.keySet());
        }
        return v;
    }

    /** The yes/no fact {@code key} ({@code sinkhorn_converged}). */
    public boolean flag(String key) {
        Boolean v = flags.get(key);
        if (v == null) {
            throw new IllegalArgumentException("flag '" + key + "' was not computed; have " + flags.keySet());
        }
        return v;
    }

    /** Whether {@code key} was computed, as a metric, a count or a flag. */
    public boolean has(String key) {
        return metrics.containsKey(key) || counts.containsKey(key) || flags.containsKey(key);
    }

    /**
     * Every entry for a report: the counts of the evaluation's setting ({@code paths}, {@code eval_steps},
     * {@code nonfinite_paths}) first, then the metrics, the flags and the remaining counts — values as {@link Double},
     * {@link Long} and {@link Boolean}, so a JSON writer keeps integers integers and flags booleans.
     */
    public Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String k : SETTING) {
            if (counts.containsKey(k)) {
                all.put(k, counts.get(k));
            }
        }
        all.putAll(metrics);
        all.putAll(flags);
        counts.forEach(all::putIfAbsent);
        return Collections.unmodifiableMap(all);
    }

    private static final java.util.List<String> SETTING = java.util.List.of("paths", "eval_steps", "nonfinite_paths");
}
