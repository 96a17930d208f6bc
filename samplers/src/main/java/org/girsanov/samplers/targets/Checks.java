package org.girsanov.samplers.targets;

/** Argument checks shared by the targets, with messages that name the target. */
final class Checks {
    private Checks() {
    }

    /** Throws unless a batch has {@code d} columns. */
    static void columns(String target, int d, int cols) {
        if (cols != d) {
            throw new IllegalArgumentException("target " + target + ": input has " + cols
                    + " columns but the target has dimension " + d);
        }
    }

    static void positive(String target, String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("target " + target + ": " + what + " must be a positive finite number, got " + v);
        }
    }

    static void finite(String target, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("target " + target + ": " + what + " must be finite, got " + v);
        }
    }

    static void atLeast(String target, String what, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException("target " + target + ": " + what + " must be at least " + min + ", got " + v);
        }
    }
}
