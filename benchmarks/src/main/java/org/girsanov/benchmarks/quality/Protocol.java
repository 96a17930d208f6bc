package org.girsanov.benchmarks.quality;


/**
 * The published targets' names in the quality suite and their specs. The protocol itself is
 * {@link org.girsanov.samplers.train.Presets#cpu}, blind to the target's name.
 */
public final class Protocol {
    private Protocol() {
    }

    /** Target spec of a published target name. */
    public static String targetSpec(String target) {
        switch (target) {
            case "funnel10":
                return "funnel:d=10";
            case "mw5":
                return "manywell:d=5,w=5,delta=4";
            case "mw50":
                return "manywell:d=50,w=5,delta=2";
            default:
                return target;
        }
    }
}
