package org.girsanov.samplers.targets;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Exp;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * A normalised Gaussian mixture (docs/targets-and-metrics.md, grid GMM and GMM-40):
 * <pre>
 *   log ρ(x) = logsumexp_k [ log w_k + log N(x; μ_k, Σ_k) ],          log Z = 0,
 *   ∇log ρ(x) = Σ_k r_k(x) (−Σ_k⁻¹ (x − μ_k)),   r_k(x) = softmax_k(log w_k + log N(x; μ_k, Σ_k)),
 * </pre>
 * sampled exactly by drawing a component {@code k ~ w} and then {@code μ_k + L_k ξ}. On the tape the
 * log-density is the columnwise {@code logSumExp} of the {@code n × K} matrix of component terms.
 * Weights are normalised on construction.
 */
public final class GaussianMixture implements MixtureTarget {
    private final String name;
    private final GaussianComponent[] comps;
    private final double[] weights;
    private final double[] logWeights;
    private final int d;

    /**
     * @param means       {@code K} means of equal length d
     * @param covariances {@code K} covariance matrices ({@code d × d}, symmetric positive definite)
     * @param weights     {@code K} positive weights (normalised here), or {@code null} for equal weights
     */
    public GaussianMixture(String name, double[][] means, DMatrixRMaj[] covariances, double[] weights) {
        this.name = name;
        if (means.length == 0) {
            throw new IllegalArgumentException("target " + name + ": a mixture needs at least one component");
        }
        if (covariances.length != means.length) {
            throw new IllegalArgumentException("target " + name + ": " + means.length + " means but "
                    + covariances.length + " covariances");
        }
        int k = means.length;
        this.d = means[0].length;
        this.comps = new GaussianComponent[k];
        for (int c = 0; c < k; c++) {
            if (means[c].length != d) {
                throw new IllegalArgumentException("target " + name + ": mean " + c + " has dimension "
                        + means[c].length + ", mean 0 has " + d);
            }
            comps[c] = new GaussianComponent("target " + name + " component " + c, means[c].clone(), covariances[c]);
        }
        double[] w = weights == null ? filled(k, 1.0) : weights.clone();
        if (w.length != k) {
            throw new IllegalArgumentException("target " + name + ": " + k + " components but " + w.length + " weights");
        }
        double total = 0;
        for (double v : w) {
            Checks.positive("target " + name, "every weight", v);
            total += v;
        }
        this.weights = new double[k];
        this.logWeights = new double[k];
        for (int c = 0; c < k; c++) {
            this.weights[c] = w[c] / total;
            this.logWeights[c] = Math.log(this.weights[c]);
        }
    }

    /** A mixture with diagonal covariances {@code diag(variances[k])}. */
    public static GaussianMixture diagonal(String name, double[][] means, double[][] variances, double[] weights) {
        if (variances.length != means.length) {
            throw new IllegalArgumentException("target " + name + ": " + means.length + " means but "
                    + variances.length + " variance vectors");
        }
        DMatrixRMaj[] covs = new DMatrixRMaj[means.length];
        for (int c = 0; c < means.length; c++) {
            for (double v : variances[c]) {
                Checks.positive("target " + name, "every variance", v);
            }
            covs[c] = CommonOps_DDRM.diag(variances[c]);
        }
        return new GaussianMixture(name, means, covs, weights);
    }

