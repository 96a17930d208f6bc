package org.girsanov.verification.samplers;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.verification.Statistics;
import org.girsanov.verification.Verdict;

/**
 * The data-processing inequality between the path measures and their terminal marginals:
 * <pre>
 *   KL(P→ ‖ P←) ≥ KL(q_N ‖ π),   i.e.   ELBO_path = E_{P→}[log w] ≤ E_{q_N}[log ρ] + H(q_N) = ELBO_terminal,
 * </pre>
 * where {@code q_N} is the law of the forward process at {@code t_N} and {@code π = ρ/Z} (both sides contain
 * {@code log Z}, which cancels: the check needs no {@code log Z}). It fails when the log-weight overstates the
 * paths' evidence, e.g. a density that lost a normalising constant.
 *
 * <p>{@code q_N} must be known: the check applies to samplers whose forward kernels are affine-Gaussian,
 * {@code p→_n(· | x) = N(A_n x + b_n, diag s_n²)} with {@code s_n} independent of {@code x}, from an isotropic
 * Gaussian or point prior (PIS with a linear control such as Föllmer's, DDS/DIS with a linear or zero control).
 * {@code A_n, b_n, s_n} are read off the kernel itself (probed at {@code 0} and the unit vectors, and checked at
 * a random point), and the mean and covariance are propagated exactly. {@code E_{q_N}[log ρ]} is a Monte Carlo
 * mean over exact samples of {@code q_N}, {@code H(q_N) = ½ log det(2πe Σ_N)}; {@code ELBO_path} a mean over
 * forward paths. Passes iff {@code ELBO_path ≤ ELBO_terminal + k √(SE_path² + SE_terminal²)}.
 */
public final class DataProcessingCheck {
    private DataProcessingCheck() {
    }

    /** @param paths forward paths and terminal samples; @param k standard errors of the band */
    public record Config(int paths, double k, int chunkSize, int threads, long seed) {
        public Config {
            if (paths < 2 || !(k > 0) || chunkSize < 1 || threads < 1) {
                throw new IllegalArgumentException("DataProcessingCheck.Config: need paths >= 2, k > 0, chunkSize >= 1, "
                        + "threads >= 1");
            }
        }

        public static Config defaults() {
            return new Config(4000, 4.0, 256, 2, 13);
        }

        public Config withSeed(long s) {
            return new Config(paths, k, chunkSize, threads, s);
        }
    }

