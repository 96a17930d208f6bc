package org.girsanov.samplers.mcmc;

import org.ejml.data.DMatrixRMaj;

/**
 * The current points of a batch of chains ({@code n × d}) with their cached target and reference
 * log-densities and scores, so that each point is evaluated once. The log-density of row {@code i} under
 * the tempered density at inverse temperature β is {@code (1 − β) log p_ref(x_i) + β log ρ(x_i)}
 * ({@link TemperedDensity}).
 */
public final class ChainState {
    final DMatrixRMaj x;
    final double[] logTarget;
    final double[] logReference;
    final DMatrixRMaj scoreTarget;
    final DMatrixRMaj scoreReference;

    ChainState(DMatrixRMaj x, double[] logTarget, double[] logReference, DMatrixRMaj scoreTarget,
               DMatrixRMaj scoreReference) {
        this.x = x;
        this.logTarget = logTarget;
        this.logReference = logReference;
        this.scoreTarget = scoreTarget;
        this.scoreReference = scoreReference;
    }

    /** The points (read only). */
    public DMatrixRMaj points() {
        return x;
    }

    public int size() {
        return x.numRows;
    }

    /** {@code log ρ(x_i)}. */
    public double logTarget(int i) {
        return logTarget[i];
    }

    /** {@code log p_ref(x_i)} (0 without a reference). */
    public double logReference(int i) {
        return logReference[i];
    }

    /** {@code log π_β(x_i) = (1 − β) log p_ref(x_i) + β log ρ(x_i)}, unnormalised. */
    public double logDensity(int i, double beta) {
        return beta == 1.0 ? logTarget[i] : (1 - beta) * logReference[i] + beta * logTarget[i];
    }

    /** {@code ∇log π_{β_i}(x_i)} for every row. */
    public DMatrixRMaj score(double[] beta) {
        return TemperedDensity.combine(scoreTarget, scoreReference, beta);
    }

    /** Row {@code i} from {@code proposal} where {@code accept[i]}, else from this state. */
    ChainState merge(ChainState proposal, boolean[] accept) {
        int n = size();
        int d = x.numCols;
        DMatrixRMaj nx = x.copy();
        DMatrixRMaj st = scoreTarget.copy();
        DMatrixRMaj sr = scoreReference.copy();
        double[] lt = logTarget.clone();
        double[] lr = logReference.clone();
        for (int i = 0; i < n; i++) {
            if (accept[i]) {
                System.arraycopy(proposal.x.data, i * d, nx.data, i * d, d);
                System.arraycopy(proposal.scoreTarget.data, i * d, st.data, i * d, d);
                System.arraycopy(proposal.scoreReference.data, i * d, sr.data, i * d, d);
                lt[i] = proposal.logTarget[i];
                lr[i] = proposal.logReference[i];
            }
        }
        return new ChainState(nx, lt, lr, st, sr);
    }

    /** The rows {@code index[0], index[1], …} (for resampling). */
    public ChainState select(int[] index) {
        int d = x.numCols;
        DMatrixRMaj nx = new DMatrixRMaj(index.length, d);
        DMatrixRMaj st = new DMatrixRMaj(index.length, d);
        DMatrixRMaj sr = new DMatrixRMaj(index.length, d);
        double[] lt = new double[index.length];
        double[] lr = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            int i = index[k];
            System.arraycopy(x.data, i * d, nx.data, k * d, d);
            System.arraycopy(scoreTarget.data, i * d, st.data, k * d, d);
            System.arraycopy(scoreReference.data, i * d, sr.data, k * d, d);
            lt[k] = logTarget[i];
            lr[k] = logReference[i];
        }
        return new ChainState(nx, lt, lr, st, sr);
    }

    /** Exchanges rows {@code i} and {@code j} in place (replica swaps). */
    void swapRows(int i, int j) {
        int d = x.numCols;
        for (DMatrixRMaj m : new DMatrixRMaj[] {x, scoreTarget, scoreReference}) {
            for (int k = 0; k < d; k++) {
                double t = m.data[i * d + k];
                m.data[i * d + k] = m.data[j * d + k];
                m.data[j * d + k] = t;
            }
        }
        double t = logTarget[i];
        logTarget[i] = logTarget[j];
        logTarget[j] = t;
        t = logReference[i];
        logReference[i] = logReference[j];
        logReference[j] = t;
    }
}
