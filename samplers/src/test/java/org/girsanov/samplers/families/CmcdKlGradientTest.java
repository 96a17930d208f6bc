package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.StreamedPaths;
import org.junit.jupiter.api.Test;

/**
 * The KL loss of CMCD keeps the path on the tape, so its gradient flows through {@code x_{n+1}(θ)} and with it
 * through the score {@code ∇log π_t(x_{n+1})} of both kernels (a Hessian–vector product,
 * {@link org.girsanov.samplers.annealed.AnnealingPath#score}). On fixed noise the objective
 * {@code −mean log w(θ)} is a smooth function of {@code θ}: its taped gradient must equal central differences.
 */
class CmcdKlGradientTest {

    /** The reparametrised KL objective {@code −mean log w} on fixed noise, and its taped gradient. */
    static double klObjective(Cmcd m, int rows, long seed, boolean backward) {
        Tape t = new Tape();
        StreamedPaths.TapedPaths p = StreamedPaths.simulateOnTape(m, t, rows, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        Var loss = t.scale(t.sum(p.logWeight()), -1.0 / rows);
        if (backward) {
            t.backward(loss);
        }
        return loss.value().data[0];
    }

    @Test
    void klGradientThroughTheSolverMatchesFiniteDifferences() {
        GaussianMixture gmm = GaussianMixture.isotropic("two", new double[][] {{-1.0, 0.5}, {1.2, -0.3}}, 0.4,
                new double[] {0.4, 0.6});
        FourierMlp net = new FourierMlp("f", 2, 2, 6, 1, rng(8));
        perturb(net.parameters(), 0.4, 9);
        Cmcd m = new Cmcd(gmm, TimeGrid.uniform(1.0, 6), net, 1.0, 1.0);
        List<Parameter> ps = net.parameters();
        ps.forEach(Parameter::zeroGrad);
        klObjective(m, 16, 21, true);
        UniformRandomProvider pick = rng(10);
        double h = 1e-5;
        double worst = 0;
        for (int k = 0; k < 12; k++) {
            Parameter p = ps.get(pick.nextInt(ps.size()));
            int j = pick.nextInt(p.size());
            double g = p.grad().data[j];
            double v = p.value().data[j];
            p.value().data[j] = v + h;
            double up = klObjective(m, 16, 21, false);
            p.value().data[j] = v - h;
            double down = klObjective(m, 16, 21, false);
            p.value().data[j] = v;
            double fd = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(g - fd) / (1e-4 + Math.abs(fd)));
            assertEquals(fd, g, 1e-6 + 1e-5 * Math.abs(fd), p.name() + "[" + j + "]");
        }
        System.out.println("KL gradient vs finite differences: worst relative error " + worst);
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static void perturb(List<Parameter> ps, double scale, long seed) {
        NoiseSource noise = NoiseSource.of(rng(seed));
        for (Parameter p : ps) {
            double[] z = noise.standardNormal(0, 1, p.size()).data;
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += scale * z[i];
            }
        }
    }
}
