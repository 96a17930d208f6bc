package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * The posterior of a Bayesian generalised linear model (docs/targets-and-metrics.md, "Bayesian regression";
 * logistic regression is the benchmark of Blessing et al., "Beyond ELBOs", ICML 2024). Data {@code (a_i, y_i)},
 * {@code i = 1..N}, {@code a_i = (1, features_i)} with the intercept first; weights {@code w ∈ R^d},
 * {@code d = features + 1}; the prior {@code N(0, S² I)}, normalised, so {@code Z = p(y | A)} is the model
 * evidence; the per-example likelihood {@code ℓ(z; y)} of the {@link GlmFamily} (logistic, probit, Poisson):
 * <pre>
 *   log ρ(w)   = −|w|²/(2S²) − (d/2) log(2π S²) + Σ_i ℓ(a_iᵀw; y_i),
 *   ∇ log ρ(w)  = −w/S² + Aᵀ ℓ'(A w; y),
 *   ∇² log ρ(w) = −I/S² + Aᵀ diag(ℓ''(A w; y)) A.
 * </pre>
 * A batch {@code W} ({@code n × d}) is one matrix product {@code Z = W Aᵀ} ({@code n × N}).
 */
public final class GeneralizedLinearModel implements HessianTarget {
    private final String name;
    private final GlmFamily family;
    private final DMatrixRMaj design;
    /** Points per block of {@link #score}: an {@code N × BLOCK} block of predictors stays in a core's cache. */
    private static final int BLOCK = 64;
    /** {@code Aᵀ}, {@code d × N}: the right operand of the products in its row-major layout. */
    private final DMatrixRMaj designTransposed;
    private final double[] labels;
    private final DMatrixRMaj responseRow;
    private final double logBase;
    private final double priorScale;
    private final Optional<TargetReference> reference;

    /**
     * @param name       reported name
     * @param family     the likelihood
     * @param data       the examples (features as given: standardise first if wanted), responses of the family's kind
     * @param priorScale S, the prior standard deviation of every weight
     * @param reference  reference values, or {@code null} when unknown
     */
    public GeneralizedLinearModel(String name, GlmFamily family, RegressionData data, double priorScale,
                                  TargetReference reference) {
        this.name = name;
        this.family = family;
        Checks.positive("target " + name, "prior", priorScale);
        if (data.response() != family.response()) {
            throw new IllegalArgumentException("target " + name + ": " + family.specName() + " regression needs "
                    + family.response().name().toLowerCase(java.util.Locale.ROOT) + " responses; " + data.source()
                    + " was read as " + data.response().name().toLowerCase(java.util.Locale.ROOT));
        }
        this.design = data.designWithIntercept();
        this.designTransposed = CommonOps_DDRM.transpose(design, null);
        this.labels = data.labels();
        double[] row = new double[labels.length];
        double base = 0;
        for (int i = 0; i < labels.length; i++) {
            row[i] = family.tapeResponse(labels[i]);
            base += family.logBase(labels[i]);
        }
        this.responseRow = new DMatrixRMaj(1, labels.length, true, row);
        this.logBase = base;
        this.priorScale = priorScale;
        if (reference != null && reference.dimension() != design.numCols) {
            throw new IllegalArgumentException("target " + name + ": reference has dimension " + reference.dimension()
                    + " but the target " + design.numCols);
        }
        this.reference = Optional.ofNullable(reference);
    }

    /** Bayesian logistic regression on binary {@code data}. */
    public static GeneralizedLinearModel logistic(String name, RegressionData data, double priorScale,
                                                  TargetReference reference) {
        return new GeneralizedLinearModel(name, GlmFamily.LOGISTIC, data, priorScale, reference);
    }

    /** The likelihood family. */
    public GlmFamily family() {
        return family;
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

    /** The normalising constant of the prior, {@code −(d/2) log(2π S²)} (the data constant {@code Σ_i} of
     * {@link GlmFamily#logBase} is added beside it). */
    private double logPriorNormaliser() {
        return -0.5 * dimension() * Math.log(2 * Math.PI * priorScale * priorScale);
    }

    @Override
    public Var logDensity(Tape t, Var w) {
        Checks.columns("target " + name, w.cols(), dimension());
        Var z = t.matmul(w, t.constant(designTransposed));
        Var logLik = t.sumCols(family.logLikelihood(t, z, t.constant(responseRow)));
        Var logPrior = t.addScalar(t.scale(t.sumCols(t.square(w)), -0.5 / (priorScale * priorScale)),
                logPriorNormaliser() + logBase);
        return t.add(logLik, logPrior);
    }

    /**
     * {@code ∇ log ρ} in the transposed layout, the batch along the rows' width: {@code Zᵀ = A Wᵀ} ({@code N × n}),
     * {@code Rᵀ = ℓ'(Zᵀ; y)} row {@code k} with label {@code y_k}, {@code Gᵀ = Aᵀ Rᵀ} ({@code d × n}), then
     * {@code G − W/S²}. Both products then run their vectors along the {@code n} points of a batch chunk instead of the
     * {@code d} weights (31 for breast cancer: three vectors and a tail), and neither transposes the {@code N × d}
     * design per call; with {@link GlmFamily#dLogLikelihoodTransposed} in vectors, 2.8× faster on breast cancer
     * ({@code TargetScoreBenchmark}; BENCHMARKS.md, "The logistic score 2–4× faster"). The autodiff kernels, not EJML's.
     */
    @Override
    public DMatrixRMaj score(DMatrixRMaj w) {
        Checks.columns("target " + name, w.numCols, dimension());
        int d = dimension();
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, d);
        Tape t = Tape.noGrad();
        double inv = 1.0 / (priorScale * priorScale);
        for (int from = 0; from < w.numRows; from += BLOCK) {
            int n = Math.min(BLOCK, w.numRows - from);
            DMatrixRMaj wt = new DMatrixRMaj(d, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    wt.data[j * n + i] = w.data[(from + i) * d + j];
                }
            }
            DMatrixRMaj rt = t.matmul(t.constant(design), t.constant(wt)).value();
            family.dLogLikelihoodTransposed(rt.data, n, labels);
            DMatrixRMaj gt = t.matmul(t.constant(designTransposed), t.constant(rt)).value();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    int o = (from + i) * d + j;
                    g.data[o] = gt.data[j * n + i] - inv * w.data[o];
                }
            }
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
            double c = family.d2LogLikelihood(z, labels[k]);
            for (int a = 0; a < d; a++) {
                double ca = c * design.data[k * d + a];
                for (int b = 0; b <= a; b++) {
                    h[a][b] += ca * design.data[k * d + b];
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
