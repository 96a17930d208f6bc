package org.girsanov.sde.check;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.BrownianPath;
import org.girsanov.sde.Checks;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.rnd.BackwardItoRnd;
import org.girsanov.sde.rnd.LogWeight;

/**
 * Δt → 0 consistency of the discrete objectives (Berner, Richter, Sendera, Rector-Brooks &amp; Malkin 2025,
 * arXiv 2501.06148, Thms 1 and 2; docs/math.md §5, §7.2–7.3).
 *
 * <p><b>Procedure.</b> Uniform grids {@code G_0, …, G_R} on {@code [0, T]}, {@code G_{ℓ+1} = G_ℓ.refine()},
 * {@code R = levels − 1 + referenceRefinements}. One {@link BrownianPath} per sample is drawn on {@code G_0}
 * and refined by the Brownian bridge to {@code G_R}; the forward Euler–Maruyama path is simulated on the
 * finest grid {@code G_R} from {@code X_0 ~ p_prior}, and observed on {@code G_ℓ} by taking every
 * {@code 2^{R−ℓ}}-th state. For each reported level {@code ℓ < levels}:
 * <ul>
 *   <li><b>error</b>: {@code |log w_ℓ(x) + RND(x)|} per path, where {@code log w_ℓ} is the discrete log-weight of
 *       docs/math.md §3 with Euler–Maruyama kernels on {@code G_ℓ} and {@code RND} is the backward-Itô Girsanov form
 *       ({@link BackwardItoRnd}) on the reference grid {@code G_R} (Thm 1: {@code −log w_ℓ → log dP→/dP← − log Z}).
 *       Mean and max over paths are reported; the fitted strong order is the least-squares slope of
 *       {@code log mean|err|} against {@code log Δt} ({@link ConvergenceOrder}).</li>
 *   <li><b>detailed-balance residual split</b> (only when the marginals {@code V_t = log p_t} are known).
 *       On each step of {@code G_ℓ}, from the observed {@code x_n} and the level's Brownian increment
 *       {@code ΔW_n}, form the antithetic pair {@code x^±_{n+1} = x_n + μ→(x_n,t_n)Δt_n ± σ(t_n)ΔW_n} and
 *       <pre>
 *   δ_n^± = V_n(x_n) + log p→_n(x^±_{n+1} | x_n) − V_{n+1}(x^±_{n+1}) − log p←_n(x_n | x^±_{n+1})
 *   δ_n^odd = (δ_n^+ − δ_n^−)/2,    δ_n^even = (δ_n^+ + δ_n^−)/2 .</pre>
 *       Taylor expansion gives {@code δ_n^odd = [(μ→ − μ←)/σ − σ∇V_n](x_n, t_n)·ΔW_n + O(Δt^{3/2})}: the part
 *       linear in the noise, of size {@code O(√Δt)}, vanishing for all {@code x} iff Nelson's identity
 *       {@code μ→ = μ← + σ²∇V} holds (Thm 2). The even part is the remainder, {@code O(Δt)}, whose
 *       expectation per unit time tends to the Fokker–Planck residual. Reported:
 *       <pre>
 *   nelson        = sqrt( (1/(T K)) Σ_n Σ_i (δ_{n,i}^odd)² )     → E∫|(μ→ − μ← − σ²∇V)/σ|² dt / T,  0 iff Nelson
 *   fokker_planck = | (1/(T K)) Σ_n Σ_i δ_{n,i}^even |           → 0 iff Fokker–Planck (and Nelson) hold</pre>
 *       For a matched pair {@code nelson = O(Δt)} and {@code fokker_planck → 0}; for a pair violating
 *       Nelson's identity {@code nelson} tends to a positive constant.</li>
 * </ul>
 */
public final class ConsistencyChecker {

    /** Settings: base steps {@code N_0}, reported levels, extra refinements of the reference, paths {@code K}, seed. */
    public record Config(int coarseSteps, int levels, int referenceRefinements, int paths, long seed) {
        public Config {
            Checks.atLeast("ConsistencyChecker", "coarseSteps", coarseSteps, 1);
            Checks.atLeast("ConsistencyChecker", "levels", levels, 2);
            Checks.atLeast("ConsistencyChecker", "referenceRefinements", referenceRefinements, 1);
            Checks.atLeast("ConsistencyChecker", "paths", paths, 1);
            if (levels - 1 + referenceRefinements > 16) {
                throw new IllegalArgumentException("ConsistencyChecker: levels - 1 + referenceRefinements = "
                        + (levels - 1 + referenceRefinements) + "; must be <= 16");
            }
        }

        /** 4 base steps, 5 levels, reference 2 refinements finer, 400 paths. */
        public static Config defaults(long seed) {
            return new Config(4, 5, 2, 400, seed);
        }
    }

    private ConsistencyChecker() {
    }

