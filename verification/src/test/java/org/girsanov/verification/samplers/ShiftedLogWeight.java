package org.girsanov.verification.samplers;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.families.ForwardingSampler;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.rnd.ForwardingLogWeight;
import org.girsanov.sde.rnd.LogWeightForm;

/** A sampler whose log-weight is {@code shift} too large on every path: a planted bug for the checks' can-fail tests. */
final class ShiftedLogWeight extends ForwardingSampler {
    private final double shift;

    ShiftedLogWeight(Sampler inner, double shift) {
        super(inner);
        this.shift = shift;
    }

    @Override
    public String name() {
        return inner.name() + "+" + shift;
    }

    @Override
    public Sampler withGrid(TimeGrid grid) {
        return new ShiftedLogWeight(inner.withGrid(grid), shift);
    }

    @Override
    public LogWeightForm logWeight() {
        return new ForwardingLogWeight(inner.logWeight()) {
            @Override
            public Var end(Tape t, Var xN) {
                return t.addScalar(inner.end(t, xN), shift);
            }
        };
    }
}
