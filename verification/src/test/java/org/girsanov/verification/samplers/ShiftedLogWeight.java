package org.girsanov.verification.samplers;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.families.ForwardingSampler;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianMoments;
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
        LogWeightForm f = inner.logWeight();
        return new LogWeightForm() {
            @Override
            public Var increment(Tape t, int n, Var xn, Var xNext, GaussianMoments fwd) {
                return f.increment(t, n, xn, xNext, fwd);
            }

            @Override
            public Var start(Tape t, Var x0) {
                return f.start(t, x0);
            }

            @Override
            public Var end(Tape t, Var xN) {
                return t.addScalar(f.end(t, xN), shift);
            }
        };
    }
}
