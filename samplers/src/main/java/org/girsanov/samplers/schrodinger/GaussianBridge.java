package org.girsanov.samplers.schrodinger;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Schrödinger bridge between {@code N(μ0, Σ0)} and {@code N(μ1, Σ1)} on {@code [0, 1]} for the reference
 * {@code dX = σ dW} or the Ornstein–Uhlenbeck reference {@code dX = −α X dt + σ dW}, in closed form (Bunne, Hsieh,
 * Cuturi &amp; Krause, "The Schrödinger bridge between Gaussian measures has a closed form", AISTATS 2023, Theorem 3;
 * docs/math.md §9). For {@code dX = σ dW}:
 * <pre>
 *   D = (4 Σ0^{1/2} Σ1 Σ0^{1/2} + σ⁴ I)^{1/2},    C = ½ (Σ0^{1/2} D Σ0^{−1/2} − σ² I) = Cov(X0, X1)
 *   μ_t = (1 − t) μ0 + t μ1
 *   Σ_t = (1 − t)² Σ0 + t² Σ1 + t (1 − t) (C + Cᵀ + σ² I)
 *   f(x, t) = (E[X1 | X_t = x] − x) / (1 − t),   E[X1 | X_t = x] = μ1 + ((1 − t) Cᵀ + t Σ1) Σ_t⁻¹ (x − μ_t).
 * </pre>
 * {@code C} is the cross-covariance of the static bridge, the entropic optimal-transport plan between the two
 * Gaussians with cost {@code |x0 − x1|² / (2σ²)}: in one dimension it maximises {@code c/σ² + ½ log(s0² s1² − c²)},
 * so {@code c = (√(σ⁴ + 4 s0² s1²) − σ²)/2}, which tends to the optimal-transport {@code s0 s1} as {@code σ → 0} and
 * to the independent coupling's 0 as {@code σ → ∞}. The dynamic bridge is the mixture over that plan of Brownian
 * bridges {@code (1 − t) x0 + t x1 + σ √(t(1 − t)) ξ}, which gives {@code μ_t} and {@code Σ_t}; it is Markov, and its
 * drift {@code f} is the Brownian bridge's drift {@code (x1 − x)/(1 − t)} averaged over {@code X1} given
 * {@code X_t = x} (a Gaussian conditional).
 *
 * <p><b>The Ornstein–Uhlenbeck reference</b> ({@code α ≠ 0}) reduces to the Brownian one. Its transition is
 * {@code X_{t+τ} | X_t = x ~ N(e^{−ατ} x, v_τ I)}, {@code v_τ = σ² (1 − e^{−2ατ}) / (2α)}; with {@code a = e^{−α}} the
 * static cost {@code |x1 − a x0|² / (2 v_1)} is the Brownian one of {@code x1' = x1 / a} with {@code σ'² = v_1 / a²},
 * and the map changes the entropy by a constant, so {@code C = a C'} where {@code C'} is the Brownian {@code C} between
 * {@code N(μ0, Σ0)} and {@code N(μ1/a, Σ1/a²)} for {@code σ'}. The reference bridge is
 * {@code X_t = A_t x0 + B_t x1 + s_t ξ} with
 * <pre>
 *   B_t = e^{−α(1−t)} v_t / v_1,   A_t = e^{−αt} − a B_t,   s_t² = v_t − e^{−2α(1−t)} v_t² / v_1,
 *   μ_t = A_t μ0 + B_t μ1,   Σ_t = A_t² Σ0 + B_t² Σ1 + A_t B_t (C + Cᵀ) + s_t² I,
 *   f(x, t) = −α x + σ² e^{−ατ} (E[X1 | X_t = x] − e^{−ατ} x) / v_τ,   τ = 1 − t,
 *   E[X1 | X_t = x] = μ1 + (A_t Cᵀ + B_t Σ1) Σ_t⁻¹ (x − μ_t),
 * </pre>
 * the drift being the reference bridge's {@code −αx + σ² ∇_x log q_τ(x1 | x)} averaged over {@code X1} given
 * {@code X_t = x}. At {@code α = 0} every line is the Brownian one ({@code v_τ = σ²τ}, {@code A_t = 1 − t},
 * {@code B_t = t}).
 */
public final class GaussianBridge {
    private final double[] mean0;
    private final double[] mean1;
    private final DMatrixRMaj cov0;
    private final DMatrixRMaj cov1;
    private final double sigma;
    private final OuReference reference;
    private final DMatrixRMaj cross;

    /**
     * @param mean0 {@code μ0}
     * @param cov0 {@code Σ0}, symmetric positive definite
     * @param mean1 {@code μ1}
     * @param cov1 {@code Σ1}, symmetric positive definite
     * @param sigma the reference's {@code σ > 0}
     */
    public GaussianBridge(double[] mean0, DMatrixRMaj cov0, double[] mean1, DMatrixRMaj cov1, double sigma) {
        this(mean0, cov0, mean1, cov1, sigma, 0.0);
    }

    /**
     * The bridge for the Ornstein–Uhlenbeck reference {@code dX = −α X dt + σ dW} ({@code α = 0}: {@code dX = σ dW}).
     *
     * @param alpha the reference's rate {@code α}, finite
     */
    public GaussianBridge(double[] mean0, DMatrixRMaj cov0, double[] mean1, DMatrixRMaj cov1, double sigma, double alpha) {
        int d = mean0.length;
        if (d == 0 || mean1.length != d || cov0.numRows != d || cov0.numCols != d || cov1.numRows != d
                || cov1.numCols != d) {
            throw new IllegalArgumentException("GaussianBridge: means of length " + mean0.length + " and " + mean1.length
                    + ", covariances " + cov0.numRows + "x" + cov0.numCols + " and " + cov1.numRows + "x" + cov1.numCols
                    + "; need one dimension d >= 1 for all four");
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("GaussianBridge: sigma = " + sigma + "; need a finite sigma > 0");
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("GaussianBridge: alpha = " + alpha + "; need a finite rate (0: dX = sigma dW)");
        }
        this.mean0 = mean0.clone();
        this.mean1 = mean1.clone();
        this.cov0 = cov0.copy();
        this.cov1 = cov1.copy();
        this.sigma = sigma;
        this.reference = new OuReference(sigma, alpha);
        double a = decay(1);
        double sigma2 = transitionVariance(1) / (a * a); // σ'² of the equivalent Brownian problem
        DMatrixRMaj scaled1 = cov1.copy();
        CommonOps_DDRM.scale(1 / (a * a), scaled1);
        DMatrixRMaj root0 = symmetricPower(cov0, 0.5, "cov0");
        DMatrixRMaj inverseRoot0 = symmetricPower(cov0, -0.5, "cov0");
        symmetricPower(cov1, 0.5, "cov1"); // validates Σ1
        DMatrixRMaj inner = multiply(multiply(root0, scaled1), root0);
        CommonOps_DDRM.scale(4.0, inner);
        for (int i = 0; i < d; i++) {
            inner.add(i, i, sigma2 * sigma2);
        }
        DMatrixRMaj dRoot = symmetricPower(inner, 0.5, "4 Σ0^½ Σ1 Σ0^½ + σ⁴ I");
        DMatrixRMaj c = multiply(multiply(root0, dRoot), inverseRoot0);
        for (int i = 0; i < d; i++) {
            c.add(i, i, -sigma2);
        }
        CommonOps_DDRM.scale(0.5 * a, c);
        this.cross = c;
    }

    /** The isotropic special case {@code N(μ0, s0² I)} to {@code N(μ1, s1² I)}. */
    public static GaussianBridge isotropic(double[] mean0, double s0, double[] mean1, double s1, double sigma) {
        int d = mean0.length;
        DMatrixRMaj c0 = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(s0 * s0, c0);
        DMatrixRMaj c1 = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(s1 * s1, c1);
        return new GaussianBridge(mean0, c0, mean1, c1, sigma);
    }

    public int dimension() {
        return mean0.length;
    }

    public double sigma() {
        return sigma;
    }

    /** The reference's rate {@code α} (0: {@code dX = σ dW}). */
    public double alpha() {
        return reference.alpha();
    }

    private double decay(double tau) {
        return reference.decay(tau);
    }

    private double transitionVariance(double tau) {
        return reference.variance(tau);
    }

    /** {@code A_t} of the reference bridge ({@link OuReference#pinnedStartWeight}). */
    private double startWeight(double t) {
        return reference.pinnedStartWeight(t);
    }

    /** {@code B_t} ({@link OuReference#pinnedEndWeight}). */
    private double endWeight(double t) {
        return reference.pinnedEndWeight(t);
    }

    /** {@code s_t²} ({@link OuReference#pinnedVariance}). */
    private double bridgeVariance(double t) {
        return reference.pinnedVariance(t);
    }

    /** {@code C = Cov(X0, X1)} of the bridge (a copy). */
    public DMatrixRMaj crossCovariance() {
        return cross.copy();
    }

    /** {@code μ_t = A_t μ0 + B_t μ1} ({@code (1 − t) μ0 + t μ1} for {@code dX = σ dW}). */
    public double[] mean(double t) {
        checkTime(t, false);
        double a = startWeight(t);
        double b = endWeight(t);
        double[] m = new double[mean0.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = a * mean0[i] + b * mean1[i];
        }
        return m;
    }

    /** {@code Σ_t = A_t² Σ0 + B_t² Σ1 + A_t B_t (C + Cᵀ) + s_t² I} ({@code (1 − t)² Σ0 + t² Σ1 + t(1 − t)(C + Cᵀ + σ² I)}). */
    public DMatrixRMaj covariance(double t) {
        checkTime(t, false);
        double a = startWeight(t);
        double b = endWeight(t);
        double noise = bridgeVariance(t);
        int d = mean0.length;
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = a * a * cov0.get(i, j) + b * b * cov1.get(i, j)
                        + a * b * (cross.get(i, j) + cross.get(j, i)) + (i == j ? noise : 0.0);
                s.set(i, j, v);
            }
        }
        return s;
    }

    /** The bridge's drift {@code f(x, t)} at every row of {@code x} ({@code n × d}), {@code 0 ≤ t < 1}. */
    public DMatrixRMaj drift(DMatrixRMaj x, double t) {
        checkTime(t, true);
        int d = mean0.length;
        if (x.numCols != d) {
            throw new IllegalArgumentException("GaussianBridge.drift: x has " + x.numCols + " columns; the bridge has d = " + d);
        }
        DMatrixRMaj gain = new DMatrixRMaj(d, d); // (A_t Cᵀ + B_t Σ1) Σ_t⁻¹
        DMatrixRMaj cov1t = new DMatrixRMaj(d, d);
        double a = startWeight(t);
        double b = endWeight(t);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov1t.set(i, j, a * cross.get(j, i) + b * cov1.get(i, j));
            }
        }
        DMatrixRMaj inv = covariance(t);
        if (!CommonOps_DDRM.invert(inv)) {
            throw new IllegalStateException("GaussianBridge.drift: Σ_t is singular at t = " + t);
        }
        CommonOps_DDRM.mult(cov1t, inv, gain);
        double[] mt = mean(t);
        double tau = 1 - t;
        double e1 = decay(tau);
        double pull = sigma * sigma * e1 / transitionVariance(tau); // 1/(1 − t) for dX = σ dW
        DMatrixRMaj f = new DMatrixRMaj(x.numRows, d);
        for (int r = 0; r < x.numRows; r++) {
            for (int i = 0; i < d; i++) {
                double e = mean1[i];
                for (int j = 0; j < d; j++) {
                    e += gain.get(i, j) * (x.get(r, j) - mt[j]);
                }
                double xi = x.get(r, i);
                f.set(r, i, reference.brownian() ? (e - xi) / tau : -alpha() * xi + pull * (e - e1 * xi));
            }
        }
        return f;
    }

    /** {@code E|X0 − X1|² = tr Σ0 + tr Σ1 − 2 tr C + |μ0 − μ1|²}: the transport cost of the static bridge. */
    public double transportCost() {
        double c = CommonOps_DDRM.trace(cov0) + CommonOps_DDRM.trace(cov1) - 2 * CommonOps_DDRM.trace(cross);
        for (int i = 0; i < mean0.length; i++) {
            c += (mean0[i] - mean1[i]) * (mean0[i] - mean1[i]);
        }
        return c;
    }

    private static void checkTime(double t, boolean open) {
        if (!(t >= 0) || !(open ? t < 1 : t <= 1)) {
            throw new IllegalArgumentException("GaussianBridge: t = " + t + "; need 0 <= t " + (open ? "< 1" : "<= 1"));
        }
    }

    private static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    /** {@code A^p} of a symmetric positive-definite {@code A} by its eigen-decomposition ({@code what} names it in errors). */
    static DMatrixRMaj symmetricPower(DMatrixRMaj a, double p, String what) {
        int d = a.numRows;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double x = a.get(i, j);
                double y = a.get(j, i);
                if (!(Math.abs(x - y) <= 1e-10 * (1 + Math.abs(x) + Math.abs(y)))) {
                    throw new IllegalArgumentException("GaussianBridge: " + what + " is not symmetric at (" + i + ", " + j
                            + "): " + x + " vs " + y);
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(a.copy())) {
            throw new IllegalArgumentException("GaussianBridge: the eigen-decomposition of " + what + " failed");
        }
        DMatrixRMaj out = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            double lambda = eig.getEigenvalue(k).getReal();
            if (!(lambda > 0)) {
                throw new IllegalArgumentException("GaussianBridge: " + what + " is not positive definite (eigenvalue "
                        + lambda + ")");
            }
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm = CommonOps_DDRM.dot(v, v);
            double w = Math.pow(lambda, p) / norm;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out.add(i, j, w * v.get(i) * v.get(j));
                }
            }
        }
        return out;
    }
}
