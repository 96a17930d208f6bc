package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.GradCheck;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.train.DivergenceForm;
import org.girsanov.samplers.train.LossKind;
import org.girsanov.samplers.train.SamplerKind;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.StreamedPaths;
import org.girsanov.sde.path.TransitionVisitor;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge's controlled-form log-weight (docs/math.md §5) against its kernel-ratio form (docs/math.md §3): equal for a
 * backward control constant in {@code x}, converging to each other as {@code Δt → 0} otherwise — and not
 * converging without the divergence term; Hutchinson unbiased and state-keyed; the divergence differentiable
 * with respect to the parameters; training deterministic across thread counts.
 */
class BridgeControlledFormTest {
    /** Not 1, so that a divergence term {@code ∇·(σv)} that lost its σ is seen. */
    static final double SIGMA = 0.7;
    static final GaussianTarget TARGET = TestPaths.gaussian(new double[] {0.5, -0.3}, 1.5, 0.0);
    /** A coordinate-mixing matrix, so the Jacobian of v is not diagonal (Hutchinson has variance). */
    static final DMatrixRMaj MIX = new DMatrixRMaj(2, 2, true, 0.9, -0.6, 0.4, 0.7);

    /** {@code u(x, t) = 0.8 tanh(x) + 0.3 t}. */
    static Control forward() {
        return control((t, x, time) -> t.add(t.scale(t.tanh(x), 0.8), t.full(x.rows(), x.cols(), 0.3 * time)));
    }

    /** {@code v(x, t) = tanh(x M) − 0.5 x + 0.2 t}: non-linear, coordinates mixed. */
    static Control backwardNonlinear() {
        return control((t, x, time) -> t.add(t.sub(t.tanh(t.matmul(x, t.constant(MIX))), t.scale(x, 0.5)),
                t.full(x.rows(), x.cols(), 0.2 * time)));
    }

    /**
     * {@code v = (0.4, −0.7)}: constant in {@code x} and {@code t} (the kernel ratio evaluates {@code v} at
     * {@code (x_{n+1}, t_{n+1})}, the controlled form at {@code (x_n, t_n)}).
     */
    static Control backwardConstantInX() {
        return control((t, x, time) -> {
            DMatrixRMaj c = new DMatrixRMaj(x.rows(), x.cols());
            for (int i = 0; i < x.rows(); i++) {
                c.set(i, 0, 0.4);
                c.set(i, 1, -0.7);
            }
            return t.add(t.scale(x, 0.0), t.constant(c));
        });
    }

    interface Field {
        Var apply(Tape t, Var x, double time);
    }

    static Control control(Field f) {
        return new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                return f.apply(t, x, time);
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }

    static Bridge bridge(Control u, Control v, int steps, DivergenceEstimator divergence) {
        return new Bridge(TARGET, TimeGrid.uniform(1.0, steps), u, v, SIGMA, 1.0, divergence);
    }

    /** Per path: Σ_n ℓ_n of the kernel-ratio form and of the controlled form, on the same forward paths. */
    static double[][] incrementSums(Control v, int steps, DivergenceEstimator divergence, int rows, long seed) {
        Bridge ratio = bridge(forward(), v, steps, null);
        Bridge controlled = bridge(forward(), v, steps, divergence);
        double[][] sums = new double[2][rows];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        StreamedPaths.visit(ratio, rows, Behaviour.onPolicy(), null, rng, false, new TransitionVisitor() {
            @Override
            public void transition(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                DMatrixRMaj a = ratio.logWeight().increment(t, n, xn, xNext, fwd).value();
                DMatrixRMaj b = controlled.logWeight().increment(t, n, xn, xNext, fwd).value();
                for (int i = 0; i < rows; i++) {
                    sums[0][i] += a.data[i];
                    sums[1][i] += b.data[i];
                }
            }
        });
        return sums;
    }

    static double meanAbsDifference(double[][] sums) {
        double s = 0;
        for (int i = 0; i < sums[0].length; i++) {
            s += Math.abs(sums[0][i] - sums[1][i]);
        }
        return s / sums[0].length;
    }

    @Test
    void forABackwardControlConstantInXBothFormsAgreePathByPath() {
        double[][] sums = incrementSums(backwardConstantInX(), 20, DivergenceEstimator.exact(), 200, 1);
        for (int i = 0; i < 200; i++) {
            assertEquals(sums[0][i], sums[1][i], 1e-10 * (1 + Math.abs(sums[0][i])), "path " + i);
        }
    }

    @Test
    void theFormsConvergeToEachOtherAsDtShrinksOnlyWithTheDivergenceTerm() {
        double coarse = meanAbsDifference(incrementSums(backwardNonlinear(), 16, DivergenceEstimator.exact(), 2000, 2));
        double fine = meanAbsDifference(incrementSums(backwardNonlinear(), 256, DivergenceEstimator.exact(), 2000, 3));
        // strong order ½: a 16× finer grid should shrink the gap about 4×
        assertTrue(fine < 0.5 * coarse, "gap N=16: " + coarse + ", N=256: " + fine);

        DivergenceEstimator none = (t, g, x) -> t.full(x.rows(), 1, 0.0);
        double coarseNoDiv = meanAbsDifference(incrementSums(backwardNonlinear(), 16, none, 2000, 2));
        double fineNoDiv = meanAbsDifference(incrementSums(backwardNonlinear(), 256, none, 2000, 3));
        assertTrue(fineNoDiv > 0.7 * coarseNoDiv && fineNoDiv > 5 * fine,
                "without ∇·v the gap must not vanish: N=16: " + coarseNoDiv + ", N=256: " + fineNoDiv + " (with: " + fine + ")");
    }

