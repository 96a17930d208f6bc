package org.girsanov.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.targets.GaussianMixture;

/**
 * A Gaussian mixture from a JSON file:
 * <pre>
 *   { "name": "mine",                       (optional)
 *     "means": [[0, 0], [3, 1]],
 *     "covariances": [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]]      (full), or
 *     "variances": [0.5, [1, 2]]              (per component: a number for σ² I, or a diagonal),
 *     "weights": [0.3, 0.7] }                  (optional; normalised; default equal)
 * </pre>
 */
public final class MixtureFile {
    private MixtureFile() {
    }

    /** Reads the mixture in {@code file}. */
    public static GaussianMixture read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("gmm file " + file + ": cannot read", e);
        }
        try {
            return parse(text, file.getFileName().toString());
        } catch (IllegalArgumentException | ClassCastException e) { // Json.JsonException is one: it names line and column
            throw new IllegalArgumentException("gmm file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON text of a mixture; {@code defaultName} is used when the text has no "name". */
    public static GaussianMixture parse(String json, String defaultName) {
        Object root = Json.parse(json);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object with \"means\" and \"covariances\" or \"variances\"");
        }
        Map<?, ?> m = (Map<?, ?>) root;
        for (Object k : m.keySet()) {
            if (!List.of("name", "means", "covariances", "variances", "weights").contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + k + "\"; valid keys: name, means, covariances, variances, weights");
            }
        }
        String name = m.get("name") instanceof String ? (String) m.get("name") : defaultName;
        if (!m.containsKey("means")) {
            throw new IllegalArgumentException("missing \"means\"");
        }
        double[][] means = matrix(m.get("means"), "means");
        double[] weights = m.containsKey("weights") ? vector(m.get("weights"), "weights") : null;
        boolean hasCov = m.containsKey("covariances");
        boolean hasVar = m.containsKey("variances");
        if (hasCov == hasVar) {
            throw new IllegalArgumentException("give exactly one of \"covariances\" and \"variances\"");
        }
        if (hasCov) {
            List<?> covs = list(m.get("covariances"), "covariances");
            DMatrixRMaj[] c = new DMatrixRMaj[covs.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = new DMatrixRMaj(matrix(covs.get(k), "covariances[" + k + "]"));
            }
            return new GaussianMixture(name, means, c, weights);
        }
        List<?> vars = list(m.get("variances"), "variances");
        double[][] v = new double[vars.size()][];
        for (int k = 0; k < v.length; k++) {
            Object e = vars.get(k);
            if (e instanceof Double) {
                if (k >= means.length) {
                    throw new IllegalArgumentException(means.length + " means but " + vars.size() + " variances");
                }
                v[k] = new double[means[k].length];
                java.util.Arrays.fill(v[k], (Double) e);
            } else {
                v[k] = vector(e, "variances[" + k + "]");
            }
        }
        return GaussianMixture.diagonal(name, means, v, weights);
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("\"" + what + "\" must be an array");
        }
        return (List<?>) o;
    }

    private static double[] vector(Object o, String what) {
        List<?> l = list(o, what);
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(l.get(i) instanceof Double)) {
                throw new IllegalArgumentException("\"" + what + "\"[" + i + "] must be a number");
            }
            v[i] = (Double) l.get(i);
        }
        return v;
    }

    private static double[][] matrix(Object o, String what) {
        List<?> l = list(o, what);
        double[][] a = new double[l.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = vector(l.get(i), what + "[" + i + "]");
        }
        return a;
    }
}