    /** Runs the refinement study of {@code pair}. */
    public static ConsistencyReport check(ProcessPair pair, Config cfg) {
        int d = pair.prior().dimension();
        int k = cfg.paths();
        int finest = cfg.levels() - 1 + cfg.referenceRefinements();
        TimeGrid[] grids = new TimeGrid[finest + 1];
        BrownianPath[] bm = new BrownianPath[finest + 1];
        grids[0] = TimeGrid.uniform(pair.horizon(), cfg.coarseSteps());
        bm[0] = BrownianPath.sample(grids[0], k, d, cfg.seed());
        for (int l = 1; l <= finest; l++) {
            grids[l] = grids[l - 1].refine();
            bm[l] = bm[l - 1].refine();
        }
        Tape tape = Tape.noGrad();
        DMatrixRMaj x0 = pair.prior().sample(k, RandomStreams.philox(cfg.seed(), 0, 1));
        Path fine = PathSimulator.forward(tape, new EulerMaruyamaForward(pair.forward(), grids[finest]), tape.constant(x0),
                NoiseSource.of(bm[finest], grids[finest]));
        DMatrixRMaj rnd = BackwardItoRnd.of(tape, fine, pair.forward(), pair.backward(), pair.prior(), pair.terminal()).value();

        List<ConsistencyReport.Level> levels = new ArrayList<>();
        double[] dts = new double[cfg.levels()];
        double[] errs = new double[cfg.levels()];
        for (int l = 0; l < cfg.levels(); l++) {
            int stride = 1 << (finest - l);
            List<Var> states = new ArrayList<>();
            for (int n = 0; n <= grids[l].steps(); n++) {
                states.add(fine.state(n * stride));
            }
            Path coarse = new Path(grids[l], states);
            EulerMaruyamaForward fwd = new EulerMaruyamaForward(pair.forward(), grids[l]);
            EulerMaruyamaBackward bwd = new EulerMaruyamaBackward(pair.backward(), grids[l]);
            DMatrixRMaj lw = LogWeight.of(tape, coarse, fwd, bwd, pair.prior(), pair.terminal()).value();
            double mean = 0;
            double max = 0;
            for (int i = 0; i < k; i++) {
                double e = Math.abs(lw.data[i] + rnd.data[i]);
                mean += e / k;
                max = Math.max(max, e);
            }
            double nelson = Double.NaN;
            double fp = Double.NaN;
            if (pair.hasMarginals()) {
                double[] split = residualSplit(tape, pair, coarse, fwd, bwd, bm[l]);
                nelson = split[0];
                fp = split[1];
            }
            dts[l] = grids[l].dt(0);
            errs[l] = mean;
            levels.add(new ConsistencyReport.Level(dts[l], mean, max, nelson, fp));
        }
        return new ConsistencyReport(pair.name(), k, levels, ConvergenceOrder.fit(dts, errs));
    }

    /** {@code {nelson, fokker_planck}} at one level (see the class comment). */
    static double[] residualSplit(Tape tape, ProcessPair pair, Path path, EulerMaruyamaForward fwd,
                                  EulerMaruyamaBackward bwd, BrownianPath bm) {
        TimeGrid g = path.grid();
        int k = path.rows();
        double odd2 = 0;
        double even = 0;
        for (int n = 0; n < g.steps(); n++) {
            Var xn = path.state(n);
            Var mean = fwd.mean(tape, xn, n);
            Var noise = tape.scale(tape.constant(bm.increment(n)), pair.forward().sigma(g.time(n)));
            DMatrixRMaj plus = residual(tape, pair, fwd, bwd, n, xn, tape.add(mean, noise));
            DMatrixRMaj minus = residual(tape, pair, fwd, bwd, n, xn, tape.sub(mean, noise));
            for (int i = 0; i < k; i++) {
                double o = 0.5 * (plus.data[i] - minus.data[i]);
                odd2 += o * o;
                even += 0.5 * (plus.data[i] + minus.data[i]);
            }
        }
        double norm = 1.0 / (pair.horizon() * k);
        return new double[] {Math.sqrt(odd2 * norm), Math.abs(even * norm)};
    }

    /** {@code δ_n = V_n(x_n) + log p→_n(x_{n+1}|x_n) − V_{n+1}(x_{n+1}) − log p←_n(x_n|x_{n+1})}. */
    public static DMatrixRMaj residual(Tape tape, ProcessPair pair, EulerMaruyamaForward fwd, EulerMaruyamaBackward bwd,
                                       int n, Var xn, Var xNext) {
        TimeGrid g = fwd.grid();
        Var vn = pair.marginals().apply(tape, xn, g.time(n));
        Var vn1 = pair.marginals().apply(tape, xNext, g.time(n + 1));
        Var d = tape.add(tape.sub(vn, vn1), tape.sub(fwd.logDensity(tape, xNext, xn, n), bwd.logDensity(tape, xn, xNext, n)));
        return d.value();
    }
}
