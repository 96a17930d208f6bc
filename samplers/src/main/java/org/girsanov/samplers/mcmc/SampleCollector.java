package org.girsanov.samplers.mcmc;

import org.ejml.data.DMatrixRMaj;

/** Stacks the points of chosen rows of chain states into one {@code m × d} matrix. */
final class SampleCollector {
    private final DMatrixRMaj out;
    private int next;

    SampleCollector(int capacity, int d) {
        this.out = new DMatrixRMaj(capacity, d);
    }

    /** Appends rows {@code [from, to)} of {@code x}. */
    void add(DMatrixRMaj x, int from, int to) {
        int d = x.numCols;
        System.arraycopy(x.data, from * d, out.data, next * d, (to - from) * d);
        next += to - from;
    }

    DMatrixRMaj result() {
        if (next == out.numRows) {
            return out;
        }
        DMatrixRMaj r = new DMatrixRMaj(next, out.numCols);
        System.arraycopy(out.data, 0, r.data, 0, next * out.numCols);
        return r;
    }
}
