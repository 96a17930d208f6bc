package org.girsanov.samplers.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.SharedLeaves;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.FourierTimeEmbedding;
import org.girsanov.autodiff.nn.Init;
import org.girsanov.autodiff.nn.Linear;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Module;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.nn.Precision;

/**
 * The Fourier-feature MLP of the PIS reference code (Zhang &amp; Chen ICLR 2022; used by Richter &amp;
 * Berner ICLR 2024 for every sampler):
 * <pre>
 *   NN(x, t) = L_out ∘ (GELU ∘ L)^{layers} ∘ GELU ( W_in x + b_in + T(t) ),
 *   T(t)     = MLP_GELU( [sin(ωt + φ), cos(ωt + φ)] ),   ω = linspace(0.1, 100, width),
 * </pre>
 * with the output layer initialised to zero (so the initial control is 0). The time features are
 * computed once per time and broadcast over the batch. In {@link Precision#FLOAT32} the input embedding and the
 * hidden layers, {@code (GELU ∘ L)^{layers} ∘ GELU(W_in x + b_in + T(t))}, run as one single-precision op
 * ({@code Tape.geluStack32}); the time network and {@code L_out} stay double.
 */
public final class FourierMlp implements Module, Control {
    private final String name;
    private final FourierTimeEmbedding embedding;
    private final Mlp timeNet;
    private final Linear inputEmbed;
    private final Mlp body;
    private final Precision precision;
    private final SharedLeaves.TimeFunction timeFunction = this::timeNetwork;

    /**
     * @param inDim  input dimension {@code d}
     * @param outDim output dimension
     * @param width  hidden width (64 in the reference protocol)
     * @param layers hidden layers after the embedding (2 in the reference protocol)
     */
    public FourierMlp(String name, int inDim, int outDim, int width, int layers, UniformRandomProvider rng) {
        this(name, inDim, outDim, width, layers, Precision.FLOAT64, rng);
    }

    /** As above, with the body's hidden layers in {@code precision} (the same parameters and initial values). */
    public FourierMlp(String name, int inDim, int outDim, int width, int layers, Precision precision, UniformRandomProvider rng) {
        if (inDim < 1 || outDim < 1 || width < 1 || layers < 0) {
            throw new IllegalArgumentException("FourierMlp '" + name + "': need inDim, outDim, width >= 1 and layers >= 0; got "
                    + inDim + ", " + outDim + ", " + width + ", " + layers);
        }
        this.name = name;
        this.precision = java.util.Objects.requireNonNull(precision, "precision");
        this.embedding = new FourierTimeEmbedding(name + ".time", width, rng);
        this.timeNet = new Mlp(name + ".timeNet", new int[] {2 * width, width, width}, Activation.GELU, rng, false);
        this.inputEmbed = new Linear(name + ".input", inDim, width, Init.forActivation(Activation.GELU), rng);
        int[] sizes = new int[layers + 2];
        for (int i = 0; i <= layers; i++) {
            sizes[i] = width;
        }
        sizes[layers + 1] = outDim;
        this.body = new Mlp(name + ".body", sizes, Activation.GELU, rng, true);
    }

    /** The time features {@code T(t)} ({@code 1 × width}), once per pass and time where the tape shares them ({@link Tape#shared}). */
    public Var timeFeatures(Tape t, double time) {
        return t.shared(name + ".T", time, timeFunction);
    }

    private Var timeNetwork(Tape t, double time) {
        return timeNet.apply(t, embedding.apply(t, t.scalar(time)));
    }

    @Override
    public Var apply(Tape t, Var x, double time) {
        if (precision == Precision.FLOAT64) {
            Var h = inputEmbed.apply(t, x, timeFeatures(t, time)); // x W + 1(b + T(t))ᵀ, one node
            return body.apply(t, t.gelu(h));
        }
        // the same layers as one float32 op: GELU(x W + 1(b + T(t))ᵀ), then the body's hidden layers, then L_out in double
        List<Linear> layers = body.layers();
        final int m = layers.size() - 1;
        Var[] w = new Var[m + 1];
        Var[] b = new Var[m + 1];
        w[0] = t.param(inputEmbed.weight());
        b[0] = t.add(t.param(inputEmbed.bias()), timeFeatures(t, time));
        for (int l = 0; l < m; l++) {
            w[l + 1] = t.param(layers.get(l).weight());
            b[l + 1] = t.param(layers.get(l).bias());
        }
        return layers.get(m).apply(t, t.geluStack32(x, w, b));
    }

    public Precision precision() {
        return precision;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        all.putAll(embedding.namedParameters());
        all.putAll(timeNet.namedParameters());
        all.putAll(inputEmbed.namedParameters());
        all.putAll(body.namedParameters());
        return all;
    }

    @Override
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    public String name() {
        return name;
    }
}
