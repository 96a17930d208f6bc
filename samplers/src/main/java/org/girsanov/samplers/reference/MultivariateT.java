package org.girsanov.samplers.reference;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * The multivariate Student t with ν degrees of freedom centred at a {@link LaplaceApproximation}'s mode with
 * its covariance factor C as scale (Geweke, "Bayesian inference in econometric models using Monte Carlo
 * integration", Econometrica 57, 1989, uses it as the importance proposal): with {@code u = Rᵀ(x − x*)},
 * <pre>
 *   x = x* + C ξ √(ν/g),   ξ ~ N(0, I_d),  g ~ χ²_ν,
 *   log q(x) = log Γ((ν+d)/2) − log Γ(ν/2) − (d/2) log(νπ) − log det C − ((ν+d)/2) log(1 + |u|²/ν).
 * </pre>
 * Its tails are polynomial, heavier than those of a posterior with a Gaussian prior, so importance weights
 * {@code ρ/q} stay bounded. ν is a positive integer (so χ²_ν is a sum of ν squared normals and the Γ values at
 * half-integers are exact).
 */
public final class MultivariateT {
    private final LaplaceApproximation centre;
    private final int nu;
    private final double logNormaliser;

    public MultivariateT(LaplaceApproximation centre, int nu) {
        if (nu < 1) {
            throw new IllegalArgumentException("multivariate t: degrees of freedom = " + nu + "; must be >= 1");
        }
        this.centre = centre;
        this.nu = nu;
        int d = centre.dimension();
        this.logNormaliser = logGammaHalf(nu + d) - logGammaHalf(nu) - 0.5 * d * Math.log(nu * Math.PI)
                - centre.logDetCovarianceFactor();
    }

    /** {@code log Γ(k/2)} for an integer {@code k ≥ 1}, from Γ(½) = √π, Γ(1) = 1 and Γ(a + 1) = a Γ(a). */
    static double logGammaHalf(int k) {
        double a = k % 2 == 0 ? 1.0 : 0.5;
        double out = k % 2 == 0 ? 0.0 : 0.5 * Math.log(Math.PI);
        while (a < 0.5 * k) {
            out += Math.log(a);
            a += 1;
        }
        return out;
    }

    public int degreesOfFreedom() {
        return nu;
    }

    /** {@code n} draws ({@code n × d}). */
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = centre.dimension();
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        double[] xi = new double[d];
        for (int i = 0; i < n; i++) {
            double chi2 = 0;
            for (int k = 0; k < nu; k++) {
                double v = g.sample();
                chi2 += v * v;
            }
            double s = Math.sqrt(nu / chi2);
            for (int j = 0; j < d; j++) {
                xi[j] = s * g.sample();
            }
            System.arraycopy(centre.fromStandard(xi), 0, out.data, i * d, d);
        }
        return out;
    }

    /** {@code log q} of every row of {@code x}. */
    public double[] logDensity(DMatrixRMaj x) {
        int d = centre.dimension();
        double[] out = new double[x.numRows];
        double[] row = new double[d];
        for (int i = 0; i < x.numRows; i++) {
            System.arraycopy(x.data, i * d, row, 0, d);
            double r2 = 0;
            for (double u : centre.toStandard(row)) {
                r2 += u * u;
            }
            out[i] = logNormaliser - 0.5 * (nu + d) * Math.log1p(r2 / nu);
        }
        return out;
    }
}
