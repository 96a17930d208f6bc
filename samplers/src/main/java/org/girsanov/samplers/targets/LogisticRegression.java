package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * The posterior of Bayesian logistic regression (docs/targets-and-metrics.md, "Bayesian logistic regression";
 * the benchmark of Blessing et al., "Beyond ELBOs", ICML 2024). Data {@code (a_i, y_i)}, {@code i = 1..N},
 * {@code a_i = (1, features_i)} with the intercept first, {@code y_i ∈ {0, 1}}; weights {@code w ∈ R^d},
 * {@code d = features + 1}; the prior {@code N(0, S² I)}, normalised, so {@code Z = p(y | A)} is the model evidence:
 * <pre>
 *   log ρ(w) = −|w|²/(2S²) − (d/2) log(2π S²) + Σ_i [ y_i log σ(a_iᵀw) + (1 − y_i) log σ(−a_iᵀw) ]
 *            = −|w|²/(2S²) − (d/2) log(2π S²) + Σ_i [ y_i z_i − softplus(z_i) ],       z = A w,
 *   ∇ log ρ(w)  = −w/S² + Aᵀ (y − σ(A w)),
 *   ∇² log ρ(w) = −I/S² − Aᵀ diag(σ(z_i)(1 − σ(z_i))) A,
 * </pre>
 * using {@code log σ(z) = z − softplus(z)}, {@code log σ(−z) = −softplus(z)} and the stable
 * {@code softplus(z) = max(z, 0) + log1p(e^{−|z|})}. A batch {@code W} ({@code n × d}) is one matrix product
 * {@code Z = W Aᵀ} ({@code n × N}).
 */
public final class LogisticRegression implements HessianTarget {
    private final String name;
    private final DMatrixRMaj design;
    private final double[] labels;
    private final DMatrixRMaj labelRow;
    private final double priorScale;
    private final Optional<TargetReference> reference;

    /**
     * @param name       reported name
     * @param data       the examples (features as given: standardise first if wanted)
     * @param priorScale S, the prior standard deviation of every weight
     * @param reference  reference values, or {@code null} when unknown
     */
    public LogisticRegression(String name, ClassificationData data, double priorScale, TargetReference reference) {
        this.name = name;
        Checks.positive("target " + name, "prior", priorScale);
        this.design = data.designWithIntercept();
        this.labels = data.labels();
        this.labelRow = new DMatrixRMaj(1, labels.length, true, labels);
        this.priorScale = priorScale;
        if (reference != null && reference.dimension() != design.numCols) {
            throw new IllegalArgumentException("target " + name + ": reference has dimension " + reference.dimension()
                    + " but the target " + design.numCols);
        }
        this.reference = Optional.ofNullable(reference);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return design.numCols;
    }

    /** The number of examples N. */
    public int examples() {
        return labels.length;
    }

    /** The prior standard deviation S. */
    public double priorScale() {
        return priorScale;
    }

    /** The normalising constant of the prior, {@code −(d/2) log(2π S²)}. */
    private double logPriorNormaliser() {
        return -0.5 * dimension() * Math.log(2 * Math.PI * priorScale * priorScale);
    }

    @Override
    public Var logDensity(Tape t, Var w) {
        Checks.columns("target " + name, w.cols(), dimension());
        Var z = t.matmulNT(w, t.constant(design));
        Var logLik = t.sumCols(t.sub(t.mul(z, t.constant(labelRow)), t.softplus(z)));
        Var logPrior = t.addScalar(t.scale(t.sumCols(t.square(w)), -0.5 / (priorScale * priorScale)), logPriorNormaliser());
        return t.add(logLik, logPrior);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj w) {
        Checks.columns("target " + name, w.numCols, dimension());
        DMatrixRMaj r = new DMatrixRMaj(w.numRows, labels.length);
        CommonOps_DDRM.multTransB(w, design, r);
        int nData = labels.length;
        for (int i = 0; i < w.numRows; i++) {
            for (int k = 0; k < nData; k++) {
                int o = i * nData + k;
                r.data[o] = labels[k] - sigmoid(r.data[o]);
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, dimension());
        CommonOps_DDRM.mult(r, design, g);
        double inv = 1.0 / (priorScale * priorScale);
        for (int k = 0; k < g.getNumElements(); k++) {
            g.data[k] -= inv * w.data[k];
        }
        return g;
    }

    @Override
    public double[][] hessian(double[] w) {
        int d = dimension();
        if (w.length != d) {
            throw new IllegalArgumentException("target " + name + ": point has length " + w.length + "; must be " + d);
        }
        double[][] h = new double[d][d];
        for (int k = 0; k < labels.length; k++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += design.data[k * d + j] * w[j];
            }
            double s = sigmoid(z);
            double c = s * (1 - s);
            for (int a = 0; a < d; a++) {
                double ca = c * design.data[k * d + a];
                for (int b = 0; b <= a; b++) {
                    h[a][b] -= ca * design.data[k * d + b];
                }
            }
        }
        double inv = 1.0 / (priorScale * priorScale);
        for (int a = 0; a < d; a++) {
            h[a][a] -= inv;
            for (int b = 0; b < a; b++) {
                h[b][a] = h[a][b];
            }
        }
        return h;
    }

    /** {@code σ(z) = 1/(1 + e^{−z})}, without overflow for either sign. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return reference.isPresent() ? OptionalDouble.of(reference.get().logZ()) : OptionalDouble.empty();
    }

    @Override
    public Optional<TargetReference> reference() {
        return reference;
    }
}
