package org.girsanov.samplers.targets;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * The log-Gaussian Cox process on a grid (Møller, Syversveen &amp; Waagepetersen, Scand. J. Statist. 1998): a latent
 * field {@code x} on the {@code M × M} cells of the unit square with a Gaussian-process prior, and the number of points
 * in each cell Poisson with intensity {@code e^{x}} — the d = 1 600 benchmark ({@code M = 40}, the Finnish pines) of
 * Arbel et al. 2021, Vargas et al. 2023 (DDS) and Blessing et al. 2024. With {@code u_i} the integer (row, column) index
 * of cell {@code i}, {@code y_i} its count, {@code a = 1/M²} its area and {@code N} the number of points,
 * <pre>
 *   x ~ N(μ 1, K),   K_ij = σ² exp(−‖u_i − u_j‖ / (M β)),   σ² = 1.91,  β = 1/33,  μ = log N − σ²/2,
 *   log ρ(x) = −(d/2) log 2π − ½ log det K − ½ (x − μ)ᵀ K⁻¹ (x − μ) + Σ_i (x_i y_i − a e^{x_i}),
 *   ∇log ρ(x) = −K⁻¹ (x − μ) + y − a e^{x}.
 * </pre>
 * The Poisson likelihood is written without its {@code −Σ_i log y_i!}, as the reference implementations write it, so
 * that their {@code log Z} applies. The coordinates are the field itself (the reference implementation's default, not
 * its whitened option). {@code K⁻¹} is formed once from the Cholesky factor of {@code K}, so a density or score costs a
 * {@code d × d} product per point. No {@code log Z} is known in closed form; the published estimate for the pines at
 * {@code M = 40} is 512.6 (Vargas et al. 2023, a long SMC run), which this library has not recomputed.
 */
public final class CoxProcess implements Target {
    /** The prior's variance {@code σ²}. */
    public static final double SIGNAL_VARIANCE = 1.91;
    /** The prior's length scale {@code β}, in units of the square's side. */
    public static final double LENGTH_SCALE = 1.0 / 33;

    private final String name;
    private final int cells;
    private final double[] counts;
    private final double mean;
    private final double area;
    private final DMatrixRMaj precision;
    private final double logNormalizer;

    /**
     * The process for {@code points} ({@code n × 2}, in {@code [0, 1]²}) on {@code cellsPerSide²} cells.
     *
     * @throws IllegalArgumentException for no points, a point outside the square, or fewer than 2 cells a side
     */
    public CoxProcess(String name, double[][] points, int cellsPerSide) {
        if (cellsPerSide < 2 || cellsPerSide > 100) {
            throw new IllegalArgumentException("cox process: " + cellsPerSide + " cells a side; allowed: 2 to 100");
        }
        if (points.length == 0) {
            throw new IllegalArgumentException("cox process: no points");
        }
        this.name = name;
        this.cells = cellsPerSide;
        int d = cellsPerSide * cellsPerSide;
        this.counts = new double[d];
        for (double[] p : points) {
            if (p.length != 2 || !(p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1)) {
                throw new IllegalArgumentException("cox process: point " + java.util.Arrays.toString(p) + " is not in [0, 1]²");
            }
            counts[cell(p[0]) * cellsPerSide + cell(p[1])] += 1;
        }
        this.mean = Math.log(points.length) - 0.5 * SIGNAL_VARIANCE;
        this.area = 1.0 / d;
        DMatrixRMaj k = covariance(cellsPerSide);
        CholeskyDecompositionInner_DDRM factor = new CholeskyDecompositionInner_DDRM(true);
        LinearSolverChol_DDRM chol = new LinearSolverChol_DDRM(factor);
        if (!chol.setA(k)) {
            throw new IllegalStateException("cox process: the prior covariance is not positive definite");
        }
        DMatrixRMaj l = factor.getT(null);
        double halfLogDet = 0;
        for (int i = 0; i < d; i++) {
            halfLogDet += Math.log(l.get(i, i)); // ½ log det K = Σ log L_ii
        }
        this.logNormalizer = -0.5 * d * Math.log(2 * Math.PI) - halfLogDet;
        this.precision = new DMatrixRMaj(d, d);
        chol.invert(precision); // K⁻¹ from the factor
    }

    private int cell(double coordinate) {
        return Math.min((int) Math.floor(coordinate * cells), cells - 1); // a point on the upper edge: the last cell
    }

    /** The prior covariance {@code K} of {@code m × m} cells, row-major cell order. */
    static DMatrixRMaj covariance(int m) {
        int d = m * m;
        DMatrixRMaj k = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double dr = i / m - j / m;
                double dc = i % m - j % m;
                k.set(i, j, SIGNAL_VARIANCE * Math.exp(-Math.sqrt(dr * dr + dc * dc) / (m * LENGTH_SCALE)));
            }
        }
        return k;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return cells * cells;
    }

    /** The count {@code y_i} of each cell, row-major. */
    public double[] counts() {
        return counts.clone();
    }

    /** The prior mean {@code μ} of every cell. */
    public double priorMean() {
        return mean;
    }

    @Override
    public Var logDensity(Tape t, Var x) {
        Checks.columns("target " + name, x.cols(), dimension());
        Var centred = t.addScalar(x, -mean);
        Var quadratic = t.sumCols(t.mul(centred, t.matmul(centred, t.constant(precision))));
        Var rate = t.sub(t.mul(x, t.constant(new DMatrixRMaj(1, counts.length, true, counts))), t.scale(t.exp(x), area));
        return t.addScalar(t.sub(t.sumCols(rate), t.scale(quadratic, 0.5)), logNormalizer);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        Checks.columns("target " + name, x.numCols, dimension());
        DMatrixRMaj centred = x.copy();
        CommonOps_DDRM.add(centred, -mean);
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numCols);
        CommonOps_DDRM.mult(centred, precision, g); // K⁻¹ is symmetric
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = counts[i % counts.length] - area * Math.exp(x.data[i]) - g.data[i];
        }
        return g;
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }
}
