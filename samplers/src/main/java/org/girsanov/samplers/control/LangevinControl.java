package org.girsanov.samplers.control;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.Target;

/**
 * Langevin preconditioning (Zhang &amp; Chen ICLR 2022; docs/math.md §6):
 * <pre>
 *   u_θ(x, t) = NN₁(x, t) + NN₂(t) ⊙ clip(∇log ρ(x), ±c)
 * </pre>
 * The score is evaluated on the value of {@code x} and enters as a constant (no gradient through it),
 * clipped to {@code ±c} ({@code c = 100} in the reference code). Without this term the time-reversal
 * samplers collapse onto few modes.
 */
public final class LangevinControl implements Control {
    private final Control network;
    private final TimeNet coefficient;
    private final Target target;
    private final double clip;

    public LangevinControl(Control network, TimeNet coefficient, Target target, double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("LangevinControl: clip = " + clip + "; must be > 0");
        }
        this.network = network;
        this.coefficient = coefficient;
        this.target = target;
        this.clip = clip;
    }

    @Override
    public Var apply(Tape t, Var x, double time) {
        DMatrixRMaj score = target.score(x.value());
        for (int i = 0; i < score.getNumElements(); i++) {
            double s = score.data[i];
            score.data[i] = Double.isNaN(s) ? s : Math.max(-clip, Math.min(clip, s));
        }
        return t.add(network.apply(t, x, time), t.mul(coefficient.apply(t, time), t.constant(score)));
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(network.parameters());
        all.addAll(coefficient.parameters());
        return all;
    }
}
