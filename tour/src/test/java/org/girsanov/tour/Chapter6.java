package org.girsanov.tour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.autodiff.optim.GradClip;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.control.LangevinControl;
import org.girsanov.samplers.control.TimeNet;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.losses.KlLoss;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.girsanov.sde.path.StreamedPaths;

/** Chapter 6 (docs/tour/06-pis.md): PIS trained with KL and with LV on a 9-mode mixture, and where the samples go. */
public final class Chapter6 {
    /** Nine equal modes N(m, 0.3 I), m ∈ {−4, 0, 4}², normalised (log Z = 0). */
    static final GaussianMixture TARGET = GridMixture.grid("grid9", new double[] {-4, 0, 4}, 0.3);
    static final int STEPS = 20;
    static final int ITERATIONS = 200;
    static final int BATCH = 64;
    static final int SAMPLES = 2000;

    /** A training run: the loss, and the behaviour's initial noise scale κ (decaying to 1 at half-time; 1 = on-policy). */
    record Run(String name, Loss loss, double kappa) {
    }

    /** PIS: dX = σ u_θ(X, t) dt + σ dW from X_0 = 0, σ = √0.2, T = 5, with u_θ = NN(x, t) + NN(t) ⊙ ∇log ρ(x). */
    static Pis pis(long seed) {
        UniformRandomProvider rng = RandomStreams.philox(seed, 0, 0);
        LangevinControl u = new LangevinControl(new FourierMlp("u", 2, 2, 32, 1, rng),
                new TimeNet("u.langevin", 2, 32, 1, 0.01, rng), TARGET, 100.0);
        return new Pis(TARGET, TimeGrid.uniform(5.0, STEPS), u, Math.sqrt(0.2));
    }

    /** Adam (learning rate 0.01) on the loss's gradient, its norm clipped at 10; batch i from its own seeded stream. */
    static Pis train(Run run, long seed) {
        Pis model = pis(seed);
        List<Parameter> params = new ArrayList<>(model.parameters());
        params.addAll(run.loss().parameters());
        Adam adam = new Adam(params, 1e-2);
        RandomStreams streams = new RandomStreams(seed);
        try (ChunkedExecutor oneThread = new ChunkedExecutor(1)) {
            for (int i = 0; i < ITERATIONS; i++) {
                double kappa = 1 + (run.kappa() - 1) * Math.max(0, 1 - i / (ITERATIONS / 2.0));
                Behaviour behaviour = kappa > 1 ? Behaviour.explore(kappa) : Behaviour.onPolicy();
                adam.zeroGrad();
                run.loss().evaluate(new TrainingBatch(model, BATCH, BATCH, behaviour, streams, i, oneThread, 1.0));
                GradClip.clipGlobalNorm(params, 10.0);
                adam.step();
            }
        }
        return model;
    }

    public static void run(PrintStream out, Path images) throws IOException {
        out.printf(Locale.ROOT, "9 modes at {-4, 0, 4}^2 (log Z = 0); PIS, %d steps on [0, 5], %d iterations of %d paths%n",
                STEPS, ITERATIONS, BATCH);
        Run[] runs = {new Run("KL", new KlLoss(), 1), new Run("LV", new LogVarianceLoss(), 1),
            new Run("LV, exploring (kappa 2 -> 1)", new LogVarianceLoss(), 2)};
        List<DMatrixRMaj> samples = new ArrayList<>();
        for (Run run : runs) {
            Pis model = train(run, 1);
            StreamedPaths.LogWeights lw = StreamedPaths.logWeights(model, SAMPLES, Behaviour.onPolicy(), null,
                    RandomStreams.philox(99, 0, 0));
            DMatrixRMaj x = lw.endPoints();
            samples.add(x);
            int[][] counts = new int[3][3];   // [x index][y index] of the nearest mode
            for (int i = 0; i < SAMPLES; i++) {
                counts[nearest(x.get(i, 0))][nearest(x.get(i, 1))]++;
            }
            double elbo = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : lw.logWeights()) {
                elbo += v / SAMPLES;
                max = Math.max(max, v);
            }
            double sum = 0;
            double sum2 = 0;
            for (double v : lw.logWeights()) {
                sum += Math.exp(v - max);
                sum2 += Math.exp(2 * (v - max));
            }
            int covered = 0;
            out.printf(Locale.ROOT, "%n%s: ELBO %.3f, log Z estimate %.3f, ESS %.3f; samples per mode:%n", run.name(), elbo,
                    max + Math.log(sum / SAMPLES), sum * sum / (SAMPLES * sum2));
            for (int row = 2; row >= 0; row--) {
                out.printf(Locale.ROOT, "  %5d %5d %5d%n", counts[0][row], counts[1][row], counts[2][row]);
                for (int col = 0; col < 3; col++) {
                    covered += counts[col][row] >= SAMPLES / 100 ? 1 : 0;
                }
            }
            out.printf(Locale.ROOT, "  modes holding at least 1%% of the %d samples: %d of 9%n", SAMPLES, covered);
        }
        draw(samples, images.resolve("06-pis.png"));
    }

    /** The index of the nearest mode coordinate in {−4, 0, 4}. */
    static int nearest(double c) {
        return c < -2 ? 0 : c < 2 ? 1 : 2;
    }

    /** One panel per run: the target's density in grey, the samples as coloured pixels (no text: pixels only). */
    static void draw(List<DMatrixRMaj> samples, Path file) throws IOException {
        int size = 160;
        int gap = 8;
        double half = 7;
        double scale = size / (2 * half);
        BufferedImage img = new BufferedImage(samples.size() * (size + gap) - gap, size, BufferedImage.TYPE_INT_RGB);
        DMatrixRMaj pixels = new DMatrixRMaj(size * size, 2);
        for (int k = 0; k < size * size; k++) {
            pixels.set(k, 0, -half + (k % size + 0.5) / scale);
            pixels.set(k, 1, half - (k / size + 0.5) / scale);
        }
        Tape t = Tape.noGrad();
        double[] logRho = TARGET.logDensity(t, t.constant(pixels)).value().data;
        int[] colours = {0x1f4e9a, 0xc0392b, 0x1e8449};
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < size; y++) {
                img.setRGB(x, y, 0xffffff);
            }
        }
        for (int p = 0; p < samples.size(); p++) {
            int x0 = p * (size + gap);
            for (int k = 0; k < size * size; k++) {
                int g = 255 - (int) Math.round(70 * Math.min(1, Math.exp(logRho[k] + 2.8)));
                img.setRGB(x0 + k % size, k / size, (g << 16) | (g << 8) | g);
            }
            DMatrixRMaj s = samples.get(p);
            for (int i = 0; i < s.numRows; i++) {
                int px = (int) Math.floor((s.get(i, 0) + half) * scale);
                int py = (int) Math.floor((half - s.get(i, 1)) * scale);
                if (px >= 0 && px < size && py >= 0 && py < size) {
                    img.setRGB(x0 + px, py, colours[p]);
                }
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    public static void main(String[] args) throws IOException {
        run(System.out, Path.of("docs/tour/img"));
    }
}
