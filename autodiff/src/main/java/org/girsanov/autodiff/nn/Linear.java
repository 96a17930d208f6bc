package org.girsanov.autodiff.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * An affine layer {@code y = x W + 1 bᵀ} on a batch {@code x} ({@code n × in}, rows = samples), with
 * {@code W} ({@code in × out}) drawn by an {@link Init} and {@code b} ({@code 1 × out}) zero.
 * Parameters are named {@code name + ".W"} and {@code name + ".b"}.
 */
public final class Linear implements Module {
    private final String name;
    private final Parameter weight;
    private final Parameter bias;

    public Linear(String name, int in, int out, Init init, UniformRandomProvider rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear '" + name + "': in = " + in + ", out = " + out + "; both must be >= 1");
        }
        this.name = name;
        this.weight = new Parameter(name + ".W", init.sample(in, out, rng));
        this.bias = new Parameter(name + ".b", 1, out);
    }

    /**
     * {@code x W + 1(b + s)ᵀ}: the layer with its bias shifted by the row {@code shift} ({@code 1 × out}), in
     * one fused node — what {@code add(apply(x), shift)} computes, without a broadcast add over the batch
     * (rounded as {@code b + s} first).
     */
    public Var apply(Tape t, Var x, Var shift) {
        if (x.cols() != weight.rows()) {
            throw new IllegalArgumentException("Linear '" + name + "': input shape " + x.shape() + " has "
                    + x.cols() + " columns; expected " + weight.rows());
        }
        return t.linear(x, t.param(weight), t.add(t.param(bias), shift));
    }

    /** {@code x W + b}; {@code x} must be {@code n × in}. */
    public Var apply(Tape t, Var x) {
        if (x.cols() != weight.rows()) {
            throw new IllegalArgumentException("Linear '" + name + "': input shape " + x.shape() + " has "
                    + x.cols() + " columns; expected " + weight.rows());
        }
        return t.linear(x, t.param(weight), t.param(bias));
    }

    public String name() {
        return name;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public int inFeatures() {
        return weight.rows();
    }

    public int outFeatures() {
        return weight.cols();
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put(weight.name(), weight);
        m.put(bias.name(), bias);
        return m;
    }
}
