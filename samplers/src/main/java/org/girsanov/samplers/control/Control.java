package org.girsanov.samplers.control;

import java.util.List;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;

/** A learned control {@code u_θ(x, t)}: a batch {@code x} ({@code n × d}) at time {@code t} to {@code n × d}. */
public interface Control {
    Var apply(Tape t, Var x, double time);

    List<Parameter> parameters();
}
