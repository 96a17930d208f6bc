package org.girsanov.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.girsanov.samplers.targets.TargetReference;

/**
 * The reference values of the shipped targets, read from the class-path resource {@code data/references.json}
 * (written by {@code girsanov reference --write}; the same numbers, with the commands and seeds that produced
 * them, in benchmarks/results/real-targets-reference.md). One object per target name with keys
 * {@code logZ}, {@code logZ_se}, {@code mean}, {@code std}, {@code source}; other keys (the estimators'
 * separate values, command, seed, commit) are kept for people and ignored here.
 */
public final class ShippedReferences {
    static final String RESOURCE = "data/references.json";

    private ShippedReferences() {
    }

    /** The reference of target {@code name}, if one is shipped. */
    public static Optional<TargetReference> lookup(String name) {
        InputStream in = ShippedReferences.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in " + RESOURCE + ": cannot read", e);
        }
        Object root = Json.parse(text);
        if (!(root instanceof Map<?, ?> all) || !(all.get(name) instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TargetReference(number(m, "logZ"), number(m, "logZ_se"), vector(m, "mean"),
                    vector(m, "std"), String.valueOf(m.get("source"))));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("built-in " + RESOURCE + ": entry " + name + " is malformed: " + e.getMessage(), e);
        }
    }

    private static double number(Map<?, ?> m, String key) {
        return (Double) m.get(key);
    }

    private static double[] vector(Map<?, ?> m, String key) {
        List<?> l = (List<?>) m.get(key);
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (Double) l.get(i);
        }
        return v;
    }
}
