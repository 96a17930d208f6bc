package org.girsanov.autodiff.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Something that owns {@link Parameter}s: a layer, a network, a learned scalar.
 *
 * <p>Parameters are named by their owner's qualified name ("control.layer0.W"), and
 * {@link #namedParameters()} lists them in a stable order (construction order), so that optimisers,
 * parameter files and checkpoints can match them by name.
 */
public interface Module {
    /** Every parameter, keyed by its qualified name, in a stable order (a {@link java.util.LinkedHashMap}). */
    Map<String, Parameter> namedParameters();

    /** The parameters in the order of {@link #namedParameters()}. */
    default List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Sets the gradient buffer of every parameter to zero. */
    default void zeroGrad() {
        Parameter.zeroGrads(namedParameters().values());
    }

    /** The total number of scalar parameters. */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : namedParameters().values()) {
            n += p.size();
        }
        return n;
    }
}
