package org.girsanov.sde.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.BrownianPath;
import org.girsanov.sde.Checks;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.PathPair;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * Δt → 0 consistency of a discrete {@link PathPair} family — a trained sampler on its own grid and on every
 * refinement of it (Berner, Richter, Sendera, Rector-Brooks &amp; Malkin 2025, arXiv 2501.06148, Thms 1 and 2).
 *
 * <p><b>Procedure.</b> {@code G_0} is the given grid (the grid the sampler was trained on, uniform or not) and
 * {@code G_{ℓ+1} = G_ℓ.refine()}, up to {@code G_R}, {@code R = levels − 1 + referenceRefinements}. One
 * {@link BrownianPath} per sample is drawn on {@code G_0} and refined by the Brownian bridge, so every level sees the
 * same Brownian motion. On each level the pair {@code family(G_ℓ)} simulates its forward process from the same
 * {@code x_0 ~ p_prior}, driven by that level's increments ({@code x_{n+1} = m_n(x_n) + s_n ⊙ ΔW_n/√Δt_n}), and
 * evaluates its log-weight {@code log w_ℓ} (in the pair's own {@link LogWeightForm}). Reported per level
 * {@code ℓ < levels}: the mean and max over paths of {@code |log w_ℓ − log w_R|}, the finest level standing in for the
 * continuous RND {@code log Z − log dP→/dP←} (Thm 1), and the fitted strong order (least-squares slope of
 * {@code log mean|err|} on {@code log Δt}, {@code Δt = (t_N − t_0)/N}). A family with a continuous limit shows
 * errors falling at order about ½; a family without one (e.g. learned forward variances ≠ the backward's) does not.
 *
 * <p><b>Detailed-balance split</b>, when log-flows {@code V(x, t)} are given (a DB-trained sampler's
 * {@code F_θ}, with {@code V(·, t_0) = B_0 + log Z_θ} and {@code V(·, t_N) = B_N}): on each step of level ℓ the
 * antithetic pair {@code x^±_{n+1} = m_n(x_n) ± s_n ⊙ ΔW_n/√Δt_n} gives
 * {@code δ_n^± = V(x_n, t_n) − V(x^±_{n+1}, t_{n+1}) − ℓ_n(x_n, x^±_{n+1})}, and
 * <pre>
 *   nelson        = sqrt( (1/(T K)) Σ_n Σ_i ((δ^+ − δ^−)/2)² )    (the part linear in the noise: 0 iff Nelson's identity)
 *   fokker_planck = | (1/(T K)) Σ_n Σ_i (δ^+ + δ^−)/2 |          (the remainder: → 0 iff Fokker–Planck holds too)
 * </pre>
 * as in {@link ConsistencyChecker}, but for the pair's own kernels and log-weight.
 */
public final class PairConsistency {

    /** Reported levels, extra refinements of the reference, paths {@code K}, seed. */
    public record Config(int levels, int referenceRefinements, int paths, long seed) {
        public Config {
            Checks.atLeast("PairConsistency", "levels", levels, 2);
            Checks.atLeast("PairConsistency", "referenceRefinements", referenceRefinements, 1);
            Checks.atLeast("PairConsistency", "paths", paths, 1);
            if (levels - 1 + referenceRefinements > 12) {
                throw new IllegalArgumentException("PairConsistency: levels - 1 + referenceRefinements = "
                        + (levels - 1 + referenceRefinements) + "; must be <= 12");
            }
        }

        /** 4 levels, reference 2 refinements finer, 400 paths. */
        public static Config defaults(long seed) {
            return new Config(4, 2, 400, seed);
        }
    }

    private PairConsistency() {
    }

    /**
     * The refinement study of {@code family} from {@code base}; {@code flows} may be {@code null} (no split).
     *
     * @param family the pair on a given grid, e.g. {@code sampler::withGrid}
     */
    public static ConsistencyReport check(String name, Function<TimeGrid, ? extends PathPair> family, TimeGrid base,
                                          MarginalLogDensity flows, Config cfg) {
        int finest = cfg.levels() - 1 + cfg.referenceRefinements();
        int k = cfg.paths();
        double[][] logW = new double[finest + 1][];
        double[][] split = new double[cfg.levels()][];
        simulateLevels(family, base, finest, cfg.levels(), k, cfg.seed(), flows, logW, split);
        List<ConsistencyReport.Level> levels = new ArrayList<>();
        double[] dts = new double[cfg.levels()];
        double[] errs = new double[cfg.levels()];
        int steps = base.steps();
        for (int l = 0; l < cfg.levels(); l++) {
            double mean = 0;
            double max = 0;
            for (int i = 0; i < k; i++) {
                double e = Math.abs(logW[l][i] - logW[finest][i]);
                mean += e / k;
                max = Math.max(max, e);
            }
            dts[l] = (base.end() - base.start()) / (steps << l);
            errs[l] = mean;
            levels.add(new ConsistencyReport.Level(dts[l], mean, max, split[l][0], split[l][1]));
        }
        return new ConsistencyReport(name, k, levels, ConvergenceOrder.fit(dts, errs));
    }

    /**
     * {@code log w} of {@code paths} forward paths of {@code family(G_ℓ)}, {@code ℓ = 0 … levels − 1}, all driven by the
     * same refined Brownian paths and started at the same {@code x_0}: row {@code ℓ} of the result. A loss evaluated
     * on each row (LV's variance, TB's mean square) is then a function of one path family seen at every resolution.
     */
    public static double[][] logWeights(Function<TimeGrid, ? extends PathPair> family, TimeGrid base, int levels,
                                        int paths, long seed) {
        Checks.atLeast("PairConsistency.logWeights", "levels", levels, 1);
        Checks.atLeast("PairConsistency.logWeights", "paths", paths, 1);
        double[][] logW = new double[levels][];
        simulateLevels(family, base, levels - 1, 0, paths, seed, null, logW, new double[0][]);
        return logW;
    }

    private static void simulateLevels(Function<TimeGrid, ? extends PathPair> family, TimeGrid base, int finest,
                                       int splitLevels, int k, long seed, MarginalLogDensity flows, double[][] logW,
                                       double[][] split) {
        PathPair first = family.apply(base);
        BrownianPath bm = BrownianPath.sample(base, k, first.dimension(), seed);
        DMatrixRMaj x0 = first.prior().sample(k, RandomStreams.philox(seed, 0, 1));
        TimeGrid grid = base;
        for (int l = 0; l <= finest; l++) {
            PathPair pair = l == 0 ? first : family.apply(grid);
            double[] lw = new double[k];
            double[] parts = simulate(pair, x0, NoiseSource.of(bm, grid), lw, l < splitLevels ? flows : null);
            if (l < splitLevels) {
                split[l] = parts;
            }
            logW[l] = lw;
            if (l < finest) {
                grid = grid.refine();
                bm = bm.refine();
            }
        }
    }

    /** One level: fills {@code logW}; returns {@code {nelson, fokker_planck}} (NaN without flows). */
    private static double[] simulate(PathPair pair, DMatrixRMaj x0, NoiseSource noise, double[] logW,
                                     MarginalLogDensity flows) {
        TimeGrid g = pair.grid();
        LogWeightForm form = pair.logWeight();
        Tape t = Tape.noGrad();
        int k = x0.numRows;
        Var x = t.constant(x0);
        StreamedPaths.add(logW, form.start(t, x), -1.0);
        double odd2 = 0;
        double even = 0;
        for (int n = 0; n < g.steps(); n++) {
            GaussianMoments m = pair.forward().moments(t, x, n);
            DMatrixRMaj z = noise.standardNormal(n, k, x0.numCols);
            Var next = t.constant(m.sample(z, 1.0));
            StreamedPaths.add(logW, form.increment(t, n, x, next, m), 1.0);
            if (flows != null) {
                DMatrixRMaj plus = residual(t, form, flows, g, n, x, next, m);
                DMatrixRMaj minus = residual(t, form, flows, g, n, x, t.constant(m.sample(z, -1.0)), m);
                for (int i = 0; i < k; i++) {
                    double o = 0.5 * (plus.data[i] - minus.data[i]);
                    odd2 += o * o;
                    even += 0.5 * (plus.data[i] + minus.data[i]);
                }
            }
            x = next;
        }
        StreamedPaths.add(logW, form.end(t, x), 1.0);
        if (flows == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double norm = 1.0 / ((g.end() - g.start()) * k);
        return new double[] {Math.sqrt(odd2 * norm), Math.abs(even * norm)};
    }

    /** {@code δ_n = V(x_n, t_n) − V(x_{n+1}, t_{n+1}) − ℓ_n(x_n, x_{n+1})}. */
    private static DMatrixRMaj residual(Tape t, LogWeightForm form, MarginalLogDensity flows, TimeGrid g, int n,
                                        Var xn, Var xNext, GaussianMoments m) {
        Var v = t.sub(flows.apply(t, xn, g.time(n)), flows.apply(t, xNext, g.time(n + 1)));
        return t.sub(v, form.increment(t, n, xn, xNext, m)).value();
    }
}
