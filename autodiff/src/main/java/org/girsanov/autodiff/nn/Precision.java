package org.girsanov.autodiff.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The arithmetic of a network's hidden layers: {@link #FLOAT64} (every op in double, every order of derivative exact)
 * or {@link #FLOAT32} (the hidden GELU layers as one single-precision op, {@code Tape.geluStack32}: twice the vector
 * lanes, a relative error of float's ≈ 10⁻⁶ in the network, first derivatives only). Whatever the network's precision,
 * the log-weights, losses, gradient sums and the optimiser are double.
 */
public enum Precision {
    FLOAT64,
    FLOAT32;

    /** The name as written in configs and flags: {@code float64}, {@code float32}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision named {@code s} (any case), or an error naming the allowed values. */
    public static Precision parse(String argument, String s) {
        for (Precision p : values()) {
            if (p.toString().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException(argument + " = '" + s + "'; allowed: "
                + Arrays.stream(values()).map(Precision::toString).collect(Collectors.joining(", ")));
    }
}
