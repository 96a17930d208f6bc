package org.girsanov.samplers.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.Checks;

/**
 * Maximum-likelihood fit of a {@code K}-component Gaussian mixture with full covariances by the EM algorithm
 * (Dempster, Laird &amp; Rubin 1977), the reference of LRDS (Noble et al. 2024) fitted to MCMC samples. With
 * responsibilities {@code r_ik = softmax_k(log w_k + log N(x_i; μ_k, Σ_k))} (E-step), the M-step is
 * <pre>
 *   N_k = Σ_i r_ik,   w_k = N_k / n,   μ_k = Σ_i r_ik x_i / N_k,   Σ_k = Σ_i r_ik (x_i − μ_k)(x_i − μ_k)ᵀ / N_k + ε I,
 * </pre>
 * and each iteration does not decrease the log-likelihood {@code Σ_i log Σ_k w_k N(x_i; μ_k, Σ_k)}. The ridge
 * {@code ε} ({@code 1e-6} times the data's mean variance) keeps a component from collapsing onto one point.
 * Initialisation: means by k-means++ seeding (Arthur &amp; Vassilvitskii 2007) from the given generator, every
 * covariance the data's, equal weights. Stops when the mean log-likelihood gains less than {@code tolerance}.
 */
public final class ExpectationMaximisation {
    private final int maxIterations;
    private final double tolerance;

    public ExpectationMaximisation(int maxIterations, double tolerance) {
        this.maxIterations = Checks.atLeast("EM", "maxIterations", maxIterations, 1);
        this.tolerance = Checks.positive("EM", "tolerance", tolerance);
    }

    /** 300 iterations at most, tolerance {@code 1e-6} on the mean log-likelihood. */
    public static ExpectationMaximisation defaults() {
        return new ExpectationMaximisation(300, 1e-6);
    }

    /** Fits {@code k} components to the rows of {@code data} ({@code n × d}, {@code n ≥ k}). */
    public MixtureFit fit(DMatrixRMaj data, int k, UniformRandomProvider rng) {
        int n = data.numRows;
        int d = data.numCols;
        Checks.atLeast("EM", "components", k, 1);
        if (n < k) {
            throw new IllegalArgumentException("EM: " + n + " data points cannot fit " + k + " components");
        }
        double[] mean = new double[d];
        double spread = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.get(i, j) / n;
            }
        }
        DMatrixRMaj dataCov = new DMatrixRMaj(d, d);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    dataCov.add(a, b, (data.get(i, a) - mean[a]) * (data.get(i, b) - mean[b]) / n);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            spread += dataCov.get(j, j) / d;
        }
        double ridge = 1e-6 * (spread > 0 ? spread : 1.0);
        double[][] mu = seeds(data, k, rng);
        DMatrixRMaj[] cov = new DMatrixRMaj[k];
        for (int c = 0; c < k; c++) {
            cov[c] = dataCov.copy();
            for (int j = 0; j < d; j++) {
                cov[c].add(j, j, ridge);
            }
        }
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        GaussianMixture mix = new GaussianMixture("em", mu, cov, w);
        double previous = Double.NEGATIVE_INFINITY;
        int it = 0;
        double[][] r = new double[n][k];
        double ll = Double.NEGATIVE_INFINITY;
        while (it < maxIterations) {
            ll = responsibilities(mix, data, r);
            it++;
            if (ll / n - previous < tolerance) {
                break;
            }
            previous = ll / n;
            for (int c = 0; c < k; c++) {
                double nk = 0;
                double[] m = new double[d];
                for (int i = 0; i < n; i++) {
                    nk += r[i][c];
                    for (int j = 0; j < d; j++) {
                        m[j] += r[i][c] * data.get(i, j);
                    }
                }
                if (nk < 1e-10 * n) {
                    continue; // an empty component keeps its parameters
                }
                DMatrixRMaj s = new DMatrixRMaj(d, d);
                for (int j = 0; j < d; j++) {
                    m[j] /= nk;
                }
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < d; a++) {
                        double ua = data.get(i, a) - m[a];
                        for (int b = 0; b <= a; b++) {
                            s.add(a, b, r[i][c] * ua * (data.get(i, b) - m[b]) / nk);
                        }
                    }
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < a; b++) {
                        s.set(b, a, s.get(a, b));
                    }
                    s.add(a, a, ridge);
                }
                mu[c] = m;
                cov[c] = s;
                w[c] = nk / n;
            }
            mix = new GaussianMixture("em", mu, cov, w);
        }
        int params = (k - 1) + k * d + k * d * (d + 1) / 2;
        return new MixtureFit(new GaussianMixture("em-k" + k, mu, cov, w), ll, params, n, it);
    }

    /** E-step: fills {@code r} with the responsibilities and returns the log-likelihood. */
    private static double responsibilities(GaussianMixture mix, DMatrixRMaj data, double[][] r) {
        int n = data.numRows;
        int k = mix.components();
        double[] w = mix.weights();
        DMatrixRMaj means = mix.means();
        double[][] logTerm = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] m = new double[data.numCols];
            System.arraycopy(means.data, c * data.numCols, m, 0, data.numCols);
            GaussianMixture one = new GaussianMixture("em-component", new double[][] {m},
                    new DMatrixRMaj[] {mix.covariance(c)}, null);
            Tape tape = Tape.noGrad();
            logTerm[c] = one.logDensity(tape, tape.constant(data)).value().data;
        }
        double ll = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                r[i][c] = Math.log(w[c]) + logTerm[c][i];
                max = Math.max(max, r[i][c]);
            }
            double z = 0;
            for (int c = 0; c < k; c++) {
                r[i][c] = Math.exp(r[i][c] - max);
                z += r[i][c];
            }
            for (int c = 0; c < k; c++) {
                r[i][c] /= z;
            }
            ll += max + Math.log(z);
        }
        return ll;
    }

    /** k-means++ seeding: the first mean a uniform data point, each next one drawn with probability ∝ squared distance. */
    private static double[][] seeds(DMatrixRMaj data, int k, UniformRandomProvider rng) {
        int n = data.numRows;
        int d = data.numCols;
        double[][] mu = new double[k][];
        mu[0] = row(data, rng.nextInt(n));
        double[] dist = new double[n];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double q = 0;
                for (int j = 0; j < d; j++) {
                    double u = data.get(i, j) - mu[c - 1][j];
                    q += u * u;
                }
                dist[i] = Math.min(dist[i], q);
                total += dist[i];
            }
            double u = rng.nextDouble() * total;
            int pick = 0;
            double acc = dist[0];
            while (acc <= u && pick < n - 1) {
                pick++;
                acc += dist[pick];
            }
            mu[c] = row(data, pick);
        }
        return mu;
    }

    private static double[] row(DMatrixRMaj data, int i) {
        double[] r = new double[data.numCols];
        System.arraycopy(data.data, i * data.numCols, r, 0, data.numCols);
        return r;
    }
}
