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
 *   u_θ(x, t) = NN₁(x, t) + NN₂(t) ⊙ clip(s(x, t), ±c),   s = ∇log ρ by default ({@link ScoreField}),
 * </pre>
 * The score is evaluated on the value of {@code x} and enters as a constant (no gradient through it),
 * clipped to {@code ±c} ({@code c = 100} in the reference code). Without this term the time-reversal
 * samplers collapse onto few modes.
 */
public final class LangevinControl implements Control {
    private final Control network;
    private final TimeNet coefficient;
    private final ScoreField score;
    private final double clip;

    /** {@code s = ∇log ρ}. */
    public LangevinControl(Control network, TimeNet coefficient, Target target, double clip) {
        this(network, coefficient, ScoreField.target(target), clip);
    }

    public LangevinControl(Control network, TimeNet coefficient, ScoreField score, double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("LangevinControl: clip = " + clip + "; must be > 0");
        }
        this.network = network;
        this.coefficient = coefficient;
        this.score = score;
        this.clip = clip;
    }

    @Override
    public Var apply(Tape t, Var x, double time) {
        DMatrixRMaj s = score.at(t, x.value(), time);
        for (int i = 0; i < s.getNumElements(); i++) {
            double v = s.data[i];
            s.data[i] = Double.isNaN(v) ? v : Math.max(-clip, Math.min(clip, v));
        }
        return t.add(network.apply(t, x, time), t.mul(coefficient.apply(t, time), t.constant(s)));
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(network.parameters());
        all.addAll(coefficient.parameters());
        return all;
    }
}
