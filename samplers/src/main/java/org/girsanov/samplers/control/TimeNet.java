package org.girsanov.samplers.control;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.SharedLeaves;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.FourierTimeEmbedding;
import org.girsanov.autodiff.nn.Linear;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Module;
import org.girsanov.autodiff.nn.Parameter;

/**
 * A network of time alone, {@code NN(t) = MLP_GELU([sin(ωt + φ), cos(ωt + φ)])} ({@code 1 × out}), whose
 * output layer starts at weight 0 and bias {@code b0} — the PIS reference's {@code TimeConder}, which
 * starts the Langevin coefficient at {@code 0.01}.
 */
public final class TimeNet implements Module {
    private final FourierTimeEmbedding embedding;
    private final Mlp mlp;
    private final String name;
    private final SharedLeaves.TimeFunction function = this::network;

    public TimeNet(String name, int outDim, int width, int layers, double initialBias, UniformRandomProvider rng) {
        this.name = name;
        this.embedding = new FourierTimeEmbedding(name + ".time", width, rng);
        int[] sizes = new int[layers + 2];
        sizes[0] = 2 * width;
        for (int i = 1; i <= layers; i++) {
            sizes[i] = width;
        }
        sizes[layers + 1] = outDim;
        this.mlp = new Mlp(name + ".mlp", sizes, Activation.GELU, rng, true);
        Linear last = mlp.layers().get(mlp.layers().size() - 1);
        java.util.Arrays.fill(last.bias().value().data, 0, outDim, initialBias);
    }

    /** {@code NN(t)}, {@code 1 × out}: once per pass and time where the tape shares it ({@link Tape#shared}). */
    public Var apply(Tape t, double time) {
        return t.shared(name, time, function);
    }

    private Var network(Tape t, double time) {
        return mlp.apply(t, embedding.apply(t, t.scalar(time)));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>(embedding.namedParameters());
        all.putAll(mlp.namedParameters());
        return all;
    }
}
