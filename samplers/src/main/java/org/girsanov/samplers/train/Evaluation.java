package org.girsanov.samplers.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The metrics of a trained sampler under the names of docs/targets-and-metrics.md ({@code logZ_lb}, {@code logZ_is},
 * {@code logZ_true}, {@code ess}, {@code delta_std}, {@code sinkhorn}, {@code eubo}, {@code mmd},
 * {@code mode_coverage}, …), with the samples they were computed from. Absent metrics are not in the map.
 */
public record Evaluation(Map<String, Double> metrics, DMatrixRMaj samples, double[] logWeights) {

    public Evaluation {
        metrics = new LinkedHashMap<>(metrics);
    }

    public double get(String key) {
        Double v = metrics.get(key);
        if (v == null) {
            throw new IllegalArgumentException("metric '" + key + "' was not computed; have " + metrics.keySet());
        }
        return v;
    }

    public boolean has(String key) {
        return metrics.containsKey(key);
    }
}
