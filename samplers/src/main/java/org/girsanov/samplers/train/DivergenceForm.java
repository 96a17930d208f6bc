package org.girsanov.samplers.train;

/**
 * The form of the bridge's log-weight in a {@link TrainingConfig}: {@code none} (the Euler–Maruyama kernel ratio),
 * {@code exact} or {@code hutchinson[:m]} (the controlled Girsanov form with the divergence {@code ∇·v} exact or by
 * Hutchinson with {@code m} Rademacher probes, default 1; docs/math.md §5). {@link #parse(String)} reads the spec,
 * {@code toString()} gives it back.
 */
public sealed interface DivergenceForm {
    /** The kernel-ratio log-weight, no divergence. */
    DivergenceForm NONE = new None();
    /** The controlled form with the exact divergence. */
    DivergenceForm EXACT = new Exact();

    /** The allowed specs, for messages. */
    String ALLOWED = "none, exact, hutchinson, hutchinson:m (m >= 1 probes)";

    /** The number of Hutchinson probes: 0 for {@link #NONE} and {@link #EXACT}. */
    default int probes() {
        return 0;
    }

    /** The controlled form with the divergence by Hutchinson with {@code m ≥ 1} Rademacher probes. */
    static DivergenceForm hutchinson(int m) {
        return new Hutchinson(m);
    }

    /**
     * The form a spec names: {@code none}, {@code exact}, {@code hutchinson} (one probe) or {@code hutchinson:m}.
     *
     * @throws IllegalArgumentException naming the allowed values otherwise
     */
    static DivergenceForm parse(String spec) {
        if (NONE.toString().equals(spec)) {
            return NONE;
        }
        if (EXACT.toString().equals(spec)) {
            return EXACT;
        }
        if (Hutchinson.NAME.equals(spec)) {
            return new Hutchinson(1);
        }
        if (spec != null && spec.startsWith(Hutchinson.NAME + ":")) {
            try {
                int m = Integer.parseInt(spec.substring(Hutchinson.NAME.length() + 1));
                if (m >= 1) {
                    return new Hutchinson(m);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("divergence = '" + spec + "'; allowed: " + ALLOWED);
    }

    /** The kernel-ratio log-weight. */
    record None() implements DivergenceForm {
        @Override
        public String toString() {
            return "none";
        }
    }

    /** The controlled form with the exact divergence. */
    record Exact() implements DivergenceForm {
        @Override
        public String toString() {
            return "exact";
        }
    }

    /** The controlled form with the divergence by Hutchinson with {@code probes ≥ 1} Rademacher probes. */
    record Hutchinson(int probes) implements DivergenceForm {
        static final String NAME = "hutchinson";

        public Hutchinson {
            if (probes < 1) {
                throw new IllegalArgumentException("divergence = '" + NAME + ":" + probes + "'; allowed: " + ALLOWED);
            }
        }

        /** {@code hutchinson} for one probe, {@code hutchinson:m} otherwise. */
        @Override
        public String toString() {
            return probes == 1 ? NAME : NAME + ":" + probes;
        }
    }
}
