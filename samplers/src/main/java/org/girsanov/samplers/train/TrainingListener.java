package org.girsanov.samplers.train;

/** Receives progress of a training run. All methods have empty defaults. */
public interface TrainingListener {
    /** After every gradient step. */
    default void step(long iteration, long total, double loss, int excludedPaths) {
    }

    /** After a progress evaluation (ESS and log Z on fresh paths). */
    default void evaluated(long iteration, double ess, double logZLowerBound, double logZImportance) {
    }

    /** After a checkpoint was written. */
    default void checkpointed(long iteration, java.nio.file.Path file) {
    }

    /** A message worth showing (excluded paths, a stop request, …). */
    default void message(String text) {
    }
}
