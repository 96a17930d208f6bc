package org.girsanov.verification.samplers;

import java.util.List;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.rnd.LogWeightForm;

/** A sampler whose log-weight is {@code shift} too large on every path: a planted bug for the checks' can-fail tests. */
record ShiftedLogWeight(Sampler inner, double shift) implements Sampler {

    @Override
    public String name() {
        return inner.name() + "+" + shift;
    }

    @Override
    public Target target() {
        return inner.target();
    }

    @Override
    public Sampler withGrid(TimeGrid grid) {
        return new ShiftedLogWeight(inner.withGrid(grid), shift);
    }

    @Override
    public List<Parameter> parameters() {
        return inner.parameters();
    }

    @Override
    public TimeGrid grid() {
        return inner.grid();
    }

    @Override
    public Distribution prior() {
        return inner.prior();
    }

    @Override
    public GaussianKernel forward() {
        return inner.forward();
    }

    @Override
    public MarkovKernel backward() {
        return inner.backward();
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
