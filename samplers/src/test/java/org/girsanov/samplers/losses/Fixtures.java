package org.girsanov.samplers.losses;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.families.TestPaths;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.sde.path.NoiseSource;

/** Small models with non-trivial (perturbed) weights, and gradient bookkeeping. */
final class Fixtures {
    private Fixtures() {
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Adds {@code N(0, scale²)} to every weight (the zero-initialised output layers included). */
    static void perturb(List<Parameter> ps, double scale, long seed) {
        double[] z = NoiseSource.of(rng(seed)).standardNormal(0, 1, 100000).data;
        int k = 0;
        for (Parameter p : ps) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += scale * z[k++ % z.length];
            }
        }
    }

    /** PIS with a small Fourier MLP control, weights perturbed. */
    static Pis pis(Target target, int steps, int width, long seed) {
        FourierMlp net = new FourierMlp("u", target.dimension(), target.dimension(), width, 1, rng(seed));
        perturb(net.parameters(), 0.3, seed + 1);
        return new Pis(target, TimeGrid.uniform(TestPaths.HORIZON, steps), net, TestPaths.SIGMA);
    }

    /** A perturbed Fourier-MLP log-flow with {@code log Z_θ = 0.3}. */
    static LogFlow flow(int d, int width, long seed) {
        FourierMlp net = new FourierMlp("F", d, 1, width, 1, rng(seed));
        perturb(net.parameters(), 0.3, seed + 1);
        LogFlow f = new LogFlow(net, "F.logZ");
        f.logZ().value().data[0] = 0.3;
        return f;
    }

    static List<Parameter> all(Sampler m, Loss l) {
        List<Parameter> ps = new ArrayList<>(m.parameters());
        ps.addAll(l.parameters());
        return ps;
    }

    static void zero(List<Parameter> ps) {
        Parameter.zeroGrads(ps);
    }

    static double[] grads(List<Parameter> ps) {
        return Parameter.flatGradient(ps);
    }

    /** Zeroes the gradients, evaluates {@code loss} on one batch and returns (gradient, loss value). */
    static LossValue evaluate(Sampler m, Loss loss, int batch, int chunk, long seed, long iteration, int threads,
                              Behaviour behaviour) {
        return evaluate(m, loss, batch, chunk, seed, iteration, threads, behaviour, null);
    }

    /** As above, with the first pass kept in {@code memory} when it decides so (null: streamed). */
    static LossValue evaluate(Sampler m, Loss loss, int batch, int chunk, long seed, long iteration, int threads,
                              Behaviour behaviour, PathMemory memory) {
        zero(all(m, loss));
        try (ChunkedExecutor ex = new ChunkedExecutor(threads)) {
            return loss.evaluate(new TrainingBatch(m, batch, chunk, behaviour, new RandomStreams(seed), iteration, ex, 1.0,
                    memory));
        }
    }

    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