    /** A mixture whose components all have covariance {@code variance · I}. */
    public static GaussianMixture isotropic(String name, double[][] means, double variance, double[] weights) {
        Checks.positive("target " + name, "variance", variance);
        double[][] vars = new double[means.length][];
        for (int c = 0; c < means.length; c++) {
            vars[c] = filled(means[c].length, variance);
        }
        return diagonal(name, means, vars, weights);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public DMatrixRMaj means() {
        DMatrixRMaj m = new DMatrixRMaj(comps.length, d);
        for (int c = 0; c < comps.length; c++) {
            System.arraycopy(comps[c].mean(), 0, m.data, c * d, d);
        }
        return m;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Covariance of component {@code k} (a copy). */
    public DMatrixRMaj covariance(int k) {
        return comps[k].covariance();
    }

    @Override
    public Var logDensity(Tape tape, Var x) {
        Checks.columns("target " + name, x.cols(), d);
        Var[] terms = new Var[comps.length];
        for (int c = 0; c < comps.length; c++) {
            terms[c] = tape.addScalar(comps[c].logDensity(tape, x), logWeights[c]);
        }
        return terms.length == 1 ? terms[0] : tape.logSumExp(tape.concat(terms));
    }

    /**
     * {@code ∇ log ρ(x) = Σ_c r_c(x) (−Σ_c⁻¹(x − μ_c))}, {@code r_c = w_c N_c(x) / Σ_c' w_c' N_c'(x)} computed from
     * {@code exp(log w_c N_c − max_c')}. Component by component over all points, coordinate-major, the {@code exp}s
     * in one vectorised pass ({@link Exp#inPlace}): a tenth of the gmm9 training step was this score, per point and
     * component.
     */
    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        return score(null, x);
    }

    /** As {@link #score(DMatrixRMaj)}, its {@code (K + 2d + 3) n} doubles of scratch lent by {@code scratch} (if not null). */
    @Override
    public DMatrixRMaj score(Tape scratch, DMatrixRMaj x) {
        Checks.columns("target " + name, x.numCols, d);
        int k = comps.length;
        int n = x.numRows;
        double[] xt = lend(scratch, d * n); // coordinate-major copy: every inner loop below runs over the points
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xt[j * n + i] = x.data[i * d + j];
            }
        }
        double[] a = lend(scratch, n);
        double[] b = lend(scratch, n);
        double[] e = lend(scratch, k * n); // component-major: log w_c N_c(x_i), then its exp shifted by the point's max
        for (int c = 0; c < k; c++) {
            comps[c].logDensities(xt, n, logWeights[c], e, c * n, a, b);
        }
        double[] max = lend(scratch, n);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                max[i] = Math.max(max[i], e[c * n + i]);
            }
        }
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                e[c * n + i] -= max[i];
            }
        }
        Exp.inPlace(e, 0, e.length);
        double[] z = max; // the maxima are spent: the same storage sums the shifted exps
        Arrays.fill(z, 0.0);
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                z[i] += e[c * n + i];
            }
        }
        double[] outT = lend(scratch, d * n);
        Arrays.fill(outT, 0.0);
        for (int c = 0; c < k; c++) {
            comps[c].addWeightedScores(xt, n, e, c * n, z, outT, a, b);
        }
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out.data[i * d + j] = outT[j * n + i];
            }
        }
        return out;
    }

    private static double[] lend(Tape scratch, int length) {
        return scratch == null ? new double[length] : scratch.lend(length);
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return OptionalDouble.of(0.0);
    }

    /**
     * {@code std_j² = Σ_c w_c (Σ_c,jj + μ_cj²) − (Σ_c w_c μ_cj)²}, the variance of a mixture (law of total variance).
     */
    @Override
    public Optional<double[]> marginalStd() {
        double[] mean = new double[d];
        double[] second = new double[d];
        for (int c = 0; c < comps.length; c++) {
            double[] mu = comps[c].mean();
            DMatrixRMaj cov = comps[c].covariance();
            for (int j = 0; j < d; j++) {
                mean[j] += weights[c] * mu[j];
                second[j] += weights[c] * (cov.get(j, j) + mu[j] * mu[j]);
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(Math.max(0.0, second[j] - mean[j] * mean[j]));
        }
        return Optional.of(std);
    }

    @Override
    public boolean hasExactSampler() {
        return true;
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] scratch = new double[d];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int c = 0;
            double acc = weights[0];
            while (u >= acc && c < weights.length - 1) {
                c++;
                acc += weights[c];
            }
            comps[c].sampleInto(out, i, gauss, scratch);
        }
        return out;
    }
}