    @Test
    void keyedHutchinsonIsUnbiasedAndRepeatsForTheSameState() {
        int rows = 32;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4);
        DMatrixRMaj xn = NoiseSource.of(rng).standardNormal(0, rows, 2);
        DMatrixRMaj xNext = NoiseSource.of(rng).standardNormal(0, rows, 2);
        Bridge exact = bridge(forward(), backwardNonlinear(), 10, DivergenceEstimator.exact());
        double[] target = increments(exact, xn, xNext);
        int seeds = 400;
        double[] mean = new double[rows];
        double[] sq = new double[rows];
        for (int s = 0; s < seeds; s++) {
            double[] h = increments(bridge(forward(), backwardNonlinear(), 10,
                    DivergenceEstimator.hutchinsonKeyed(1, Probe.RADEMACHER, s)), xn, xNext);
            for (int i = 0; i < rows; i++) {
                mean[i] += h[i] / seeds;
                sq[i] += h[i] * h[i] / seeds;
            }
        }
        double spread = 0;
        for (int i = 0; i < rows; i++) {
            double se = Math.sqrt((sq[i] - mean[i] * mean[i]) / (seeds - 1));
            spread = Math.max(spread, se);
            assertTrue(Math.abs(mean[i] - target[i]) < 5 * se + 1e-12,
                    "row " + i + ": Hutchinson mean " + mean[i] + " vs exact " + target[i] + " (se " + se + ")");
        }
        assertTrue(spread > 1e-4, "the probes must actually vary with the seed (Jacobian not diagonal)");
        Bridge keyed = bridge(forward(), backwardNonlinear(), 10, DivergenceEstimator.hutchinsonKeyed(1, Probe.RADEMACHER, 9));
        assertArrayEquals(increments(keyed, xn, xNext), increments(keyed, xn, xNext), "same state, same probes");
    }

    static double[] increments(Bridge b, DMatrixRMaj xn, DMatrixRMaj xNext) {
        Tape t = Tape.noGrad();
        Var x = t.constant(xn);
        return b.logWeight().increment(t, 3, x, t.constant(xNext), b.forward().moments(t, x, 3)).value().data.clone();
    }

    @Test
    void theControlledLogWeightIsDifferentiableInTheBackwardParametersThroughTheDivergence() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        FourierMlp net = new FourierMlp("v", 2, 2, 8, 1, rng);
        for (Parameter p : net.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += 0.4 * (rng.nextDouble() - 0.5);
            }
        }
        Bridge b = bridge(forward(), net, 10, DivergenceEstimator.exact());
        DMatrixRMaj xn = NoiseSource.of(rng).standardNormal(0, 6, 2);
        DMatrixRMaj xNext = NoiseSource.of(rng).standardNormal(0, 6, 2);
        GradCheck.Result r = GradCheck.parameters(t -> {
            Var x = t.constant(xn);
            return t.mean(b.logWeight().increment(t, 4, x, t.constant(xNext), b.forward().moments(t, x, 4)));
        }, 1e-5, net.parameters().toArray(new Parameter[0]));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void configNamesTheAllowedFormsAndKeepsThemToTheBridge() {
        TrainingConfig bridge = TrainingConfig.defaults("gmm9", SamplerKind.BRIDGE, LossKind.LV);
        assertEquals("none", bridge.divergence().toString());
        assertEquals("hutchinson:3", TrainingConfig.fromMap(bridge.toBuilder().divergence(DivergenceForm.hutchinson(3)).build().toMap()).divergence()
                .toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> bridge.toBuilder().divergence(DivergenceForm.parse("hutchinson:0")).build());
        assertTrue(bad.getMessage().contains("allowed: none, exact, hutchinson"), bad.getMessage());
        IllegalArgumentException pis = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults("gmm9", SamplerKind.PIS, LossKind.LV).toBuilder().divergence(DivergenceForm.EXACT).build());
        assertTrue(pis.getMessage().contains("bridge, nets and pinn samplers only"), pis.getMessage());
    }

    @Test
    void trainingWithKeyedHutchinsonIsBitwiseEqualForOneAndTwoThreads() {
        assertArrayEquals(parametersAfterTwoSteps(1), parametersAfterTwoSteps(2));
    }

    static long[] parametersAfterTwoSteps(int threads) {
        TrainingConfig c = TrainingConfig.defaults("gmm9", SamplerKind.BRIDGE, LossKind.LV).withBatch(128).withSteps(6)
                .toBuilder().divergence(DivergenceForm.hutchinson(2)).build().withThreads(threads);
        try (Trainer t = new Trainer(c, GridMixture.gmm9())) {
            assertTrue(Double.isFinite(t.step().loss()));
            assertTrue(Double.isFinite(t.step().loss()));
            return t.parameters().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.value().data))
                    .mapToLong(Double::doubleToRawLongBits).toArray();
        }
    }
}
