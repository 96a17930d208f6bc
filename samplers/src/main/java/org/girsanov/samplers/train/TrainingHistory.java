package org.girsanov.samplers.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** Loss per iteration and periodic (ESS, log Z) evaluations, for plots and checkpoints. */
public final class TrainingHistory {
    private final List<double[]> losses = new ArrayList<>();
    private final List<double[]> evaluations = new ArrayList<>();

    void addLoss(long iteration, double loss) {
        losses.add(new double[] {iteration, loss});
    }

    void addEvaluation(long iteration, double ess, double logZLb, double logZIs) {
        evaluations.add(new double[] {iteration, ess, logZLb, logZIs});
    }

    /** Rows (iteration, loss). */
    public double[][] losses() {
        return losses.toArray(new double[0][]);
    }

    /** Rows (iteration, ess, logZ_lb, logZ_is). */
    public double[][] evaluations() {
        return evaluations.toArray(new double[0][]);
    }

    DMatrixRMaj lossMatrix() {
        return toMatrix(losses, 2);
    }

    DMatrixRMaj evaluationMatrix() {
        return toMatrix(evaluations, 4);
    }

    void restore(DMatrixRMaj l, DMatrixRMaj e) {
        losses.clear();
        evaluations.clear();
        fromMatrix(l, losses);
        fromMatrix(e, evaluations);
    }

    private static DMatrixRMaj toMatrix(List<double[]> rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(Math.max(1, rows.size()), cols);
        if (rows.isEmpty()) {
            java.util.Arrays.fill(m.data, Double.NaN);
        }
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, m.data, i * cols, cols);
        }
        return m;
    }

    private static void fromMatrix(DMatrixRMaj m, List<double[]> rows) {
        if (m == null) {
            return;
        }
        for (int i = 0; i < m.numRows; i++) {
            double[] r = new double[m.numCols];
            System.arraycopy(m.data, i * m.numCols, r, 0, m.numCols);
            if (!Double.isNaN(r[0])) {
                rows.add(r);
            }
        }
    }
}