    public static Verdict check(Sampler model, Config cfg) {
        int d = model.dimension();
        if (!(model.prior() instanceof IsotropicGaussian prior)) {
            throw new IllegalArgumentException("DataProcessingCheck: " + model.name() + " needs an isotropic Gaussian or point prior");
        }
        DMatrixRMaj mu = new DMatrixRMaj(d, 1, true, prior.mean());
        DMatrixRMaj sigma = CommonOps_DDRM.diag(repeat(prior.variance(), d));
        UniformRandomProvider probeRng = new RandomStreams(cfg.seed()).stream(0, 0, 7);
        for (int n = 0; n < model.grid().steps(); n++) {
            Affine f = probe(model, n, d, probeRng);
            DMatrixRMaj m2 = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(f.a, mu, m2);
            CommonOps_DDRM.addEquals(m2, f.b);
            DMatrixRMaj as = new DMatrixRMaj(d, d);
            CommonOps_DDRM.mult(f.a, sigma, as);
            DMatrixRMaj s2 = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransB(as, f.a, s2);
            for (int j = 0; j < d; j++) {
                s2.add(j, j, f.var[j]);
            }
            mu = m2;
            sigma = s2;
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        DMatrixRMaj l = sigma.copy();
        if (!chol.decompose(l)) {
            throw new IllegalStateException("DataProcessingCheck: the terminal covariance is not positive definite");
        }
        DMatrixRMaj lower = chol.getT(null);
        double logDet = 0;
        for (int j = 0; j < d; j++) {
            logDet += 2 * Math.log(lower.get(j, j));
        }
        double entropy = 0.5 * (d * Math.log(2 * Math.PI * Math.E) + logDet);
        RandomStreams streams = new RandomStreams(cfg.seed());
        DMatrixRMaj z = NoiseSource.of(streams.stream(0, 0, 5)).standardNormal(0, cfg.paths(), d);
        DMatrixRMaj x = new DMatrixRMaj(cfg.paths(), d);
        CommonOps_DDRM.multTransB(z, lower, x);
        for (int i = 0; i < cfg.paths(); i++) {
            for (int j = 0; j < d; j++) {
                x.add(i, j, mu.get(j));
            }
        }
        Tape t = Tape.noGrad();
        double[] logRho = model.target().logDensity(t, t.constant(x)).value().data.clone();
        double[] logW;
        try (ChunkedExecutor ex = new ChunkedExecutor(cfg.threads())) {
            logW = PathBatch.simulate(model, cfg.paths(), Behaviour.onPolicy(), null, streams, 0, 1, cfg.chunkSize(), ex)
                    .logWeights();
        }
        double elboPath = Statistics.mean(logW);
        double sePath = Statistics.standardError(logW);
        double elboTerminal = Statistics.mean(logRho) + entropy;
        double seTerminal = Statistics.standardError(logRho);
        double band = cfg.k() * Math.sqrt(sePath * sePath + seTerminal * seTerminal);
        boolean ok = elboPath <= elboTerminal + band;
        Map<String, Double> nums = new HashMap<>();
        nums.put("elbo_path", elboPath);
        nums.put("elbo_path_se", sePath);
        nums.put("elbo_terminal", elboTerminal);
        nums.put("elbo_terminal_se", seTerminal);
        nums.put("terminal_entropy", entropy);
        nums.put("gap", elboTerminal - elboPath);
        model.target().logZ().ifPresent(z0 -> {
            nums.put("kl_path", z0 - elboPath);
            nums.put("kl_terminal", z0 - elboTerminal);
        });
        return new Verdict("data processing: KL(P->||P<-) >= KL(q_N||pi), " + model.name(), ok, nums,
                "ELBO_path <= ELBO_terminal + " + cfg.k() + " SE; q_N propagated exactly through " + model.grid().steps()
                        + " affine-Gaussian kernels, " + cfg.paths() + " paths and terminal samples");
    }

    private record Affine(DMatrixRMaj a, DMatrixRMaj b, double[] var) {
    }

    /** {@code A_n, b_n, s_n²} of the forward kernel at step {@code n}, checked to be affine at a random point. */
    private static Affine probe(Sampler model, int n, int d, UniformRandomProvider rng) {
        DMatrixRMaj x = new DMatrixRMaj(d + 2, d);
        for (int j = 0; j < d; j++) {
            x.set(j + 1, j, 1.0);
            x.set(d + 1, j, 2 * rng.nextDouble() - 1);
        }
        Tape t = Tape.noGrad();
        GaussianMoments m = model.forward().moments(t, t.constant(x), n);
        DMatrixRMaj mean = m.mean().value();
        DMatrixRMaj std = m.std().value();
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            b.set(i, mean.get(0, i));
            for (int j = 0; j < d; j++) {
                a.set(i, j, mean.get(j + 1, i) - mean.get(0, i));
            }
        }
        double[] var = new double[d];
        for (int j = 0; j < d; j++) {
            var[j] = Math.pow(std.numRows == 1 && std.numCols == 1 ? std.data[0] : std.get(0, std.numCols == 1 ? 0 : j), 2);
        }
        for (int r = 1; r < d + 2; r++) {
            for (int j = 0; j < d; j++) {
                double sr = std.numRows == 1 && std.numCols == 1 ? std.data[0] : std.get(r, std.numCols == 1 ? 0 : j);
                if (Math.abs(sr * sr - var[j]) > 1e-12 * (1 + var[j])) {
                    throw new IllegalArgumentException("DataProcessingCheck: " + model.name() + "'s forward variance depends on x at step "
                            + n + "; the terminal law is not Gaussian");
                }
            }
        }
        for (int i = 0; i < d; i++) {
            double predicted = b.get(i);
            for (int j = 0; j < d; j++) {
                predicted += a.get(i, j) * x.get(d + 1, j);
            }
            double got = mean.get(d + 1, i);
            if (Math.abs(predicted - got) > 1e-9 * (1 + Math.abs(got))) {
                throw new IllegalArgumentException("DataProcessingCheck: " + model.name() + "'s forward mean is not affine in x at step "
                        + n + " (" + got + " vs " + predicted + "); the terminal law is not Gaussian");
            }
        }
        return new Affine(a, b, var);
    }

    private static double[] repeat(double v, int d) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
