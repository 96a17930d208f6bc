package org.girsanov.autodiff.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A multilayer perceptron {@code h_0 = x, h_{l+1} = act(h_l W_l + b_l)}, with no activation after the
 * last layer. Layer {@code l} is a {@link Linear} named {@code name + ".layer" + l}, so the parameters
 * are {@code "control.layer0.W"}, {@code "control.layer0.b"}, ….
 *
 * <p>With {@code zeroInitLastLayer} the last layer's weights and bias start at zero, so the network
 * starts as the zero function (as the PIS control network does: Zhang &amp; Chen, ICLR 2022).
 */
public final class Mlp implements Module {
    private final String name;
    private final List<Linear> layers;
    private final Activation activation;

    /** An MLP with the default initialiser for {@code act} ({@link Init#forActivation}). */
    public Mlp(String name, int[] sizes, Activation act, UniformRandomProvider rng, boolean zeroInitLastLayer) {
        this(name, sizes, act, Init.forActivation(act), rng, zeroInitLastLayer);
    }

    /**
     * @param sizes layer widths including input and output, e.g. {@code {2, 64, 64, 2}}; at least two
     */
    public Mlp(String name, int[] sizes, Activation act, Init init, UniformRandomProvider rng, boolean zeroInitLastLayer) {
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("Mlp '" + name + "': sizes must list at least input and output widths");
        }
        this.name = name;
        this.activation = act;
        List<Linear> ls = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            boolean last = l + 2 == sizes.length;
            ls.add(new Linear(name + ".layer" + l, sizes[l], sizes[l + 1], last && zeroInitLastLayer ? Init.ZEROS : init, rng));
        }
        this.layers = Collections.unmodifiableList(ls);
    }

    /** The network applied to a batch {@code x} ({@code n × sizes[0]}); returns {@code n × sizes[last]}. */
    public Var apply(Tape t, Var x) {
        Var h = x;
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).apply(t, h);
            if (l + 1 < layers.size()) {
                h = activation.apply(t, h);
            }
        }
        return h;
    }

    public String name() {
        return name;
    }

    public List<Linear> layers() {
        return layers;
    }

    public Activation activation() {
        return activation;
    }

    public int inFeatures() {
        return layers.get(0).inFeatures();
    }

    public int outFeatures() {
        return layers.get(layers.size() - 1).outFeatures();
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Linear l : layers) {
            m.putAll(l.namedParameters());
        }
        return m;
    }
}
