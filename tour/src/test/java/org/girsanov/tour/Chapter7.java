package org.girsanov.tour;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.autodiff.optim.GradClip;
import org.girsanov.autodiff.optim.LearningRateSchedule;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.control.LangevinControl;
import org.girsanov.samplers.control.TimeNet;
import org.girsanov.samplers.exploration.LocalSearch;
import org.girsanov.samplers.exploration.ReplayBuffer;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.losses.TrajectoryBalanceLoss;
import org.girsanov.samplers.targets.ForwardingTarget;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.sde.path.StreamedPaths;

/** Chapter 7 (docs/tour/07-off-policy.md): trajectory balance with a learned log Z, exploration and a replay buffer. */
public final class Chapter7 {
    static final double LOG_Z = 2.0;
    /** ρ = e² × (nine equal modes N(m, 0.3 I), m ∈ {−4, 0, 4}²), so log Z = 2. */
    static final Target TARGET = new ForwardingTarget(GridMixture.grid("grid9", new double[] {-4, 0, 4}, 0.3)) {
        @Override
        public Var logDensity(Tape tape, Var x) {
            return inner.logDensity(tape, x).addScalar(LOG_Z);
        }

        @Override
        public OptionalDouble logZ() {
            return OptionalDouble.of(LOG_Z);
        }
    };
    static final int ITERATIONS = 200;
    static final int BATCH = 64;

    /** How a run chooses its paths: initial exploration κ (decaying to 1 at half-time), and every how many iterations replay. */
    record Run(String name, double kappa, int replayEvery) {
    }

    static Pis pis(long seed) {
        UniformRandomProvider rng = RandomStreams.philox(seed, 0, 0);
        LangevinControl u = new LangevinControl(new FourierMlp("u", 2, 2, 32, 1, rng),
                new TimeNet("u.langevin", 2, 32, 1, 0.01, rng), TARGET, 100.0);
        return new Pis(TARGET, TimeGrid.uniform(5.0, 20), u, Math.sqrt(0.2));
    }

    static void train(Run run, PrintStream out) {
        Pis model = pis(1);
        TrajectoryBalanceLoss tb = new TrajectoryBalanceLoss();   // (log w − log Z_θ)², log Z_θ starting at 0
        List<Parameter> params = new ArrayList<>(model.parameters());
        params.add(tb.logZ());
        double[] lrScale = new double[params.size()];
        java.util.Arrays.fill(lrScale, 1.0);
        lrScale[params.size() - 1] = 10;   // log Z_θ must travel as far as log Z; the weights only adjust
        Adam adam = new Adam(params, LearningRateSchedule.constant(1e-2), lrScale);
        RandomStreams streams = new RandomStreams(1);
        ReplayBuffer buffer = new ReplayBuffer(8 * BATCH, 2, BATCH);   // ranked by log ρ, best sampled most
        LocalSearch mala = new LocalSearch(0.05, 10, 20);
        StringBuilder trace = new StringBuilder();
        int backward = 0;
        try (ChunkedExecutor oneThread = new ChunkedExecutor(1)) {
            for (int i = 0; i < ITERATIONS; i++) {
                double kappa = 1 + (run.kappa() - 1) * Math.max(0, 1 - i / (ITERATIONS / 2.0));
                Behaviour behaviour = kappa > 1 ? Behaviour.explore(kappa) : Behaviour.onPolicy();
                if (run.replayEvery() > 0) {
                    // feed the buffer with end points of explored forward paths, scored by log ρ; refresh it by MALA
                    DMatrixRMaj ends = StreamedPaths.logWeights(model, BATCH, behaviour, null, streams.stream(i, 0, 5)).endPoints();
                    Tape free = Tape.noGrad();
                    buffer.add(ends, TARGET.logDensity(free, free.constant(ends)).value().data.clone());
                    if (i % 10 == 9) {
                        mala.refresh(buffer, TARGET, streams.stream(i, 0, 6));
                    }
                    if (i % run.replayEvery() == run.replayEvery() - 1 && buffer.size() >= 2 * BATCH) {
                        behaviour = Behaviour.backwardFrom(buffer.sample(BATCH, streams.stream(i, 0, 7)));
                        backward++;
                    }
                }
                adam.zeroGrad();
                tb.evaluate(new TrainingBatch(model, BATCH, BATCH, behaviour, streams, i, oneThread, 1.0));
                GradClip.clipGlobalNorm(params, 10.0);
                adam.step();
                if (i % 50 == 49) {
                    trace.append(String.format(Locale.ROOT, " %6.3f", tb.logZ().value().get(0, 0)));
                }
            }
        }
        StreamedPaths.LogWeights lw = StreamedPaths.logWeights(model, 2000, Behaviour.onPolicy(), null, RandomStreams.philox(99, 0, 0));
        int[] counts = new int[9];
        for (int i = 0; i < 2000; i++) {
            double x = lw.endPoints().get(i, 0);
            double y = lw.endPoints().get(i, 1);
            counts[(x < -2 ? 0 : x < 2 ? 1 : 2) * 3 + (y < -2 ? 0 : y < 2 ? 1 : 2)]++;
        }
        int covered = 0;
        for (int c : counts) {
            covered += c >= 20 ? 1 : 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        double elbo = 0;
        for (double v : lw.logWeights()) {
            max = Math.max(max, v);
            elbo += v / 2000;
        }
        double sum = 0;
        for (double v : lw.logWeights()) {
            sum += Math.exp(v - max);
        }
        out.printf(Locale.ROOT, "%n%s%s%n", run.name(), backward > 0 ? " (" + backward + " backward batches)" : "");
        out.printf(Locale.ROOT, "  log Z_theta after 50, 100, ... iterations:%s%n", trace);
        out.printf(Locale.ROOT, "  modes with 1%% of 2000 samples: %d of 9; ELBO %.3f; importance log Z %.3f; true log Z %.1f%n",
                covered, elbo, max + Math.log(sum / 2000), LOG_Z);
    }

    public static void run(PrintStream out) {
        out.printf(Locale.ROOT, "rho = e^2 x 9 modes at {-4, 0, 4}^2; PIS trained with TB, %d iterations of %d paths%n",
                ITERATIONS, BATCH);
        train(new Run("on-policy", 1, 0), out);
        train(new Run("exploring (kappa 2 -> 1)", 2, 0), out);
        train(new Run("exploring + replay buffer every 3rd iteration", 2, 3), out);
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
