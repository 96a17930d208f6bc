package org.girsanov.samplers.targets;

import java.util.concurrent.atomic.LongAdder;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A target that counts its evaluations, one per sample point: log-densities and scores separately, so
 * that learned samplers and baselines can be compared at equal budgets. Thread-safe (batch chunks run
 * in parallel).
 */
public final class CountingTarget extends ForwardingTarget {
    private final LongAdder densities = new LongAdder();
    private final LongAdder scores = new LongAdder();

    public CountingTarget(Target inner) {
        super(inner);
    }

    /** The counted target. */
    public Target inner() {
        return inner;
    }

    public long densityEvaluations() {
        return densities.sum();
    }

    public long scoreEvaluations() {
        return scores.sum();
    }

    /** Density plus score evaluations. */
    public long total() {
        return densityEvaluations() + scoreEvaluations();
    }

    /** Adds counts restored from a checkpoint. */
    public void add(long densityCount, long scoreCount) {
        densities.add(densityCount);
        scores.add(scoreCount);
    }

    @Override
    public Var logDensity(Tape tape, Var x) {
        densities.add(x.rows());
        return inner.logDensity(tape, x);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        scores.add(x.numRows);
        return inner.score(x);
    }

    @Override
    public DMatrixRMaj score(Tape scratch, DMatrixRMaj x) {
        scores.add(x.numRows);
        return inner.score(scratch, x);
    }
}
