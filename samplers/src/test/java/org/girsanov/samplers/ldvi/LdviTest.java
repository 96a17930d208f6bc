package org.girsanov.samplers.ldvi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.path.StreamedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LDVI against its mathematics: with {@code s_θ = 0} its log-weight is the uncorrected Hamiltonian AIS weight path by
 * path (computed here by hand from the states); {@code E[w] = Z} (Jarzynski) and {@code E[log w] ≤ log Z} on a Gaussian
 * target with a non-zero learned correction; the reparametrised KL gradient (through the leapfrogs, in {@code θ},
 * {@code log h}, {@code log γ}) against central differences; the leapfrog inverse; named errors.
 */
class LdviTest {
    static final GaussianTarget GAUSS = GaussianTarget.isotropic("gauss", new double[] {1.0, -0.5}, 0.5, 0.7);

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static FourierMlp correction(int d, double perturb, long seed) {
        FourierMlp net = new FourierMlp("s", 2 * d, d, 8, 1, rng(seed));
        NoiseSource noise = NoiseSource.of(rng(seed + 1));
        for (Parameter p : net.parameters()) {
            double[] z = noise.standardNormal(0, 1, p.size()).data;
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += perturb * z[i];
            }
        }
        return net;
    }

    static Ldvi ldvi(Target target, int steps, double perturb, double h, double gamma, boolean learn) {
        return new Ldvi(target, TimeGrid.uniform(1.0, steps), correction(target.dimension(), perturb, 5), h, gamma, 1.0,
                AnnealingSchedule.linear(), learn);
    }

    /** {@code log π̃_β(x) = (1 − β) log N(x; 0, I) + β log ρ(x)} per row, computed directly. */
    static double[] logTempered(Target target, DMatrixRMaj x, double beta) {
        Tape t = Tape.noGrad();
        double[] prior = IsotropicGaussian.centred(x.numCols, 1.0).logDensity(x);
        double[] rho = target.logDensity(t, t.constant(x)).value().data;
        double[] out = new double[x.numRows];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - beta) * prior[i] + beta * rho[i];
        }
        return out;
    }

    static double halfSquare(DMatrixRMaj v, int i) {
        double s = 0;
        for (int j = 0; j < v.numCols; j++) {
            s += v.get(i, j) * v.get(i, j);
        }
        return 0.5 * s;
    }

    /**
     * {@code Σ_k [log π̃_k(x_k) − log π̃_{k−1}(x_k)] + Σ_k [H_k(x_k, v'_k) − H_k(x_{k+1}, v'''_k)]}, {@code π̃_{−1} = p_prior},
     * from the states of the engine's path ({@code x_k, v'_k} at engine index {@code 3k+1}, {@code x_{k+1}, v'''_k} at
     * {@code 3k+2}).
     */
    static double[] hamiltonianAisWeight(Target target, Path path, TimeGrid annealing) {
        int rows = path.rows();
        double[] w = new double[rows];
        double previous = 0;
        for (int k = 0; k < annealing.steps(); k++) {
            double beta = (annealing.time(k + 1) - annealing.start()) / (annealing.end() - annealing.start());
            DMatrixRMaj before = path.value(3 * k + 1);
            DMatrixRMaj after = path.value(3 * k + 2);
            DMatrixRMaj x = PhaseSpaceTarget.positions(before);
            DMatrixRMaj vBefore = PhaseSpaceTarget.momenta(before);
            DMatrixRMaj xNext = PhaseSpaceTarget.positions(after);
            DMatrixRMaj vAfter = PhaseSpaceTarget.momenta(after);
            double[] now = logTempered(target, x, beta);
            double[] then = logTempered(target, x, previous);
            double[] end = logTempered(target, xNext, beta);
            for (int i = 0; i < rows; i++) {
                double energyBefore = -now[i] + halfSquare(vBefore, i);
                double energyAfter = -end[i] + halfSquare(vAfter, i);
                w[i] += now[i] - then[i] + energyBefore - energyAfter;
            }
            previous = beta;
        }
        return w;
    }

    @ParameterizedTest
    @CsvSource({"0.1, 1.0", "0.3, 0.5", "0.1, 60.0"})
    void withZeroCorrectionTheLogWeightIsTheUncorrectedHamiltonianAisWeightPathByPath(double h, double gamma) {
        GaussianMixture gmm = GaussianMixture.isotropic("two", new double[][] {{-1.0, 0.5}, {1.2, -0.3}}, 0.4,
                new double[] {0.4, 0.6});
        Ldvi m = ldvi(gmm, 7, 0.0, h, gamma, false);
        int rows = 50;
        UniformRandomProvider a = rng(3);
        Tape t = Tape.noGrad();
        DMatrixRMaj z0 = m.prior().sample(rows, a);
        Path path = PathSimulator.forward(t, m.forward(), t.constant(z0), NoiseSource.of(a));
        double[] expected = hamiltonianAisWeight(gmm, path, TimeGrid.uniform(1.0, 7));
        double[] lw = StreamedPaths.logWeights(m, rows, Behaviour.onPolicy(), null, rng(3)).logWeights();
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            worst = Math.max(worst, Math.abs(lw[i] - expected[i]));
            assertEquals(expected[i], lw[i], 1e-9 * (1 + Math.abs(expected[i])), "path " + i);
        }
        System.out.printf(Locale.ROOT, "LDVI s=0, h=%s, γ=%s (η=%.3f): |log w − UHA weight| <= %.2e over %d paths%n",
                h, gamma, Math.exp(-0.5 * h * gamma), worst, rows);
    }

    @Test
    void jarzynskiAndTheElboOnAGaussianTargetWithALearnedCorrection() {
        Ldvi m = ldvi(GAUSS, 20, 0.1, 0.3, 1.0, false);
        int k = 40000;
        double[] lw = StreamedPaths.logWeights(m, k, Behaviour.onPolicy(), null, rng(11)).logWeights();
        double logZ = GAUSS.logZ().getAsDouble();
        double mean = 0;
        double meanSq = 0;
        double elbo = 0;
        double elboSq = 0;
        for (double l : lw) {
            double r = Math.exp(l - logZ);
            mean += r / k;
            meanSq += r * r / k;
            elbo += l / k;
            elboSq += l * l / k;
        }
        double se = Math.sqrt((meanSq - mean * mean) / k);
        double elboSe = Math.sqrt((elboSq - elbo * elbo) / k);
        String msg = String.format(Locale.ROOT, "E[w]/Z = %.4f ± %.4f, ELBO = %.4f ± %.4f, log Z = %.4f", mean, se, elbo,
                elboSe, logZ);
        System.out.println("LDVI Gaussian: " + msg);
        assertTrue(Double.isFinite(se), "the weights must have a finite standard error: " + msg);
        assertEquals(1.0, mean, 4 * se, msg);
        assertTrue(se < 0.05, msg);
        assertTrue(elbo < logZ, msg);
    }

    /** The reparametrised KL objective {@code −mean log w} on fixed noise; its taped gradient when {@code backward}. */
    static double klObjective(Ldvi m, int rows, long seed, boolean backward) {
        Tape t = new Tape();
        StreamedPaths.TapedPaths p = StreamedPaths.simulateOnTape(m, t, rows, rng(seed));
        Var loss = t.scale(t.sum(p.logWeight()), -1.0 / rows);
        if (backward) {
            t.backward(loss);
        }
        return loss.value().data[0];
    }

    @Test
    void klGradientThroughTheLeapfrogsMatchesCentralDifferences() {
        GaussianMixture gmm = GaussianMixture.isotropic("two", new double[][] {{-1.0, 0.5}, {1.2, -0.3}}, 0.4,
                new double[] {0.4, 0.6});
        Ldvi m = ldvi(gmm, 4, 0.3, 0.2, 1.5, true);
        List<Parameter> ps = m.parameters();
        ps.forEach(Parameter::zeroGrad);
        klObjective(m, 12, 21, true);
        UniformRandomProvider pick = rng(10);
        double eps = 1e-5;
        double worst = 0;
        for (int k = 0; k < 14; k++) {
            Parameter p = k < 2 ? ps.get(ps.size() - 1 - k) : ps.get(pick.nextInt(ps.size()));
            int j = pick.nextInt(p.size());
            double g = p.grad().data[j];
            double v = p.value().data[j];
            p.value().data[j] = v + eps;
            double up = klObjective(m, 12, 21, false);
            p.value().data[j] = v - eps;
            double down = klObjective(m, 12, 21, false);
            p.value().data[j] = v;
            double fd = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(g - fd) / (1e-4 + Math.abs(fd)));
            assertEquals(fd, g, 1e-6 + 1e-5 * Math.abs(fd), p.name() + "[" + j + "]");
        }
        System.out.println("LDVI KL gradient vs central differences (θ, log h, log γ): worst relative error " + worst);
    }

    @Test
    void theBackwardLeapfrogInvertsTheForwardOne() {
        Ldvi m = ldvi(GAUSS, 3, 0.0, 0.3, 1.0, false);
        Tape t = Tape.noGrad();
        DMatrixRMaj z = m.prior().sample(20, rng(4));
        DMatrixRMaj noise = new DMatrixRMaj(20, 4);
        Var there = m.forward().step(t, t.constant(z), 4, noise);
        DMatrixRMaj back = m.backward().step(t, there, 4, noise).value();
        for (int i = 0; i < z.getNumElements(); i++) {
            assertEquals(z.data[i], back.data[i], 1e-12);
        }
    }

    /**
     * On a Gaussian level the leapfrog is the harmonic oscillator's, which conserves {@code |v|² + ω²(1 − h²ω²/4)|x|²}
     * exactly ({@code ∇log π = −ω² x}): here {@code π_k} of annealing step 1 of 3 is at {@code β = 2/3} between
     * {@code N(0, I)} and {@code N(0, ½ I)}, so {@code ω² = (1 − β) + 2β = 5/3}. A dropped or doubled half-kick, a
     * wrong level or a wrong sign breaks the invariant — independently of the sampler's own inverse.
     */
    @Test
    void theLeapfrogConservesTheHarmonicOscillatorsModifiedEnergy() {
        GaussianTarget narrow = GaussianTarget.isotropic("narrow", new double[] {0.0, 0.0}, 0.5, 0.0);
        double h = 0.45;
        Ldvi m = ldvi(narrow, 3, 0.0, h, 1.0, false);
        double w2 = (1 - 2.0 / 3) + 2.0 * 2 / 3;
        Tape t = Tape.noGrad();
        DMatrixRMaj z = new DMatrixRMaj(30, 4);
        NoiseSource noise = NoiseSource.of(rng(8));
        DMatrixRMaj draw = noise.standardNormal(0, 30, 4);
        z.setTo(draw);
        DMatrixRMaj after = m.forward().step(t, t.constant(z), 4, new DMatrixRMaj(30, 4)).value();
        double moved = 0;
        for (int i = 0; i < 30; i++) {
            double before = 0;
            double now = 0;
            for (int j = 0; j < 2; j++) {
                before += z.get(i, 2 + j) * z.get(i, 2 + j) + w2 * (1 - h * h * w2 / 4) * z.get(i, j) * z.get(i, j);
                now += after.get(i, 2 + j) * after.get(i, 2 + j) + w2 * (1 - h * h * w2 / 4) * after.get(i, j) * after.get(i, j);
                moved += Math.abs(after.get(i, j) - z.get(i, j));
            }
            assertEquals(before, now, 1e-12 * (1 + before), "row " + i);
        }
        assertTrue(moved > 1.0, "the leapfrog moved the positions: " + moved);
    }

    @Test
    void badArgumentsAreNamedWithTheirAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ldvi(GAUSS, 4, 0, 0.0, 1.0, false));
        assertTrue(e.getMessage().contains("step h = 0.0; must be finite and > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ldvi(GAUSS, 4, 0, Double.NaN, 1.0, false));
        assertTrue(e.getMessage().contains("step h = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ldvi(GAUSS, 4, 0, 0.1, -1.0, true));
        assertTrue(e.getMessage().contains("friction γ = -1.0; must be finite and > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ldvi(GAUSS, 4, 0, 0.1, 0.0, false));
        assertTrue(e.getMessage().contains("friction γ = 0.0"), e.getMessage());
        AnnealingSchedule flat = new AnnealingSchedule() {
            @Override
            public String name() {
                return "flat";
            }

            @Override
            public double beta(double s) {
                return Math.min(1.0, 2 * s) * (s < 0.3 || s > 0.6 ? 1 : 0.5);
            }
        };
        e = assertThrows(IllegalArgumentException.class, () -> new Ldvi(GAUSS, TimeGrid.uniform(1.0, 10),
                correction(2, 0, 1), 0.1, 1.0, 1.0, flat, false));
        System.out.println("non-increasing schedule: " + e.getMessage());
        assertTrue(e.getMessage().contains("flat"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ldvi(GAUSS, 4, 0, 0.1, 1.0, false)
                .withGrid(TimeGrid.uniform(1.0, 10)));
        assertTrue(e.getMessage().contains("10 steps; must be 3K"), e.getMessage());
        Ldvi wrongOutput = new Ldvi(GAUSS, TimeGrid.uniform(1.0, 4), new FourierMlp("s", 4, 3, 8, 1, rng(1)), 0.1, 1.0,
                1.0, AnnealingSchedule.linear(), false);
        e = assertThrows(IllegalArgumentException.class, () -> StreamedPaths.logWeights(wrongOutput, 5, Behaviour.onPolicy(),
                null, rng(2)));
        assertTrue(e.getMessage().contains("correction s_θ returned 5x3 for 5x4 states; must be 5x2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Ldvi(GAUSS, TimeGrid.uniform(1.0, 4),
                correction(2, 0, 1), 0.1, 1.0, 0.0, AnnealingSchedule.linear(), false));
        assertTrue(e.getMessage().contains("prior std s = 0.0; must be finite and > 0"), e.getMessage());
    }
}
