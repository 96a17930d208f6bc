package org.girsanov.samplers.pinn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PINN loss {@code (1/B) Σ R²}: its gradient in every parameter ({@code θ} of {@code b_θ}; {@code φ} of
 * {@code N_φ} and {@code c_φ}) against central finite differences, on a fixed replay buffer, with the exact
 * {@code ∇·b}, {@code Δu} and with Hutchinson (two probes, fixed by the iteration's stream); the loss has no
 * parameters of its own; the buffer's state restores the same loss bitwise.
 */
class PinnLossTest {
    static final int BATCH = 24;

    static TrainingBatch batch(Pinn model, long iteration, ChunkedExecutor ex) {
        return new TrainingBatch(model, BATCH, 8, Behaviour.onPolicy(), new RandomStreams(9), iteration, ex, 1.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void gradientMatchesCentralFiniteDifferences(int probes) {
        Pinn model = PinnFixtures.pinn(6, 31);
        PinnLoss loss = new PinnLoss(model, probes, 64, 1000, 32);
        assertTrue(loss.parameters().isEmpty(), "θ and φ are the sampler's");
        List<Parameter> all = new ArrayList<>(model.parameters());
        try (ChunkedExecutor ex = new ChunkedExecutor(2)) {
            loss.evaluate(batch(model, 0, ex)); // fills the buffer; iteration 1 does not refresh it
            Parameter.zeroGrads(all);
            double value = loss.evaluate(batch(model, 1, ex)).loss();
            assertTrue(value > 1e-3, "a perturbed instance must have a residual; loss " + value);
            double[] grad = Parameter.flatGradient(all);
            int offset = 0;
            double worst = 0;
            for (Parameter p : all) {
                for (int i = 0; i < Math.min(3, p.size()); i++) {
                    double keep = p.value().data[i];
                    double h = 1e-6;
                    p.value().data[i] = keep + h;
                    double up = loss.evaluate(batch(model, 1, ex)).loss();
                    p.value().data[i] = keep - h;
                    double down = loss.evaluate(batch(model, 1, ex)).loss();
                    p.value().data[i] = keep;
                    double fd = (up - down) / (2 * h);
                    double g = grad[offset + i];
                    worst = Math.max(worst, Math.abs(fd - g) / Math.max(1e-3, Math.abs(fd) + Math.abs(g)));
                    assertEquals(fd, g, 1e-5 * Math.max(1, Math.abs(fd)), p.name() + "[" + i + "]");
                }
                offset += p.size();
            }
            System.out.println(String.format(Locale.ROOT, "pinn loss (probes %d) %.5f; worst relative gradient error %.2e",
                    probes, value, worst));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void theBufferStateRestoresTheSameLoss(int probes) {
        Pinn model = PinnFixtures.pinn(6, 31);
        PinnLoss loss = new PinnLoss(model, probes, 16, 1000, 32);
        PinnLoss restored = new PinnLoss(model, probes, 16, 1000, 32);
        try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
            loss.evaluate(batch(model, 0, ex));
            loss.evaluate(batch(model, 1000, ex)); // a second refresh overwrites part of each ring
            restored.restoreState(loss.state());
            for (int n = 0; n <= 6; n++) {
                assertEquals(16, restored.buffer().size(n));
            }
            assertEquals(loss.evaluate(batch(model, 1001, ex)).loss(), restored.evaluate(batch(model, 1001, ex)).loss(),
                    0.0);
        }
    }
}
