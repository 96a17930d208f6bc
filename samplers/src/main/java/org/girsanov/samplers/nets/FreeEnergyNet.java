package org.girsanov.samplers.nets;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.TimeNet;

/** The learned rate {@code G_φ(t) = ∂_t F_φ(t)} of {@link FreeEnergyRate}: a {@link TimeNet}, output starting at 0. */
public final class FreeEnergyNet implements FreeEnergyRate {
    private final TimeNet net;

    /** A time network of the given width and hidden layers, seeded from {@code rng}, starting at {@code G = 0}. */
    public FreeEnergyNet(String name, int width, int layers, UniformRandomProvider rng) {
        this.net = new TimeNet(name, 1, width, layers, 0.0, rng);
    }

    @Override
    public Var rate(Tape t, double time) {
        return net.apply(t, time);
    }

    /** {@code φ}. */
    @Override
    public List<Parameter> parameters() {
        return net.parameters();
    }
}
